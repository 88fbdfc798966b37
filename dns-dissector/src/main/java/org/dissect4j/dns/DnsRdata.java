package org.dissect4j.dns;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The structured RDATA types: EDNS(0) OPT with its options (RFC 6891), DNSSEC (DS, DNSKEY, RRSIG, NSEC,
 * NSEC3, NSEC3PARAM: RFC 4034, RFC 5155, and their CDS/CDNSKEY/DLV/KEY/SIG kin), SVCB and HTTPS (RFC 9460),
 * CAA (RFC 8659), NAPTR, LOC, TLSA, SSHFP, IPSECKEY, HIP, CSYNC, ZONEMD, TKEY, TSIG, the ILNP and EUI
 * types, Microsoft's WINS records and anything else (as {@code dns.data}, with Wireshark's
 * "undecoded" expert item). Called by {@link DnsRecords} with the RDATA's offset and length.
 */
final class DnsRdata {
    // EDNS(0) option codes (IANA "DNS EDNS0 Option Codes")
    static final int O_DAU = 5, O_DHU = 6, O_N3U = 7, O_CLIENT_SUBNET = 8, O_COOKIE = 10, O_EDNS_TCP_KA = 11,
            O_PADDING = 12, O_CHAIN = 13, O_EXT_ERROR = 15, O_CLIENT_SUBNET_EXP = 0x50FA;
    static final int AFNUM_INET = 1, AFNUM_INET6 = 2;
    static final int DNS_ALGO_RSAMD5 = 1;
    private static final String BASE32HEX = "0123456789abcdefghijklmnopqrstuv";

    private final DnsRecords records;
    private final DnsNames names;
    private final StringBuilder text;
    /** {@link DnsRecords#scratch} as a segment, for addresses padded out of a prefix. */
    private final MemorySegment scratchSegment;
    private final StringBuilder expertText = new StringBuilder(128);
    private final DnsSvcb svcb;
    private final DnsEdns edns;
    /** The key tag {@link #keyId} computed. */
    private int keyId;

    DnsRdata(DnsRecords records) {
        this.records = records;
        this.names = records.names;
        this.text = records.text;
        this.scratchSegment = MemorySegment.ofArray(records.scratch);
        this.svcb = new DnsSvcb(records);
        this.edns = new DnsEdns(records, this);
    }

