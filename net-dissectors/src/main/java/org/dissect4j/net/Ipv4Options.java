package org.dissect4j.net;

import org.dissect4j.api.AddressText;
import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.PacketBoundsException;
import org.dissect4j.api.Tree;

/**
 * IPv4 options (RFC 791 §3.1 and later registrations), walked in place: End of Option List, No
 * Operation, Security (RFC 791 and RFC 1108 forms), Loose/Strict Source Route, Record Route, Stream
 * ID, Timestamp, Router Alert, MTU Probe/Reply, Traceroute; any other type shows its type and
 * length. A length that is too short or runs past the header stops the walk with
 * {@code ip.opt.len.invalid}, as in Wireshark.
 */
final class Ipv4Options {
    static final int EOL = 0;
    static final int NOP = 1;
    static final int SECURITY = 130;
    static final int LSRR = 131;
    static final int EXTENDED_SECURITY = 133;
    static final int CIPSO = 134;
    static final int TIMESTAMP = 68;
    static final int RECORD_ROUTE = 7;
    static final int STREAM_ID = 136;
    static final int SSRR = 137;
    static final int ROUTER_ALERT = 148;
    static final int MTU_PROBE = 11;
    static final int MTU_REPLY = 12;
    static final int TRACEROUTE = 82;
    static final int QUICK_START = 25;

    private Ipv4Options() {
    }

    /** Whether Wireshark knows (and so shows the type fields of) option {@code type}. */
    static boolean known(int type) {
        return switch (type) {
            case EOL, NOP, SECURITY, LSRR, EXTENDED_SECURITY, CIPSO, TIMESTAMP, RECORD_ROUTE, STREAM_ID, SSRR,
                 ROUTER_ALERT, MTU_PROBE, MTU_REPLY, TRACEROUTE, QUICK_START -> true;
            default -> false;
        };
    }

    /** The shortest valid length of option {@code type} (RFC 791 and the option's RFC). */
    static int minLength(int type) {
        return switch (type) {
            case SECURITY, LSRR, SSRR, RECORD_ROUTE -> 3;
            case TIMESTAMP -> 5;
            case STREAM_ID, ROUTER_ALERT, MTU_PROBE, MTU_REPLY -> 4;
            case TRACEROUTE -> 12;
            case QUICK_START -> 8;
            case CIPSO -> 10;
            default -> 2;
        };
    }

    /** {@link #sourceRouteDestination}: the options were cut by the snaplen before the walk could tell. */
    static final int ROUTE_UNKNOWN = -2;

    /**
     * Offset of the final destination of a loose or strict source route among the options at
     * {@code [off, end)}, or -1 (no route, a bad option length, or a pointer that is not 4..length in steps
     * of 4). Wireshark shows that address as {@code ip.dst} and the header's destination as
     * {@code ip.cur_rt}. Walks the options as packet-ip.c's {@code get_dst_offset}: a byte it needs that was
     * not captured gives {@link #ROUTE_UNKNOWN} (Wireshark stops there, before {@code ip.dst}), one past the
     * datagram is malformed.
     */
    static int sourceRouteDestination(Packet p, int off, int end) {
        int at = off;
        while (at < end) {
            if (p.captured(at) <= 0) {
                return unknown(p, at);
            }
            int type = p.u8(at);
            if (type == EOL) {
                return -1;
            }
            if (type == NOP) {
                at++;
                continue;
            }
            if (at + 1 >= end) {
                return -1;
            }
            if (p.captured(at + 1) <= 0) {
                return unknown(p, at + 1);
            }
            int len = p.u8(at + 1);
            if (len < 2 || at + len > end) {
                return -1;
            }
            if (type == LSRR || type == SSRR) {
                if (p.captured(at + 2) <= 0) {
                    return unknown(p, at + 2);
                }
                int ptr = p.u8(at + 2);
                if (ptr < 4 || (ptr & 3) != 0 || ptr > len) {
                    return -1;
                }
                return p.captured(at + len - 4) < 4 ? unknown(p, at + len - 4) : at + len - 4;
            }
            at += len;
        }
        return -1;
    }

    /** A byte the walk needs was not captured: unknown, or malformed when it lies past the datagram. */
    private static int unknown(Packet p, int at) {
        if (p.remaining(at) <= 0) {
            throw PacketBoundsException.MALFORMED;
        }
        return ROUTE_UNKNOWN;
    }

