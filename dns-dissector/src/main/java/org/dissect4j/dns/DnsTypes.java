package org.dissect4j.dns;

import org.dissect4j.api.ValueNames;

/**
 * RR type codes (IANA "Resource Record (RR) TYPEs") as open int constants, and the short names the
 * Info column shows ({@code A}, {@code AAAA}, {@code HTTPS}). The fields {@code dns.qry.type} and
 * {@code dns.resp.type} carry Wireshark's longer descriptions instead ({@link DnsFields#QRY_TYPE_VALUES}).
 * An unknown type is shown as {@code Unknown (N)}.
 */
final class DnsTypes {
    static final int A = 1, NS = 2, MD = 3, MF = 4, CNAME = 5, SOA = 6, MB = 7, MG = 8, MR = 9, NULL = 10,
            WKS = 11, PTR = 12, HINFO = 13, MINFO = 14, MX = 15, TXT = 16, RP = 17, AFSDB = 18, X25 = 19,
            ISDN = 20, RT = 21, NSAP = 22, NSAP_PTR = 23, SIG = 24, KEY = 25, PX = 26, GPOS = 27, AAAA = 28,
            LOC = 29, NXT = 30, SRV = 33, NAPTR = 35, KX = 36, CERT = 37, A6 = 38, DNAME = 39, OPT = 41,
            APL = 42, DS = 43, SSHFP = 44, IPSECKEY = 45, RRSIG = 46, NSEC = 47, DNSKEY = 48, DHCID = 49,
            NSEC3 = 50, NSEC3PARAM = 51, TLSA = 52, HIP = 55, CDS = 59, CDNSKEY = 60, OPENPGPKEY = 61,
            CSYNC = 62, ZONEMD = 63, SVCB = 64, HTTPS = 65, SPF = 99, NID = 104, L32 = 105, L64 = 106,
            LP = 107, EUI48 = 108, EUI64 = 109, TKEY = 249, TSIG = 250, IXFR = 251, AXFR = 252, CAA = 257,
            DLV = 32769, WINS = 65281, WINS_R = 65282, XPF = 65422;

    /** Wireshark's {@code dns_types_vals}, as 4.0 has them (its MAILB and MAILA names are swapped). */
    static final ValueNames SHORT_NAMES = ValueNames.of(
            0, "Unused", A, "A", NS, "NS", MD, "MD", MF, "MF", CNAME, "CNAME", SOA, "SOA", MB, "MB", MG, "MG",
            MR, "MR", NULL, "NULL", WKS, "WKS", PTR, "PTR", HINFO, "HINFO", MINFO, "MINFO", MX, "MX", TXT, "TXT",
            RP, "RP", AFSDB, "AFSDB", X25, "X25", ISDN, "ISDN", RT, "RT", NSAP, "NSAP", NSAP_PTR, "NSAP-PTR",
            SIG, "SIG", KEY, "KEY", PX, "PX", GPOS, "GPOS", AAAA, "AAAA", LOC, "LOC", NXT, "NXT", 31, "EID",
            32, "NIMLOC", SRV, "SRV", 34, "ATMA", NAPTR, "NAPTR", KX, "KX", CERT, "CERT", A6, "A6",
            DNAME, "DNAME", 40, "SINK", OPT, "OPT", APL, "APL", DS, "DS", SSHFP, "SSHFP", IPSECKEY, "IPSECKEY",
            RRSIG, "RRSIG", NSEC, "NSEC", DNSKEY, "DNSKEY", DHCID, "DHCID", NSEC3, "NSEC3",
            NSEC3PARAM, "NSEC3PARAM", TLSA, "TLSA", HIP, "HIP", 57, "RKEY", 58, "TALINK", CDS, "CDS",
            CDNSKEY, "CDNSKEY", OPENPGPKEY, "OPENPGPKEY", CSYNC, "CSYNC", ZONEMD, "ZONEMD", SVCB, "SVCB",
            HTTPS, "HTTPS", SPF, "SPF", 100, "UINFO", 101, "UID", 102, "GID", 103, "UNSPEC", NID, "NID",
            L32, "L32", L64, "L64", LP, "LP", EUI48, "EUI48", EUI64, "EUI64", TKEY, "TKEY", TSIG, "TSIG",
            IXFR, "IXFR", AXFR, "AXFR", 253, "MAILA", 254, "MAILB", 255, "ANY", 256, "URI", CAA, "CAA",
            32768, "TA", DLV, "DLV", WINS, "WINS", WINS_R, "WINS-R", XPF, "XPF");

    private DnsTypes() {
    }

    /** Appends the short name of {@code type}, or {@code Unknown (N)}. */
    static void appendShortName(int type, StringBuilder out) {
        String n = SHORT_NAMES.name(type);
        if (n != null) {
            out.append(n);
        } else {
            out.append("Unknown (").append(type).append(')');
        }
    }
}