    void dissect(Packet p, int at, int len, int msg, int type, int cls, int kind, StringBuilder info) {
        Tree t = p.tree();
        switch (type) {
            case DnsTypes.OPT -> edns.options(p, t, at, len);
            case DnsTypes.DS, DnsTypes.CDS, DnsTypes.DLV -> {
                p.item(DnsFields.DS_KEY_ID, at);
                p.item(DnsFields.DS_ALGORITHM, at + 2);
                p.item(DnsFields.DS_DIGEST_TYPE, at + 3);
                DnsRecords.bytes(p, DnsFields.DS_DIGEST, at + 4, len - 4);
            }
            case DnsTypes.DNSKEY, DnsTypes.CDNSKEY -> dnskey(p, t, at, len);
            case DnsTypes.KEY -> key(p, t, at, len);
            case DnsTypes.RRSIG, DnsTypes.SIG -> rrsig(p, t, at, len, msg);
            case DnsTypes.NSEC, DnsTypes.NXT -> {
                int used = names.decode(p, at, msg);
                if (info != null) {
                    info.append(' ').append(names.text);
                }
                if (records.summary != null) {
                    records.summary.append(", next domain name ").append(names.text);
                }
                if (type == DnsTypes.NSEC) {
                    records.name(t, DnsFields.NSEC_NEXT_DOMAIN_NAME, at, used);
                    typeBitmap(p, t, at + used, len - used);
                } else {
                    records.name(t, DnsFields.NXT_NEXT_DOMAIN_NAME, at, used);
                    nxtBitmap(p, t, at + used, len - used);
                }
            }
            case DnsTypes.NSEC3 -> nsec3(p, t, at, len);
            case DnsTypes.NSEC3PARAM -> {
                records.appendOwner(info);
                p.item(DnsFields.NSEC3_ALGO, at);
                p.item(DnsFields.NSEC3_FLAGS, at + 1);
                p.item(DnsFields.NSEC3_ITERATIONS, at + 2);
                int salt = (int) p.item(DnsFields.NSEC3_SALT_LENGTH, at + 4);
                DnsRecords.bytes(p, DnsFields.NSEC3_SALT_VALUE, at + 5, salt);
            }
            case DnsTypes.SVCB, DnsTypes.HTTPS -> svcb.dissect(p, t, at, len, msg);
            case DnsTypes.CAA -> caa(p, t, at, len);
            case DnsTypes.TLSA -> {
                records.appendOwner(info);
                p.item(DnsFields.TLSA_CERTIFICATE_USAGE, at);
                p.item(DnsFields.TLSA_SELECTOR, at + 1);
                p.item(DnsFields.TLSA_MATCHING_TYPE, at + 2);
                DnsRecords.bytes(p, DnsFields.TLSA_CERTIFICATE_ASSOCIATION_DATA, at + 3, len - 3);
            }
            case DnsTypes.SSHFP -> {
                p.item(DnsFields.SSHFP_ALGORITHM, at);
                p.item(DnsFields.SSHFP_FINGERPRINT_TYPE, at + 1);
                if (len - 2 != 0) {
                    DnsRecords.bytes(p, DnsFields.SSHFP_FINGERPRINT, at + 2, len - 2);
                }
            }
            case DnsTypes.NAPTR -> naptr(p, t, at, msg, info);
            case DnsTypes.CERT -> {
                p.item(DnsFields.CERT_TYPE, at);
                p.item(DnsFields.CERT_KEY_TAG, at + 2);
                p.item(DnsFields.CERT_ALGORITHM, at + 4);
                if (len - 5 != 0) {
                    DnsRecords.bytes(p, DnsFields.CERT_CERTIFICATE, at + 5, len - 5);
                }
            }
            case DnsTypes.LOC -> {
                int version = (int) p.item(DnsFields.LOC_VERSION, at);
                if (version == 0) {
                    p.item(DnsFields.LOC_SIZE, at + 1);
                    p.item(DnsFields.LOC_HORIZONTAL_PRECISION, at + 2);
                    p.item(DnsFields.LOC_VERTICAL_PRECISION, at + 3);
                    p.item(DnsFields.LOC_LATITUDE, at + 4);
                    p.item(DnsFields.LOC_LONGITUDE, at + 8);
                    p.item(DnsFields.LOC_ALTITUDE, at + 12);
                } else {
                    DnsRecords.bytes(p, DnsFields.LOC_UNKNOWN_DATA, at, len);
                }
            }
            case DnsTypes.WKS -> wks(p, t, at, len, info);
            case DnsTypes.A6 -> a6(p, t, at, msg, info);
            case DnsTypes.APL -> apl(p, t, at, len, info);
            case DnsTypes.IPSECKEY -> ipseckey(p, t, at, len, msg);
            case DnsTypes.HIP -> hip(p, t, at, len, msg, info);
            case DnsTypes.OPENPGPKEY -> records.string(p, DnsFields.OPENPGPKEY, at, len);
            case DnsTypes.CSYNC -> {
                p.item(DnsFields.CSYNC_SOA, at);
                int flags = p.u16(at + 4);
                t.openUint(DnsFields.CSYNC_FLAGS, at + 4, 2, flags);
                t.addUint(DnsFields.CSYNC_FLAGS_IMMEDIATE, at + 4, 2, flags);
                t.addUint(DnsFields.CSYNC_FLAGS_SOAMINIMUM, at + 4, 2, flags);
                t.close();
                DnsRecords.bytes(p, DnsFields.CSYNC_TYPE_BITMAP, at + 6, len - 6);
                typeBitmap(p, t, at + 6, len - 6);
            }
            case DnsTypes.ZONEMD -> {
                p.item(DnsFields.ZONEMD_SERIAL, at);
                p.item(DnsFields.ZONEMD_SCHEME, at + 4);
                p.item(DnsFields.ZONEMD_HASH_ALGO, at + 5);
                DnsRecords.bytes(p, DnsFields.ZONEMD_DIGEST, at + 6, len - 6);
            }
            case DnsTypes.NID -> {
                p.item(DnsFields.ILNP_NID_PREFERENCE, at);
                DnsRecords.bytes(p, DnsFields.ILNP_NID, at + 2, 8);
            }
            case DnsTypes.L32 -> {
                p.item(DnsFields.ILNP_L32_PREFERENCE, at);
                p.item(DnsFields.ILNP_L32, at + 2);
            }
            case DnsTypes.L64 -> {
                p.item(DnsFields.ILNP_L64_PREFERENCE, at);
                DnsRecords.bytes(p, DnsFields.ILNP_L64, at + 2, 8);
            }
            case DnsTypes.LP -> {
                p.item(DnsFields.ILNP_LP_PREFERENCE, at);
                records.name(t, DnsFields.ILNP_LP, at + 2, names.decode(p, at + 2, msg));
            }
            case DnsTypes.EUI48 -> DnsRecords.bytes(p, DnsFields.EUI48, at, 6);
            case DnsTypes.EUI64 -> DnsRecords.bytes(p, DnsFields.EUI64, at, 8);
            case DnsTypes.TKEY -> tkey(p, t, at, msg);
            case DnsTypes.TSIG -> tsig(p, t, at, msg);
            case DnsTypes.WINS -> {
                t.addUint(DnsFields.WINS_LOCAL_FLAG, at, 4, p.u32(at));
                p.item(DnsFields.WINS_LOOKUP_TIMEOUT, at + 4);
                p.item(DnsFields.WINS_CACHE_TIMEOUT, at + 8);
                long servers = p.item(DnsFields.WINS_NB_WINS_SERVERS, at + 12);
                int rest = len - 16;
                for (int c = at + 16; rest != 0 && servers != 0; c += 4, rest -= 4, servers--) {
                    p.item(DnsFields.WINS_WINS_SERVER, c);
                }
            }
            case DnsTypes.WINS_R -> {
                t.addUint(DnsFields.WINSR_LOCAL_FLAG, at, 4, p.u32(at));
                p.item(DnsFields.WINSR_LOOKUP_TIMEOUT, at + 4);
                p.item(DnsFields.WINSR_CACHE_TIMEOUT, at + 8);
                records.name(t, DnsFields.WINSR_NAME_RESULT_DOMAIN, at + 12, names.decode(p, at + 12, msg));
                if (records.summary != null) {
                    records.summary.append(", name result domain ").append(names.text);
                }
                if (info != null) {
                    info.append(' ').append(names.text);
                }
            }
            case DnsTypes.XPF -> xpf(p, at);
            default -> {
                t.expert(DnsExpert.UNDECODED, at, len, !t.wantsExpertMessages() ? null : message("Dissector for DNS Type (")
                        .append(type).append(") code not implemented, Contact Wireshark developers if you want this supported"));
                DnsRecords.bytes(p, DnsFields.DATA, at, len);
            }
        }
    }

