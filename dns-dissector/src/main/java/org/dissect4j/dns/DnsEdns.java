package org.dissect4j.dns;

import static org.dissect4j.dns.DnsRdata.AFNUM_INET;
import static org.dissect4j.dns.DnsRdata.AFNUM_INET6;
import static org.dissect4j.dns.DnsRdata.O_CHAIN;
import static org.dissect4j.dns.DnsRdata.O_CLIENT_SUBNET;
import static org.dissect4j.dns.DnsRdata.O_CLIENT_SUBNET_EXP;
import static org.dissect4j.dns.DnsRdata.O_COOKIE;
import static org.dissect4j.dns.DnsRdata.O_DAU;
import static org.dissect4j.dns.DnsRdata.O_DHU;
import static org.dissect4j.dns.DnsRdata.O_EDNS_TCP_KA;
import static org.dissect4j.dns.DnsRdata.O_EXT_ERROR;
import static org.dissect4j.dns.DnsRdata.O_N3U;
import static org.dissect4j.dns.DnsRdata.O_PADDING;

import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The options of an OPT pseudo-record (EDNS(0), RFC 6891): each in its {@code dns.opt} item ({@code Option: COOKIE}
 * in {@code -V}) with code, length and data, and the decoded forms of DAU/DHU/N3U, client subnet, cookie, TCP
 * keepalive, padding, chain and extended DNS errors.
 */
final class DnsEdns {
    private final DnsRecords records;
    private final DnsRdata rdata;

    DnsEdns(DnsRecords records, DnsRdata rdata) {
        this.records = records;
        this.rdata = rdata;
    }

    /** EDNS(0) options: code, length, data, and the decoded forms of the known ones. */
    void options(Packet p, Tree t, int at, int len) {
        int rest = len;
        int c = at;
        while (rest > 0) {
            int code = p.u16(c);
            int optLen = p.u16(c + 2);
            rest -= 4;
            t.open(DnsFields.OPT, c, 4 + optLen);      // an FT_NONE item: not checked against the data
            try {
                int codeNode = t.addUint(DnsFields.OPT_CODE, c, 2, code);
                int lenAt = c + 2;
                int lenNode = t.addUint(DnsFields.OPT_LEN, lenAt, 2, optLen);
                c += 4;
                DnsRecords.bytes(p, DnsFields.OPT_DATA, c, optLen);
                switch (code) {
                    case O_DAU, O_DHU, O_N3U -> {
                        Field f = code == O_DAU ? DnsFields.OPT_DAU : code == O_DHU ? DnsFields.OPT_DHU : DnsFields.OPT_N3U;
                        for (int i = 0; i < optLen; i++) {
                            p.item(f, c++);
                            rest--;
                        }
                    }
                    case O_CLIENT_SUBNET_EXP, O_CLIENT_SUBNET -> {
                        if (code == O_CLIENT_SUBNET_EXP) {
                            t.expertOn(codeNode, DnsExpert.DEPRECATED_OPCODE, c - 4, 2, !t.wantsExpertMessages() ? null
                                    : rdata.message("Deprecated opcode. Client subnet OPT assigned as ").append(O_CLIENT_SUBNET).append('.'));
                        }
                        int addrLen = (optLen - 4) & 0xFFFF;
                        int family = (int) p.item(DnsFields.OPT_CLIENT_FAMILY, c);
                        p.item(DnsFields.OPT_CLIENT_NETMASK, c + 2);
                        p.item(DnsFields.OPT_CLIENT_SCOPE, c + 3);
                        c += 4;
                        if (addrLen > 16) {
                            t.expertOn(lenNode, DnsExpert.OPT_BAD_LENGTH, lenAt, 2, null);
                            addrLen = 16;
                        }
                        p.require(c, addrLen);
                        if (family == AFNUM_INET) {
                            long a = 0;
                            for (int i = 0; i < 4; i++) {
                                a = a << 8 | (i < addrLen ? p.u8(c + i) : 0);
                            }
                            t.addLong(DnsFields.OPT_CLIENT_ADDR4, c, addrLen, a);
                        } else if (family == AFNUM_INET6) {
                            int a6 = t.addBytes(DnsFields.OPT_CLIENT_ADDR6, rdata.padded(p, c, addrLen, 16), 0, 16);
                            DnsRdata.shownAt(t, a6, c, addrLen);
                        } else {
                            DnsRecords.bytes(p, DnsFields.OPT_CLIENT_ADDR, c, optLen - 4);
                        }
                        c += optLen - 4;
                        rest -= optLen;
                    }
                    case O_COOKIE -> {
                        DnsRecords.bytes(p, DnsFields.OPT_COOKIE_CLIENT, c, 8);
                        c += 8;
                        rest -= 8;
                        int server = optLen - 8;
                        DnsRecords.bytes(p, DnsFields.OPT_COOKIE_SERVER, c, server);
                        c += server;
                        rest -= server;
                    }
                    case O_EDNS_TCP_KA -> {
                        if (optLen == 2) {
                            p.item(DnsFields.OPT_EDNS_TCP_KEEPALIVE_TIMEOUT, c);
                        }
                        c += optLen;
                        rest -= optLen;
                    }
                    case O_PADDING -> {
                        DnsRecords.bytes(p, DnsFields.OPT_PADDING, c, optLen);
                        c += optLen;
                        rest -= optLen;
                    }
                    case O_CHAIN -> {
                        if (optLen > 0) {
                            records.string(p, DnsFields.OPT_CHAIN_FQDN, c, optLen);
                        }
                        c += optLen;
                        rest -= optLen;
                    }
                    case O_EXT_ERROR -> {
                        if (optLen >= 2) {
                            p.item(DnsFields.OPT_EXT_ERROR_INFO_CODE, c);
                            c += 2;
                            rest -= 2;
                            if (optLen > 2) {
                                p.require(c, optLen - 2);
                                t.add(DnsFields.OPT_EXT_ERROR_EXTRA_TEXT, c, DnsRecords.untilNul(p, c, optLen - 2));
                                c += optLen - 2;
                                rest -= optLen - 2;
                            }
                        }
                    }
                    default -> {
                        c += optLen;
                        rest -= optLen;
                    }
                }
            } finally {
                t.close();
            }
        }
    }
}
