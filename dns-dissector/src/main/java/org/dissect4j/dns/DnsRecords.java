package org.dissect4j.dns;

import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.PacketBoundsException;
import org.dissect4j.api.Tree;

/**
 * Questions and resource records (RFC 1035 §4.1.2, §4.1.3), and the RDATA of the name-, address- and
 * text-valued types; {@link DnsRdata} has the DNSSEC, EDNS(0), SVCB/HTTPS and other structured types.
 *
 * <pre>
 *  question: QNAME | QTYPE (2) | QCLASS (2)
 *  record:   NAME | TYPE (2) | CLASS (2) | TTL (4) | RDLENGTH (2) | RDATA (RDLENGTH)
 * </pre>
 *
 * Each method returns the octets the question or record occupies (a record: its name, ten octets and
 * RDLENGTH, whatever its RDATA held) and appends to the Info column as Wireshark does. The order of reads and
 * additions follows Wireshark's, so that a record cut short keeps the same fields.
 */
final class DnsRecords {
    static final int CLASS_IN = 1, CLASS_CS = 2, CLASS_CH = 3, CLASS_HS = 4, CLASS_NONE = 254, CLASS_ANY = 255;
    static final int C_QU = 0x8000, C_FLUSH = 0x8000;

    final DnsNames names = new DnsNames();
    /** The owner name of the record being dissected, as shown (some types put it in Info). */
    final StringBuilder owner = new StringBuilder(4 * DnsNames.MAX_NAME);
    /** Scratch text for strings composed per record (SRV parts, TXT decoded as ASCII). */
    final StringBuilder text = new StringBuilder(256);
    final byte[] scratch = new byte[256];
    private final DnsRdata rdata = new DnsRdata(this);
    /** Whether the last question asked for a zone transfer (AXFR, IXFR), answered by many responses. */
    boolean multipleResponses;

    /** One question; appends {@code " TYPE name"} to Info. */
    int question(Packet p, int at, int msg, int kind, StringBuilder info) {
        Tree t = p.tree();
        int nameLen = names.decode(p, at, msg);
        int type = p.u16(at + nameLen);
        int cls = p.u16(at + nameLen + 2);
        int used = nameLen + 4;
        multipleResponses = type == DnsTypes.AXFR || type == DnsTypes.IXFR;
        if (info != null) {
            info.append(' ');
            DnsTypes.appendShortName(type, info);
            info.append(' ').append(names.text);
            if (kind == DnsDissector.MDNS) {
                info.append((cls & C_QU) != 0 ? ", \"QU\" question" : ", \"QM\" question");
            }
        }
        t.addString(DnsFields.QRY_NAME, names.text);
        t.setFlags(t.addUint(DnsFields.QRY_NAME_LEN, at, nameLen, names.shownLength()), Tree.GENERATED);
        t.setFlags(t.addUint(DnsFields.COUNT_LABELS, at, nameLen, names.labelCount()), Tree.GENERATED);
        t.addUint(DnsFields.QRY_TYPE, at + nameLen, 2, type);
        if (kind == DnsDissector.MDNS) {
            t.addUint(DnsFields.QRY_CLASS_MDNS, at + nameLen + 2, 2, cls & ~C_QU);
            t.addUint(DnsFields.QRY_QU, at + nameLen + 2, 2, cls);
        } else {
            t.addUint(DnsFields.QRY_CLASS, at + nameLen + 2, 2, cls);
        }
        return used;
    }