    /** The reused text of an expert message, started with {@code s}. */
    StringBuilder message(String s) {
        expertText.setLength(0);
        return expertText.append(s);
    }

    /** {@code n} octets at {@code at} copied to the front of a zeroed scratch of {@code size} (an address prefix). */
    MemorySegment padded(Packet p, int at, int n, int size) {
        Arrays.fill(records.scratch, 0, size, (byte) 0);
        for (int i = 0; i < n; i++) {
            records.scratch[i] = (byte) p.u8(at + i);
        }
        return scratchSegment;
    }

    private void dnskey(Packet p, Tree t, int at, int len) {
        int flags = p.u16(at);
        t.openUint(DnsFields.DNSKEY_FLAGS, at, 2, flags);
        t.addUint(DnsFields.DNSKEY_FLAGS_ZONE_KEY, at, 2, flags);
        t.addUint(DnsFields.DNSKEY_FLAGS_KEY_REVOKED, at, 2, flags);
        t.addUint(DnsFields.DNSKEY_FLAGS_SECURE_ENTRY_POINT, at, 2, flags);
        t.addUint(DnsFields.DNSKEY_FLAGS_RESERVED, at, 2, flags);
        t.close();
        protocolAlgorithmKeyId(p, t, at, len, DnsFields.DNSKEY_PROTOCOL, DnsFields.DNSKEY_ALGORITHM, DnsFields.DNSKEY_KEY_ID);
        DnsRecords.bytes(p, DnsFields.DNSKEY_PUBLIC_KEY, at + 4, len - 4);
    }

