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
    /** The text of the record item being dissected ({@code name: type A, class IN, addr ...}). */
    private final StringBuilder label = new StringBuilder(256);
    /**
     * {@link #label} while a record is dissected and an output shows labels, else {@code null}: what the RDATA
     * appends to the record's item ({@code ", addr 192.0.2.1"}), as Wireshark's {@code proto_item_append_text}.
     */
    StringBuilder summary;

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
        int item = t.open(DnsLabels.QUESTION, at, used);
        try {
            if (item >= 0 && t.wantsLabels()) {
                questionLabel(t, item, type, cls, kind);
            }
            questionFields(t, at, nameLen, type, cls, kind);
        } finally {
            t.close();
        }
        return used;
    }

    /** {@code example.com: type A, class IN}, and mDNS's {@code , "QU" question}. */
    private void questionLabel(Tree t, int item, int type, int cls, int kind) {
        StringBuilder l = label;
        l.setLength(0);
        l.append(names.text).append(": type ");
        DnsTypes.appendShortName(type, l);
        l.append(", class ");
        boolean mdns = kind == DnsDissector.MDNS;
        DnsLabels.className(mdns ? cls & ~C_QU : cls, l);
        DnsLabels.markTruncated(l);
        if (mdns) {
            l.append((cls & C_QU) != 0 ? ", \"QU\" question" : ", \"QM\" question");
        }
        t.setLabel(item, l);
    }

    private void questionFields(Tree t, int at, int nameLen, int type, int cls, int kind) {
        name(t, DnsFields.QRY_NAME, at, nameLen);
        t.setFlags(t.addUint(DnsFields.QRY_NAME_LEN, at, nameLen, names.shownLength()), Tree.GENERATED);
        t.setFlags(t.addUint(DnsFields.COUNT_LABELS, at, nameLen, names.labelCount()), Tree.GENERATED);
        t.addUint(DnsFields.QRY_TYPE, at + nameLen, 2, type);
        if (kind == DnsDissector.MDNS) {
            t.addUint(DnsFields.QRY_CLASS_MDNS, at + nameLen + 2, 2, cls & ~C_QU);
            t.addUint(DnsFields.QRY_QU, at + nameLen + 2, 2, cls);
        } else {
            t.addUint(DnsFields.QRY_CLASS, at + nameLen + 2, 2, cls);
        }
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
        if (info != null) {
            info.append(' ');
            DnsTypes.appendShortName(type, info);
            if (mdns && (cls & C_FLUSH) != 0) {
                info.append(", cache flush");
            }
        }
        // Wireshark's subtree of the record covers all of it: a record cut short adds none of its fields
        p.require(at, nameLen + 10 + dataLen);
        int item = t.open(DnsLabels.RECORD, at, nameLen + 10 + dataLen);
        summary = item >= 0 && t.wantsLabels() ? recordLabel(type, cls, mdns) : null;
        try {
            recordFields(p, at, nameLen, type, cls, dataLen, msg, kind, info);
        } finally {
            if (summary != null) {
                t.setLabel(item, summary);
                summary = null;
            }
            t.close();
        }
        return nameLen + 10 + dataLen;
    }

    /** {@code owner: type A, class IN} ({@code owner: type OPT} for OPT), and mDNS's {@code , cache flush}. */
    private StringBuilder recordLabel(int type, int cls, boolean mdns) {
        StringBuilder l = label;
        l.setLength(0);
        l.append(owner).append(": type ");
        DnsTypes.appendShortName(type, l);
        if (type != DnsTypes.OPT) {
            l.append(", class ");
            DnsLabels.className(mdns ? cls & ~C_FLUSH : cls, l);
        }
        DnsLabels.markTruncated(l);
        if (mdns && (cls & C_FLUSH) != 0) {
            l.append(", cache flush");
        }
        return l;
    }

    /** The record's header fields (OPT's EDNS(0) header in place of class and TTL), then its RDATA. */
    private void recordFields(Packet p, int at, int nameLen, int type, int cls, int dataLen, int msg, int kind,
                              StringBuilder info) {
        Tree t = p.tree();
        boolean mdns = kind == DnsDissector.MDNS;
        int typeAt = at + nameLen;
        int data = typeAt + 10;
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
            int ttlNode = t.addUint(DnsFields.RESP_TTL, typeAt + 4, 4, ttl);
            if ((ttl & 0x80000000L) != 0) {
                t.expertOn(ttlNode, DnsExpert.TTL_HIGH_BIT, typeAt + 4, 4, null);
            }
        } else {
            name(t, DnsFields.RESP_NAME, owner, at, nameLen);
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
            name(t, DnsFields.RESP_NAME, owner, at, nameLen);
            return;
        }
        int dot1 = indexOf(owner, '.', 0);
        part(t, DnsFields.SRV_SERVICE, 0, dot1 < 0 ? owner.length() : dot1, at, nameLen);
        if (dot1 >= 0) {
            int dot2 = indexOf(owner, '.', dot1 + 1);
            part(t, DnsFields.SRV_PROTO, dot1 + 1, dot2 < 0 ? owner.length() : dot2, at, nameLen);
            if (dot2 >= 0) {
                part(t, DnsFields.SRV_NAME, dot2 + 1, owner.length(), at, nameLen);
            }
        }
    }

    /** A part of an SRV owner name, shown over the whole name as Wireshark does. */
    private void part(Tree t, Field f, int from, int to, int at, int nameLen) {
        text.setLength(0);
        text.append(owner, from, to);
        name(t, f, text, at, nameLen);
    }

    /** The name just decoded ({@link DnsNames#text}) as a field over the {@code len} octets it took at {@code at}. */
    int name(Tree t, Field f, int at, int len) {
        return name(t, f, names.text, at, len);
    }

    /**
     * A decoded name as a string field over the octets it took in the message: not a generated item (no
     * brackets in {@code -V}), its bytes those of the name as Wireshark's {@code proto_tree_add_string} shows them.
     */
    static int name(Tree t, Field f, CharSequence text, int at, int len) {
        int n = t.addString(f, text);
        t.clearFlags(n, Tree.GENERATED);
        t.showAt(n, at, len);
        return n;
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
                if (summary != null) {
                    ipv4(a, summary.append(", addr "));
                }
            }
            case DnsTypes.NS -> nameValue(p, at, msg, DnsFields.NS, ", ns ", info);
            case DnsTypes.CNAME -> nameValue(p, at, msg, DnsFields.CNAME, ", cname ", info);
            case DnsTypes.PTR -> nameValue(p, at, msg, DnsFields.PTR_DOMAIN_NAME, ", ", info);
            case DnsTypes.DNAME -> nameValue(p, at, msg, DnsFields.DNAME, ", dname ", info);
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
                name(t, DnsFields.MINFO_R, at, used);
                name(t, DnsFields.MINFO_E, at + used, names.decode(p, at + used, msg));
            }
            case DnsTypes.RP -> {
                appendOwner(info);
                int used = names.decode(p, at, msg);
                name(t, DnsFields.RP_MAILBOX, at, used);
                name(t, DnsFields.RP_TXT_RR, at + used, names.decode(p, at + used, msg));
            }
            case DnsTypes.MX -> preferenceAndName(p, at, msg, DnsFields.MX_PREFERENCE, DnsFields.MX_MAIL_EXCHANGE, ", mx ",
                    info);
            case DnsTypes.KX -> preferenceAndName(p, at, msg, DnsFields.KX_PREFERENCE, DnsFields.KX_KEY_EXCHANGE, ", kx ",
                    info);
            case DnsTypes.AFSDB -> {
                appendOwner(info);
                int used = names.decode(p, at + 2, msg);
                p.item(DnsFields.AFSDB_SUBTYPE, at);
                name(t, DnsFields.AFSDB_HOSTNAME, at + 2, used);
            }
            case DnsTypes.RT -> {
                appendOwner(info);
                int used = names.decode(p, at + 2, msg);
                p.item(DnsFields.RT_SUBTYPE, at);
                name(t, DnsFields.RT_INTERMEDIATE_HOST, at + 2, used);
            }
            case DnsTypes.PX -> {
                appendOwner(info);
                p.item(DnsFields.PX_PREFERENCE, at);
                int used = names.decode(p, at + 2, msg);
                name(t, DnsFields.PX_MAP822, at + 2, used);
                name(t, DnsFields.PX_MAP400, at + 2 + used, names.decode(p, at + 2 + used, msg));
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
                if (summary != null) {
                    ipv6(p, at, summary.append(", addr "));
                }
            }
            case DnsTypes.SRV -> {
                int priority = (int) p.item(DnsFields.SRV_PRIORITY, at);
                int weight = (int) p.item(DnsFields.SRV_WEIGHT, at + 2);
                int port = (int) p.item(DnsFields.SRV_PORT, at + 4);
                name(t, DnsFields.SRV_TARGET, at + 6, names.decode(p, at + 6, msg));
                if (summary != null) {
                    summary.append(", priority ").append(priority).append(", weight ").append(weight).append(", port ")
                            .append(port).append(", target ").append(names.text);
                }
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
        if (summary != null) {
            summary.append(", mname ").append(names.text);
        }
        name(t, DnsFields.SOA_MNAME, at, used);
        int c = at + used;
        used = names.decode(p, c, msg);
        name(t, DnsFields.SOA_RNAME, c, used);
        c += used;
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
        if (summary != null) {
            asciiText(p, at + 1, cpuLen, summary.append(", CPU "));
            asciiText(p, osAt + 1, osLen, summary.append(", OS "));
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

    /** A name-valued RDATA shown in Info and the record's item ({@code ", cname "}): NS, CNAME, PTR, DNAME. */
    private void nameValue(Packet p, int at, int msg, Field f, String itemText, StringBuilder info) {
        int used = names.decode(p, at, msg);
        if (info != null) {
            info.append(' ').append(names.text);
        }
        if (summary != null) {
            summary.append(itemText).append(names.text);
        }
        name(p.tree(), f, at, used);
    }

    /** Types whose Info shows the owner name, then a name in the RDATA. */
    private void ownerThenName(Packet p, int at, int msg, Field f, StringBuilder info) {
        appendOwner(info);
        name(p.tree(), f, at, names.decode(p, at, msg));
    }

    /** MX and KX: {@code ", preference 10, mx mail.example.com"} on the record's item. */
    private void preferenceAndName(Packet p, int at, int msg, Field preference, Field exchange, String itemText,
                                   StringBuilder info) {
        int pref = p.u16(at);
        int used = names.decode(p, at + 2, msg);
        if (info != null) {
            info.append(' ').append(pref).append(' ').append(names.text);
        }
        if (summary != null) {
            summary.append(", preference ").append(pref).append(itemText).append(names.text);
        }
        p.item(preference, at);
        name(p.tree(), exchange, at + 2, used);
    }

    void appendOwner(StringBuilder info) {
        if (info != null) {
            info.append(' ').append(owner);
        }
    }

    /** Records {@code n} octets as bytes, checking first that they are there (as Wireshark's add_item does). */
    static int bytes(Packet p, Field f, int at, int n) {
        int len = length(p, at, n);
        p.require(at, len);
        return p.tree().add(f, at, len);
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
                name(t, f, text, at, shown);
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