    /** One resource record of the answer, authority or additional section; appends {@code " TYPE ..."} to Info. */
    int record(Packet p, int at, int msg, int kind, StringBuilder info) {
        Tree t = p.tree();
        boolean mdns = kind == DnsDissector.MDNS;
        int nameLen = names.decode(p, at, msg);
        owner.setLength(0);
        owner.append(names.text);
        int typeAt = at + nameLen;
        int type = p.u16(typeAt);
        int cls = p.u16(typeAt + 2);
        int dataLen = p.u16(typeAt + 8);
        int data = typeAt + 10;
        if (info != null) {
            info.append(' ');
            DnsTypes.appendShortName(type, info);
            if (mdns && (cls & C_FLUSH) != 0) {
                info.append(", cache flush");
            }
        }
        // Wireshark's subtree of the record covers all of it: a record cut short adds none of its fields
        p.require(at, nameLen + 10 + dataLen);
        if (type != DnsTypes.OPT) {
            ownerName(t, at, nameLen, type);
            t.addUint(DnsFields.RESP_TYPE, typeAt, 2, type);
            if (mdns) {
                t.addUint(DnsFields.RESP_CLASS_MDNS, typeAt + 2, 2, cls);
                t.addUint(DnsFields.RESP_CACHE_FLUSH, typeAt + 2, 2, cls);
            } else {
                t.addUint(DnsFields.RESP_CLASS, typeAt + 2, 2, cls);
            }
            long ttl = p.u32(typeAt + 4);
            t.addUint(DnsFields.RESP_TTL, typeAt + 4, 4, ttl);
            if ((ttl & 0x80000000L) != 0) {
                t.expert(DnsExpert.TTL_HIGH_BIT, typeAt + 4, 4);
            }
        } else {
            t.addString(DnsFields.RESP_NAME, owner);
            t.addUint(DnsFields.RESP_TYPE, typeAt, 2, type);
            if (mdns) {
                t.addUint(DnsFields.RR_UDP_PAYLOAD_SIZE, typeAt + 2, 2, cls);
                t.addUint(DnsFields.RESP_CACHE_FLUSH, typeAt + 2, 2, cls);
            } else {
                t.addUint(DnsFields.RR_UDP_PAYLOAD_SIZE_PLAIN, typeAt + 2, 2, cls);
            }
            p.item(DnsFields.RESP_EXT_RCODE, typeAt + 4);
            p.item(DnsFields.RESP_EDNS0_VERSION, typeAt + 5);
            int z = p.u16(typeAt + 6);
            t.openUint(DnsFields.RESP_Z, typeAt + 6, 2, z);
            t.addUint(DnsFields.RESP_Z_DO, typeAt + 6, 2, z);
            t.addUint(DnsFields.RESP_Z_RESERVED, typeAt + 6, 2, z);
            t.close();
        }
        t.addUint(DnsFields.RESP_LEN, typeAt + 8, 2, dataLen);
        if (dataLen > 0) {
            rdata(p, data, dataLen, msg, type, cls & ~C_FLUSH, kind, info);
        }
        return nameLen + 10 + dataLen;
    }

    /** DNS Stateful Operations (RFC 8490): TLVs to the end of the message; returns the octets they took. */
    int dso(Packet p, int at) {
        Tree t = p.tree();
        int c = at;
        t.open(DnsFields.DSO, at, Math.max(0, p.reportedEnd() - at));
        try {
            while (p.reportedEnd() - c >= 4) {
                int length = p.u16(c + 2);
                t.open(DnsFields.DSO_TLV, c, length + 4);
                try {
                    int type = (int) p.item(DnsFields.DSO_TLV_TYPE, c);
                    p.item(DnsFields.DSO_TLV_LENGTH, c + 2);
                    c += 4;
                    switch (type) {
                        case 1 -> {
                            p.item(DnsFields.DSO_TLV_KEEPALIVE_INACTIVITY, c);
                            p.item(DnsFields.DSO_TLV_KEEPALIVE_INTERVAL, c + 4);
                            c += 8;
                        }
                        case 2 -> {
                            p.item(DnsFields.DSO_TLV_RETRYDELAY_RETRYDELAY, c);
                            c += 4;
                        }
                        default -> {
                            if (length > 0) {
                                bytes(p, type == 3 ? DnsFields.DSO_TLV_ENCPAD_PADDING : DnsFields.DSO_TLV_DATA, c, length);
                                c += length;
                            }
                        }
                    }
                } finally {
                    t.close();
                }
            }
        } finally {
            t.close();
        }
        return c - at;
    }

    /** {@code dns.resp.name}, or for SRV records the service, protocol and name parts of the owner. */
    private void ownerName(Tree t, int at, int nameLen, int type) {
        if (type != DnsTypes.SRV || owner.isEmpty()) {
            t.addString(DnsFields.RESP_NAME, owner);
            return;
        }
        int dot1 = indexOf(owner, '.', 0);
        part(t, DnsFields.SRV_SERVICE, 0, dot1 < 0 ? owner.length() : dot1);
        if (dot1 >= 0) {
            int dot2 = indexOf(owner, '.', dot1 + 1);
            part(t, DnsFields.SRV_PROTO, dot1 + 1, dot2 < 0 ? owner.length() : dot2);
            if (dot2 >= 0) {
                part(t, DnsFields.SRV_NAME, dot2 + 1, owner.length());
            }
        }
    }