    private void key(Packet p, Tree t, int at, int len) {
        int flags = p.u16(at);
        t.openUint(DnsFields.KEY_FLAGS, at, 2, flags);
        t.addUint(DnsFields.KEY_FLAGS_AUTHENTICATION, at, 2, flags);
        t.addUint(DnsFields.KEY_FLAGS_CONFIDENTIALITY, at, 2, flags);
        if ((flags & 0xC000) != 0xC000) {
            t.addUint(DnsFields.KEY_FLAGS_REQUIRED, at, 2, flags);
            t.addUint(DnsFields.KEY_FLAGS_ASSOCIATED_USER, at, 2, flags);
            t.addUint(DnsFields.KEY_FLAGS_ASSOCIATED_NAMED_ENTITY, at, 2, flags);
            t.addUint(DnsFields.KEY_FLAGS_IPSEC, at, 2, flags);
            t.addUint(DnsFields.KEY_FLAGS_MIME, at, 2, flags);
            t.addUint(DnsFields.KEY_FLAGS_SIGNATORY, at, 2, flags);
        }
        t.close();
        protocolAlgorithmKeyId(p, t, at, len, DnsFields.KEY_PROTOCOL, DnsFields.KEY_ALGORITHM, DnsFields.KEY_KEY_ID);
        if (len - 4 != 0) {
            DnsRecords.bytes(p, DnsFields.KEY_PUBLIC_KEY, at + 4, len - 4);
        }
    }

    /** The protocol and algorithm octets after a key's flags, and the key tag computed over the RDATA. */
    private void protocolAlgorithmKeyId(Packet p, Tree t, int at, int len, Field protocol, Field algorithm, Field keyTag) {
        p.item(protocol, at + 2);
        int algo = (int) p.item(algorithm, at + 3);
        if (keyId(p, t, at, len, algo)) {
            t.addGenerated(keyTag, keyId);
        }
    }

    /** RFC 4034 Appendix B key tag of the whole RDATA (RSA/MD5: the key's next-to-last two octets). */
    private boolean keyId(Packet p, Tree t, int at, int size, int algo) {
        if (size < 4) {
            keyId = 0;
            t.setFlags(t.expert(DnsExpert.KEY_ID_TOO_SHORT, at, size), Tree.GENERATED);
            return false;
        }
        if (algo == DNS_ALGO_RSAMD5) {
            keyId = p.u8(at + size - 3) << 8 | p.u8(at + size - 2);
            return true;
        }
        long ac = 0;
        int i = 0;
        for (; size - i > 1; i += 2) {
            ac += p.u16(at + i);
        }
        if (size - i > 0) {
            ac += (long) p.u8(at + i) << 8;
        }
        ac += ac >> 16 & 0xFFFF;
        keyId = (int) (ac & 0xFFFF);
        return true;
    }

    private void rrsig(Packet p, Tree t, int at, int len, int msg) {
        p.item(DnsFields.RRSIG_TYPE_COVERED, at);
        p.item(DnsFields.RRSIG_ALGORITHM, at + 2);
        p.item(DnsFields.RRSIG_LABELS, at + 3);
        p.item(DnsFields.RRSIG_ORIGINAL_TTL, at + 4);
        t.addLong(DnsFields.RRSIG_SIGNATURE_EXPIRATION, at + 8, 4, p.u32(at + 8) * 1_000_000_000L);
        t.addLong(DnsFields.RRSIG_SIGNATURE_INCEPTION, at + 12, 4, p.u32(at + 12) * 1_000_000_000L);
        p.item(DnsFields.RRSIG_KEY_TAG, at + 16);
        int used = names.decode(p, at + 18, msg);
        records.name(t, DnsFields.RRSIG_SIGNERS_NAME, at + 18, used);
        int rest = len - 18 - used;
        if (rest != 0) {
            DnsRecords.bytes(p, DnsFields.RRSIG_SIGNATURE, at + 18 + used, rest);
        }
    }

    /** RFC 4034 §4.1.2 type bitmap: window, length, bits; each set bit is a {@code dns.resp.type}. */
    private void typeBitmap(Packet p, Tree t, int at, int len) {
        int rest = len;
        int c = at;
        while (rest != 0) {
            int window = p.u8(c);
            int size = p.u8(c + 1);
            c += 2;
            rest -= 2;
            int type = window * 256;
            for (; size > 0; size--) {
                int bits = p.u8(c);
                for (int i = 0; i < 8; i++) {
                    if ((bits & 0x80 >> i) != 0) {
                        bitmapType(t, t.addUint(DnsFields.RESP_TYPE, c, 1, type), type);
                    }
                    type++;
                }
                c++;
                rest--;
            }
        }
    }