    /** Records the options at {@code [off, end)}. */
    static void dissect(Packet p, Tree t, int off, int end, StringBuilder host) {
        int nops = 0;
        int at = off;
        while (at < end) {
            int type = p.u8(at);
            if (type == NOP) {
                typeFields(t, at, type);
                if (++nops == 4) {
                    t.expert(NetExperts.IP_NOP, at, 1);
                }
                at++;
                continue;
            }
            nops = 0;
            if (type == EOL) {
                typeFields(t, at, type);
                return;
            }
            if (at + 1 >= end) {
                t.expert(NetExperts.IP_OPT_LEN_INVALID, at, 1);
                return;
            }
            if (known(type) && p.captured(at + 1) <= 0) {
                // Cut right after the type byte: keep the type, then the length read stops us.
                typeFields(t, at, type);
            }
            int len = p.u8(at + 1);
            if (len < 2 || at + len > end) {
                t.expert(NetExperts.IP_OPT_LEN_INVALID, at + 1, 1);
                return;
            }
            if (known(type)) {
                typeFields(t, at, type);
                t.addUint(Ipv4Fields.OPT_LEN, at + 1, 1, len);
                if (len < minLength(type)) {
                    // Wireshark reads the option's fixed part past its declared end and stops there.
                    throw PacketBoundsException.MALFORMED;
                }
                option(p, t, type, at, len, host);
            } else {
                p.require(at, len);
            }
            at += len;
        }
    }

    private static void typeFields(Tree t, int at, int type) {
        t.openUint(Ipv4Fields.OPT_TYPE, at, 1, type);
        t.addUint(Ipv4Fields.OPT_TYPE_COPY, at, 1, type);
        t.addUint(Ipv4Fields.OPT_TYPE_CLASS, at, 1, type);
        t.addUint(Ipv4Fields.OPT_TYPE_NUMBER, at, 1, type);
        t.close();
    }

    private static void option(Packet p, Tree t, int type, int at, int len, StringBuilder host) {
        switch (type) {
            case SECURITY -> {
                if (len == 11) {
                    t.addUint(Ipv4Fields.OPT_SEC_RFC791_SEC, at + 2, 2, p.u16(at + 2));
                    t.addUint(Ipv4Fields.OPT_SEC_RFC791_COMP, at + 4, 2, p.u16(at + 4));
                    // Fixed-size strings end at the first NUL, as Wireshark shows them.
                    t.add(Ipv4Fields.OPT_SEC_RFC791_HR, at + 6, NetUtil.strnlen(p, at + 6, 2));
                    t.add(Ipv4Fields.OPT_SEC_RFC791_TCC, at + 8, NetUtil.strnlen(p, at + 8, 3));
                } else if (len >= 3) {
                    t.addUint(Ipv4Fields.OPT_SEC_CL, at + 2, 1, p.u8(at + 2));
                    // Protection authority flag bytes continue while the field termination bit is set.
                    for (int i = 3, flags = 1; i < len && (flags & 1) != 0; i++) {
                        flags = p.u8(at + i);
                        t.openUint(Ipv4Fields.OPT_SEC_PROT_AUTH_FLAGS, at + i, 1, flags);
                        t.addUint(Ipv4Fields.OPT_SEC_PROT_AUTH_GENSER, at + i, 1, flags);
                        t.addUint(Ipv4Fields.OPT_SEC_PROT_AUTH_SIOP_ESI, at + i, 1, flags);
                        t.addUint(Ipv4Fields.OPT_SEC_PROT_AUTH_SCI, at + i, 1, flags);
                        t.addUint(Ipv4Fields.OPT_SEC_PROT_AUTH_NSA, at + i, 1, flags);
                        t.addUint(Ipv4Fields.OPT_SEC_PROT_AUTH_DOE, at + i, 1, flags);
                        t.addUint(Ipv4Fields.OPT_SEC_PROT_AUTH_UNASSIGNED, at + i, 1, flags);
                        t.addUint(Ipv4Fields.OPT_SEC_PROT_AUTH_FTI, at + i, 1, flags);
                        t.close();
                    }
                }
            }
            case LSRR, SSRR, RECORD_ROUTE -> route(p, t, type, at, len, host);
            case STREAM_ID -> {
                if (len == 4) {
                    t.addUint(Ipv4Fields.OPT_SID, at + 2, 2, p.u16(at + 2));
                } else {
                    t.expert(NetExperts.IP_OPT_LEN_INVALID, at + 1, 1);
                }
            }
            case ROUTER_ALERT -> {
                if (len == 4) {
                    t.addUint(Ipv4Fields.OPT_RA, at + 2, 2, p.u16(at + 2));
                } else {
                    t.expert(NetExperts.IP_OPT_LEN_INVALID, at + 1, 1);
                }
            }
            case MTU_PROBE, MTU_REPLY -> {
                if (len == 4) {
                    t.addUint(Ipv4Fields.OPT_MTU, at + 2, 2, p.u16(at + 2));
                } else {
                    t.expert(NetExperts.IP_OPT_LEN_INVALID, at + 1, 1);
                }
            }
            case TRACEROUTE -> {
                if (len == 12) {
                    t.addUint(Ipv4Fields.OPT_ID_NUMBER, at + 2, 2, p.u16(at + 2));
                    t.addUint(Ipv4Fields.OPT_OHC, at + 4, 2, p.u16(at + 4));
                    t.addUint(Ipv4Fields.OPT_RHC, at + 6, 2, p.u16(at + 6));
                    t.addUint(Ipv4Fields.OPT_ORIGINATOR, at + 8, 4, p.u32(at + 8));
                } else {
                    t.expert(NetExperts.IP_OPT_LEN_INVALID, at + 1, 1);
                }
            }
            case TIMESTAMP -> timestamp(p, t, at, len);
            default -> {
                // Known but not decoded further (CIPSO, extended security, Quick-Start).
            }
        }
    }