    private void part(Tree t, Field f, int from, int to) {
        text.setLength(0);
        text.append(owner, from, to);
        t.addString(f, text);
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** The RDATA of {@code len} octets at {@code at} of a record of {@code type}. */
    private void rdata(Packet p, int at, int len, int msg, int type, int cls, int kind, StringBuilder info) {
        Tree t = p.tree();
        switch (type) {
            case DnsTypes.A -> {
                long a = p.u32(at);
                if (info != null) {
                    info.append(' ');
                    ipv4(a, info);
                }
                t.addLong(DnsFields.A, at, 4, a);
            }
            case DnsTypes.NS -> nameValue(p, at, msg, DnsFields.NS, info);
            case DnsTypes.CNAME -> nameValue(p, at, msg, DnsFields.CNAME, info);
            case DnsTypes.PTR -> nameValue(p, at, msg, DnsFields.PTR_DOMAIN_NAME, info);
            case DnsTypes.DNAME -> nameValue(p, at, msg, DnsFields.DNAME, info);
            case DnsTypes.MD -> ownerThenName(p, at, msg, DnsFields.MD, info);
            case DnsTypes.MF -> ownerThenName(p, at, msg, DnsFields.MF, info);
            case DnsTypes.MB -> ownerThenName(p, at, msg, DnsFields.MB, info);
            case DnsTypes.MG -> ownerThenName(p, at, msg, DnsFields.MG, info);
            case DnsTypes.MR -> ownerThenName(p, at, msg, DnsFields.MR, info);
            case DnsTypes.NSAP_PTR -> ownerThenName(p, at, msg, DnsFields.NSAP_PTR_OWNER, info);
            case DnsTypes.SOA -> soa(p, t, at, msg, info);
            case DnsTypes.NULL -> {
                appendOwner(info);
                bytes(p, DnsFields.NULL, at, len);
            }
            case DnsTypes.NSAP -> {
                appendOwner(info);
                bytes(p, DnsFields.NSAP_RDATA, at, len);
            }
            case DnsTypes.DHCID -> {
                appendOwner(info);
                bytes(p, DnsFields.DHCID_RDATA, at, len);
            }
            case DnsTypes.MINFO -> {
                appendOwner(info);
                int used = names.decode(p, at, msg);
                t.addString(DnsFields.MINFO_R, names.text);
                names.decode(p, at + used, msg);
                t.addString(DnsFields.MINFO_E, names.text);
            }
            case DnsTypes.RP -> {
                appendOwner(info);
                int used = names.decode(p, at, msg);
                t.addString(DnsFields.RP_MAILBOX, names.text);
                names.decode(p, at + used, msg);
                t.addString(DnsFields.RP_TXT_RR, names.text);
            }
            case DnsTypes.MX -> preferenceAndName(p, at, msg, DnsFields.MX_PREFERENCE, DnsFields.MX_MAIL_EXCHANGE, info);
            case DnsTypes.KX -> preferenceAndName(p, at, msg, DnsFields.KX_PREFERENCE, DnsFields.KX_KEY_EXCHANGE, info);
            case DnsTypes.AFSDB -> {
                appendOwner(info);
                names.decode(p, at + 2, msg);
                p.item(DnsFields.AFSDB_SUBTYPE, at);
                t.addString(DnsFields.AFSDB_HOSTNAME, names.text);
            }
            case DnsTypes.RT -> {
                appendOwner(info);
                names.decode(p, at + 2, msg);
                p.item(DnsFields.RT_SUBTYPE, at);
                t.addString(DnsFields.RT_INTERMEDIATE_HOST, names.text);
            }
            case DnsTypes.PX -> {
                appendOwner(info);
                p.item(DnsFields.PX_PREFERENCE, at);
                int used = names.decode(p, at + 2, msg);
                t.addString(DnsFields.PX_MAP822, names.text);
                names.decode(p, at + 2 + used, msg);
                t.addString(DnsFields.PX_MAP400, names.text);
            }
            case DnsTypes.TXT -> characterStrings(p, at, len, DnsFields.TXT_LENGTH, DnsFields.TXT, kind == DnsDissector.MDNS);
            case DnsTypes.SPF -> characterStrings(p, at, len, DnsFields.SPF_LENGTH, DnsFields.SPF, false);
            case DnsTypes.HINFO -> hinfo(p, t, at, info);
            case DnsTypes.X25 -> {
                appendOwner(info);
                int n = (int) p.item(DnsFields.X25_LENGTH, at);
                string(p, DnsFields.X25_PSDN_ADDRESS, at + 1, n);
            }
            case DnsTypes.ISDN -> {
                appendOwner(info);
                int n = (int) p.item(DnsFields.IDSN_LENGTH, at);
                string(p, DnsFields.IDSN_ADDRESS, at + 1, n);
                if (len - 1 - n > 1) {
                    int m = (int) p.item(DnsFields.IDSN_SA_LENGTH, at + 1 + n);
                    string(p, DnsFields.IDSN_SA_ADDRESS, at + 2 + n, m);
                }
            }
            case DnsTypes.GPOS -> {
                appendOwner(info);
                int c = at;
                c += 1 + string(p, DnsFields.GPOS_LONGITUDE, c + 1, (int) p.item(DnsFields.GPOS_LONGITUDE_LENGTH, c));
                c += 1 + string(p, DnsFields.GPOS_LATITUDE, c + 1, (int) p.item(DnsFields.GPOS_LATITUDE_LENGTH, c));
                string(p, DnsFields.GPOS_ALTITUDE, c + 1, (int) p.item(DnsFields.GPOS_ALTITUDE_LENGTH, c));
            }
            case DnsTypes.AAAA -> {
                p.require(at, 16);
                if (info != null) {
                    info.append(' ');
                    ipv6(p, at, info);
                }
                t.add(DnsFields.AAAA, at, 16);
            }
            case DnsTypes.SRV -> {
                int priority = (int) p.item(DnsFields.SRV_PRIORITY, at);
                int weight = (int) p.item(DnsFields.SRV_WEIGHT, at + 2);
                int port = (int) p.item(DnsFields.SRV_PORT, at + 4);
                names.decode(p, at + 6, msg);
                t.addString(DnsFields.SRV_TARGET, names.text);
                if (info != null) {
                    info.append(' ').append(priority).append(' ').append(weight).append(' ').append(port).append(' ')
                            .append(names.text);
                }
            }
            default -> rdata.dissect(p, at, len, msg, type, cls, kind, info);
        }
    }

    private void soa(Packet p, Tree t, int at, int msg, StringBuilder info) {
        int used = names.decode(p, at, msg);
        if (info != null) {
            info.append(' ').append(names.text);
        }
        t.addString(DnsFields.SOA_MNAME, names.text);
        int c = at + used;
        c += names.decode(p, c, msg);
        t.addString(DnsFields.SOA_RNAME, names.text);
        p.item(DnsFields.SOA_SERIAL_NUMBER, c);
        p.item(DnsFields.SOA_REFRESH_INTERVAL, c + 4);
        p.item(DnsFields.SOA_RETRY_INTERVAL, c + 8);
        p.item(DnsFields.SOA_EXPIRE_LIMIT, c + 12);
        p.item(DnsFields.SOA_MINIMUM_TTL, c + 16);
    }

    private void hinfo(Packet p, Tree t, int at, StringBuilder info) {
        int cpuLen = p.u8(at);
        p.require(at + 1, cpuLen);
        int osAt = at + 1 + cpuLen;
        int osLen = p.u8(osAt);
        p.require(osAt + 1, osLen);
        if (info != null) {
            info.append(' ');
            asciiText(p, at + 1, cpuLen, info);
            info.append(' ');
            asciiText(p, osAt + 1, osLen, info);
        }
        t.addUint(DnsFields.HINFO_CPU_LENGTH, at, 1, cpuLen);
        string(p, DnsFields.HINFO_CPU, at + 1, cpuLen);
        t.addUint(DnsFields.HINFO_OS_LENGTH, osAt, 1, osLen);
        string(p, DnsFields.HINFO_OS, osAt + 1, osLen);
    }

    /** TXT and SPF: character-strings until the RDATA is used up (a length past it ends the record as malformed). */
    private void characterStrings(Packet p, int at, int len, Field lengthField, Field stringField, boolean utf8) {
        int rest = len;
        int c = at;
        while (rest != 0) {
            int n = p.u8(c);
            p.tree().addUint(lengthField, c, 1, n);
            c++;
            rest--;
            if (utf8) {
                p.require(c, n);
                p.tree().add(stringField, c, untilNul(p, c, n));
            } else {
                string(p, stringField, c, n);
            }
            c += n;
            rest -= n;
        }
    }

    /** A name-valued RDATA shown in Info: NS, CNAME, PTR, DNAME. */
    private void nameValue(Packet p, int at, int msg, Field f, StringBuilder info) {
        names.decode(p, at, msg);
        if (info != null) {
            info.append(' ').append(names.text);
        }
        p.tree().addString(f, names.text);
    }

    /** Types whose Info shows the owner name, then a name in the RDATA. */
    private void ownerThenName(Packet p, int at, int msg, Field f, StringBuilder info) {
        appendOwner(info);
        names.decode(p, at, msg);
        p.tree().addString(f, names.text);
    }

    private void preferenceAndName(Packet p, int at, int msg, Field preference, Field name, StringBuilder info) {
        int pref = p.u16(at);
        names.decode(p, at + 2, msg);
        if (info != null) {
            info.append(' ').append(pref).append(' ').append(names.text);
        }
        p.item(preference, at);
        p.tree().addString(name, names.text);
    }

    void appendOwner(StringBuilder info) {
        if (info != null) {
            info.append(' ').append(owner);
        }
    }

    /** Records {@code n} octets as bytes, checking first that they are there (as Wireshark's add_item does). */
    static void bytes(Packet p, Field f, int at, int n) {
        int len = length(p, at, n);
        p.require(at, len);
        p.tree().add(f, at, len);
    }

    /**
     * A length as Wireshark's {@code proto_tree_add_item} takes it: -1 is the rest of the layer, below that
     * the message is malformed (an RDATA shorter than its fixed part makes such lengths).
     */
    static int length(Packet p, int at, int n) {
        if (n >= 0) {
            return n;
        }
        if (n == -1) {
            return Math.max(0, p.reportedEnd() - at);
        }
        throw PacketBoundsException.MALFORMED;
    }

    /**
     * An ASCII string field of {@code n} octets: recorded in place when all are ASCII, else with each other
     * octet shown as U+FFFD (Wireshark's ENC_ASCII). Returns {@code n}.
     */
    int string(Packet p, Field f, int at, int length) {
        int n = length(p, at, length);
        p.require(at, n);
        Tree t = p.tree();
        if (!t.wants(f)) {
            return n;
        }
        int shown = untilNul(p, at, n);
        for (int i = 0; i < shown; i++) {
            if (p.u8(at + i) >= 0x80) {
                text.setLength(0);
                asciiText(p, at, shown, text);
                t.addString(f, text);
                return n;
            }
        }
        t.add(f, at, shown);
        return n;
    }

    /** The octets of a string before its first NUL: Wireshark's strings are C strings. */
    static int untilNul(Packet p, int at, int n) {
        for (int i = 0; i < n; i++) {
            if (p.u8(at + i) == 0) {
                return i;
            }
        }
        return n;
    }

    /** Octets as ENC_ASCII text: ASCII as is, others as U+FFFD. */
    static void asciiText(Packet p, int at, int n, StringBuilder out) {
        for (int i = 0; i < n; i++) {
            int b = p.u8(at + i);
            out.append(b < 0x80 ? (char) b : '\uFFFD');
        }
    }

    static void ipv4(long a, StringBuilder out) {
        out.append(a >>> 24 & 0xFF).append('.').append(a >>> 16 & 0xFF).append('.').append(a >>> 8 & 0xFF).append('.')
                .append(a & 0xFF);
    }

    /** RFC 5952 text of the 16 octets at {@code at}, as Wireshark prints IPv6 addresses. */
    static void ipv6(Packet p, int at, StringBuilder out) {
        org.dissect4j.api.AddressText.ipv6(out, p.segment(), p.base() + at);
    }
}