    /** RFC 2535 NXT bitmap: types from 0, one bit each. */
    private void nxtBitmap(Packet p, Tree t, int at, int len) {
        int type = 0;
        for (int c = at; c < at + len; c++) {
            int bits = p.u8(c);
            for (int i = 0; i < 8; i++) {
                if ((bits & 0x80 >> i) != 0) {
                    bitmapType(t, t.addUint(DnsFields.RESP_TYPE, c, 1, type), type);
                }
                type++;
            }
        }
    }

    private void nsec3(Packet p, Tree t, int at, int len) {
        p.item(DnsFields.NSEC3_ALGO, at);
        int flags = p.u8(at + 1);
        t.openUint(DnsFields.NSEC3_FLAGS, at + 1, 1, flags);
        t.addUint(DnsFields.NSEC3_FLAGS_OPT_OUT, at + 1, 1, flags);
        t.close();
        p.item(DnsFields.NSEC3_ITERATIONS, at + 2);
        int salt = (int) p.item(DnsFields.NSEC3_SALT_LENGTH, at + 4);
        DnsRecords.bytes(p, DnsFields.NSEC3_SALT_VALUE, at + 5, salt);
        int c = at + 5 + salt;
        int hash = (int) p.item(DnsFields.NSEC3_HASH_LENGTH, c);
        c++;
        if (hash > 0) {
            // base32hex (RFC 4648 §7) without padding, five bits at a time
            text.setLength(0);
            for (int bit = 0; bit / 8 < hash; bit += 5) {
                // a group that crosses into the next octet reads it, past the hash too, as Wireshark's tvb_get_bits8
                int word = p.u8(c + bit / 8) << 8 | (bit % 8 > 3 ? p.u8(c + bit / 8 + 1) : 0);
                text.append(BASE32HEX.charAt(word >> (11 - bit % 8) & 0x1F));
            }
            t.showAt(t.addString(DnsFields.NSEC3_HASH_VALUE, text), c, hash);       // generated, over the hash
            c += hash;
        }
        typeBitmap(p, t, c, len - (c - at));
    }

    /** An address padded from fewer octets: a value of its own, shown over the octets it came from. */
    static void shownAt(Tree t, int node, int at, int len) {
        t.clearFlags(node, Tree.GENERATED);
        t.showAt(node, at, len);
    }

    /** A type of an NSEC/NXT bit map: {@code RR type in bit map: A (Host Address)}. */
    private void bitmapType(Tree t, int node, int type) {
        if (node < 0 || !t.wantsLabels()) {
            return;
        }
        text.setLength(0);
        String name = DnsFields.QRY_TYPE_VALUES.name(type);
        text.append("RR type in bit map: ");
        if (name != null) {
            text.append(name);
        } else {
            text.append("Unknown (").append(type).append(')');
        }
        t.setLabel(node, text);
    }

    private void caa(Packet p, Tree t, int at, int len) {
        int flags = p.u8(at);
        t.openUint(DnsFields.CAA_FLAGS, at, 1, flags);
        t.addUint(DnsFields.CAA_FLAGS_ISSUER_CRITICAL, at, 1, flags);
        t.close();
        int c = at + 1;
        int tagLen = p.u8(c);
        p.require(c + 1, tagLen);
        int valueLen = (len - (tagLen + 2)) & 0xFFFF;
        p.require(c + 1 + tagLen, valueLen);
        Field field = tagIs(p, c + 1, tagLen, "issue") ? DnsFields.CAA_ISSUE
                : tagIs(p, c + 1, tagLen, "issuewild") ? DnsFields.CAA_ISSUEWILD
                : tagIs(p, c + 1, tagLen, "iodef") ? DnsFields.CAA_IODEF : DnsFields.CAA_UNKNOWN;
        caaValue(p, c + 1 + tagLen, valueLen);
        // the property's item holds its tag and value, as Wireshark's CAA subtree
        t.push(DnsRecords.name(t, field, text, c, 1 + tagLen + valueLen));
        try {
            t.addUint(DnsFields.CAA_TAG_LENGTH, c, 1, tagLen);
            records.string(p, DnsFields.CAA_TAG, c + 1, tagLen);
            DnsRecords.name(t, DnsFields.CAA_VALUE, text, c + 1 + tagLen, valueLen);
        } finally {
            t.close();
        }
    }