    private static void route(Packet p, Tree t, int type, int at, int len, StringBuilder host) {
        if (len < 3) {
            t.expert(NetExperts.IP_OPT_LEN_INVALID, at + 1, 1);
            return;
        }
        int ptr = p.u8(at + 2);
        t.addUint(Ipv4Fields.OPT_PTR, at + 2, 1, ptr);
        if (ptr < 4) {
            t.expert(NetExperts.IP_OPT_PTR_BEFORE_ADDRESS, at + 2, 1);
        } else if ((ptr - 4) % 4 != 0) {
            t.expert(NetExperts.IP_OPT_PTR_MIDDLE_ADDRESS, at + 2, 1);
        }
        for (int o = 3; o + 4 <= len; o += 4) {
            if (type != RECORD_ROUTE && o + 4 == len) {
                // The last address of a source route is its final destination, shown as ip.dst.
                break;
            }
            long addr = p.u32(at + o);
            boolean passed = o + 1 < ptr;
            Field f;
            Field h;
            if (type == RECORD_ROUTE) {
                f = passed ? Ipv4Fields.REC_RT : Ipv4Fields.EMPTY_RT;
                h = passed ? Ipv4Fields.REC_RT_HOST : Ipv4Fields.EMPTY_RT_HOST;
            } else {
                f = passed ? Ipv4Fields.REC_RT : Ipv4Fields.SRC_RT;
                h = passed ? Ipv4Fields.REC_RT_HOST : Ipv4Fields.SRC_RT_HOST;
            }
            t.addUint(f, at + o, 4, addr);
            if (t.wants(h)) {
                host.setLength(0);
                t.addString(h, AddressText.ipv4(host, addr));
            }
        }
    }

    private static void timestamp(Packet p, Tree t, int at, int len) {
        if (len < 5) {
            t.expert(NetExperts.IP_OPT_LEN_INVALID, at + 1, 1);
            return;
        }
        int ptr = p.u8(at + 2);
        t.addUint(Ipv4Fields.OPT_PTR, at + 2, 1, ptr);
        if (ptr < 5) {
            t.expert(NetExperts.IP_OPT_PTR_BEFORE_ADDRESS, at + 2, 1);
        }
        int b = p.u8(at + 3);
        t.addUint(Ipv4Fields.OPT_OVERFLOW, at + 3, 1, b);
        t.addUint(Ipv4Fields.OPT_FLAG, at + 3, 1, b);
        int flag = b & 0x0F;
        int o = 4;
        while (o < len) {
            if (flag == 1 || flag == 3) {
                if (o + 8 > len) {
                    t.expert(NetExperts.IP_OPT_LEN_INVALID, at + 1, 1);
                    return;
                }
                t.addUint(Ipv4Fields.OPT_TIME_STAMP_ADDR, at + o, 4, p.u32(at + o));
                o += 4;
            } else if (o + 4 > len) {
                t.expert(NetExperts.IP_OPT_LEN_INVALID, at + 1, 1);
                return;
            }
            t.addUint(Ipv4Fields.OPT_TIME_STAMP, at + o, 4, p.u32(at + o));
            o += 4;
        }
    }
}