    /** The CAA value as Wireshark shows it: ENC_ASCII text (U+FFFD for other octets) through format_text. */
    private void caaValue(Packet p, int at, int n) {
        text.setLength(0);
        for (int i = 0; i < n; i++) {
            int b = p.u8(at + i);
            if (b >= 0x80) {
                text.append('\uFFFD');
            } else {
                records.scratch[0] = (byte) b;
                DnsNames.format(records.scratch, 0, 1, text);
            }
        }
    }

    /** C's {@code strncmp(tag, s, n) == 0} for the {@code n}-octet tag at {@code at}. */
    private static boolean tagIs(Packet p, int at, int n, String s) {
        for (int i = 0; i < n; i++) {
            int want = i < s.length() ? s.charAt(i) : 0;
            int b = p.u8(at + i);
            if (b != want) {
                return false;
            }
            if (want == 0) {
                return true;
            }
        }
        return true;
    }

    private void naptr(Packet p, Tree t, int at, int msg, StringBuilder info) {
        int order = (int) p.item(DnsFields.NAPTR_ORDER, at);
        int preference = (int) p.item(DnsFields.NAPTR_PREFERENCE, at + 2);
        int c = at + 4;
        int flagsLen = (int) p.item(DnsFields.NAPTR_FLAGS_LENGTH, c);
        int flagsAt = c + 1;
        records.string(p, DnsFields.NAPTR_FLAGS, flagsAt, flagsLen);
        c += 1 + flagsLen;
        int serviceLen = (int) p.item(DnsFields.NAPTR_SERVICE_LENGTH, c);
        records.string(p, DnsFields.NAPTR_SERVICE, c + 1, serviceLen);
        c += 1 + serviceLen;
        int regexLen = (int) p.item(DnsFields.NAPTR_REGEX_LENGTH, c);
        records.string(p, DnsFields.NAPTR_REGEX, c + 1, regexLen);
        c += 1 + regexLen;
        int used = names.decode(p, c, msg);
        t.setFlags(t.addUint(DnsFields.NAPTR_REPLACEMENT_LENGTH, c, 0, names.rawLength), Tree.GENERATED);
        records.name(t, DnsFields.NAPTR_REPLACEMENT, c, used);
        if (info != null) {
            info.append(' ').append(order).append(' ').append(preference).append(' ');
            DnsRecords.asciiText(p, flagsAt, flagsLen, info);
        }
        StringBuilder summary = records.summary;
        if (summary != null) {
            summary.append(", order ").append(order).append(", preference ").append(preference).append(", flags ");
            DnsRecords.asciiText(p, flagsAt, flagsLen, summary);
        }
    }

    /** RFC 2874 A6: prefix length, the address suffix (padded to 16 octets), the prefix name. */
    private void a6(Packet p, Tree t, int at, int msg, StringBuilder info) {
        int prefix = p.u8(at);
        int suffixBits = (128 - prefix) & 0xFFFF;          // Wireshark's unsigned short: a prefix over 128 wraps
        int octets = suffixBits != 0 ? (suffixBits - 1) / 8 + 1 : 0;
        int pad = Math.max(0, 16 - octets);
        Arrays.fill(records.scratch, 0, 16, (byte) 0);
        int c = at + 1;
        for (int i = pad; i < 16; i++) {
            records.scratch[i] = (byte) p.u8(c++);
        }
        int used = 0;
        if (prefix > 0) {
            used = names.decode(p, c, msg);
        } else {
            names.text.setLength(0);
        }
        if (info != null) {
            info.append(' ').append(prefix).append(' ');
            org.dissect4j.api.AddressText.ipv6(info, scratchSegment, 0);
            info.append(' ').append(names.text);
        }
        if (records.summary != null) {
            records.summary.append(", addr ").append(prefix).append(' ');
            org.dissect4j.api.AddressText.ipv6(records.summary, scratchSegment, 0);
            records.summary.append(' ').append(names.text);
        }
        t.addUint(DnsFields.A6_PREFIX_LEN, at, 1, prefix);
        if (suffixBits != 0) {
            p.require(at + 1, octets);
            shownAt(t, t.addBytes(DnsFields.A6_ADDRESS_SUFFIX, scratchSegment, 0, 16), at + 1, octets);
        }
        if (prefix > 0) {
            records.name(t, DnsFields.A6_PREFIX_NAME, c, used);
        }
    }

    private void wks(Packet p, Tree t, int at, int len, StringBuilder info) {
        long a = p.u32(at);
        if (info != null) {
            info.append(' ');
            DnsRecords.ipv4(a, info);
        }
        if (records.summary != null) {
            DnsRecords.ipv4(a, records.summary.append(", addr "));
        }
        t.addLong(DnsFields.WKS_ADDRESS, at, 4, a);
        p.item(DnsFields.WKS_PROTOCOL, at + 4);
        int rest = len - 5;
        for (int c = at + 5; rest != 0; c++, rest--) {
            int bits = p.u8(c);
            if (bits != 0) {
                wksPorts(t, t.addUint(DnsFields.WKS_BITS, c, 1, bits), bits, (c - at - 5) * 8);
            }
        }
    }

    /** {@code Bits: 0x41 (1, 7)}: the ports a bitmap octet sets, from {@code firstPort} (as numbers, like tshark's). */
    private void wksPorts(Tree t, int node, int bits, int firstPort) {
        if (node < 0 || !t.wantsLabels()) {
            return;
        }
        text.setLength(0);
        FieldFormat.hexNumber(bits, 2, text.append("Bits: "));
        text.append(" (");
        int start = text.length();
        for (int i = 0; i < 8; i++) {
            if ((bits & 0x80 >> i) != 0) {
                text.append(text.length() > start ? ", " : "").append(firstPort + i);
            }
        }
        t.setLabel(node, text.append(')'));
    }

    private void apl(Packet p, Tree t, int at, int len, StringBuilder info) {
        records.appendOwner(info);
        int rest = len;
        int c = at;
        while (rest > 1) {
            int family = (int) p.item(DnsFields.APL_ADDRESS_FAMILY, c);
            p.item(DnsFields.APL_CODED_PREFIX, c + 2);
            int b = p.u8(c + 3);
            int afd = b & 0x7F;
            t.addUint(DnsFields.APL_NEGATION, c + 3, 1, b);
            t.addUint(DnsFields.APL_AFDLENGTH, c + 3, 1, b);
            c += 4;
            rest -= 4;
            p.require(c, afd);
            if (family == AFNUM_INET && afd <= 4) {
                long a = 0;
                for (int i = 0; i < 4; i++) {
                    a = a << 8 | (i < afd ? p.u8(c + i) : 0);
                }
                t.addLong(DnsFields.APL_AFDPART_IPV4, c, afd, a);
            } else if (family == AFNUM_INET6 && afd <= 16) {
                shownAt(t, t.addBytes(DnsFields.APL_AFDPART_IPV6, padded(p, c, afd, 16), 0, 16), c, afd);
            } else {
                t.add(DnsFields.APL_AFDPART_DATA, c, afd);
            }
            c += afd;
            rest -= afd;
        }
    }

    private void ipseckey(Packet p, Tree t, int at, int len, int msg) {
        p.item(DnsFields.IPSECKEY_GATEWAY_PRECEDENCE, at);
        int type = (int) p.item(DnsFields.IPSECKEY_GATEWAY_TYPE, at + 1);
        p.item(DnsFields.IPSECKEY_GATEWAY_ALGORITHM, at + 2);
        int c = at + 3;
        switch (type) {
            case 1 -> {
                p.item(DnsFields.IPSECKEY_GATEWAY_IPV4, c);
                c += 4;
            }
            case 2 -> {
                DnsRecords.bytes(p, DnsFields.IPSECKEY_GATEWAY_IPV6, c, 16);
                c += 16;
            }
            case 3 -> {
                int used = names.decode(p, c, msg);
                records.name(t, DnsFields.IPSECKEY_GATEWAY_DNS, c, used);
                c += used;
            }
            default -> {
            }
        }
        int rest = len - (c - at);
        if (rest != 0) {
            DnsRecords.bytes(p, DnsFields.IPSECKEY_PUBLIC_KEY, c, rest);
        }
    }

    private void hip(Packet p, Tree t, int at, int len, int msg, StringBuilder info) {
        records.appendOwner(info);
        int hitLen = p.u8(at);
        t.addUint(DnsFields.HIP_HIT_LENGTH, at, 1, hitLen);
        p.item(DnsFields.HIP_HIT_PK_ALGO, at + 1);
        int pkLen = (int) p.item(DnsFields.HIP_PK_LENGTH, at + 2);
        int c = at + 4;
        DnsRecords.bytes(p, DnsFields.HIP_HIT, c, hitLen);
        c += hitLen;
        DnsRecords.bytes(p, DnsFields.HIP_PK, c, pkLen);
        c += pkLen;
        int rest = len - (c - at);
        while (rest > 1) {
            int used = names.decode(p, c, msg);
            records.name(t, DnsFields.HIP_RENDEZVOUS_SERVER, c, used);
            c += used;
            rest -= used;
        }
    }

    private void tkey(Packet p, Tree t, int at, int msg) {
        int c = at + names.decode(p, at, msg);
        records.name(t, DnsFields.TKEY_ALGO_NAME, at, c - at);
        t.addLong(DnsFields.TKEY_SIGNATURE_INCEPTION, c, 4, p.u32(c) * 1_000_000_000L);
        t.addLong(DnsFields.TKEY_SIGNATURE_EXPIRATION, c + 4, 4, p.u32(c + 4) * 1_000_000_000L);
        p.item(DnsFields.TKEY_MODE, c + 8);
        p.item(DnsFields.TKEY_ERROR, c + 10);
        int keyLen = (int) p.item(DnsFields.TKEY_KEY_SIZE, c + 12);
        c += 14;
        if (keyLen != 0) {
            DnsRecords.bytes(p, DnsFields.TKEY_KEY_DATA, c, keyLen);
            c += keyLen;
        }
        int otherLen = (int) p.item(DnsFields.TKEY_OTHER_SIZE, c);
        if (otherLen != 0) {
            DnsRecords.bytes(p, DnsFields.TKEY_OTHER_DATA, c + 2, otherLen);
        }
    }

    private void tsig(Packet p, Tree t, int at, int msg) {
        int c = at + names.decode(p, at, msg);
        CharSequence algorithm = names.text;
        records.name(t, DnsFields.TSIG_ALGORITHM_NAME, at, c - at);
        long secs = (long) p.u16(c) << 32 | p.u32(c + 2);
        t.addLong(DnsFields.TSIG_TIME_SIGNED, c, 6, secs * 1_000_000_000L);
        p.item(DnsFields.TSIG_FUDGE, c + 6);
        int macLen = (int) p.item(DnsFields.TSIG_MAC_SIZE, c + 8);
        c += 10;
        if (macLen != 0) {
            int mac = t.add(DnsFields.TSIG_MAC, c, macLen);
            t.expertOn(mac, DnsExpert.TSIG_NO_ALGORITHM, c, macLen, !t.wantsExpertMessages() ? null
                    : message("No dissector for algorithm:").append(algorithm));
            c += macLen;
        }
        p.item(DnsFields.TSIG_ORIGINAL_ID, c);
        p.item(DnsFields.TSIG_ERROR, c + 2);
        int otherLen = (int) p.item(DnsFields.TSIG_OTHER_LEN, c + 4);
        if (otherLen != 0) {
            DnsRecords.bytes(p, DnsFields.TSIG_OTHER_DATA, c + 6, otherLen);
        }
    }

    private static void xpf(Packet p, int at) {
        int version = (int) p.item(DnsFields.XPF_IP_VERSION, at, 1);
        int c = at + 1;
        if (version == 4) {
            p.item(DnsFields.XPF_PROTOCOL, c);
            p.item(DnsFields.XPF_SOURCE_IPV4, c + 1);
            p.item(DnsFields.XPF_DESTINATION_IPV4, c + 5);
            p.item(DnsFields.XPF_SPORT, c + 9);
            p.item(DnsFields.XPF_DPORT, c + 11);
        } else if (version == 6) {
            p.item(DnsFields.XPF_PROTOCOL, c);
            DnsRecords.bytes(p, DnsFields.XPF_SOURCE_IPV6, c + 1, 16);
            DnsRecords.bytes(p, DnsFields.XPF_DESTINATION_IPV6, c + 17, 16);
            p.item(DnsFields.XPF_SPORT, c + 33);
            p.item(DnsFields.XPF_DPORT, c + 35);
        }
    }
}
