package org.dissect4j.net;

import org.dissect4j.api.AddressText;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * ARP, RARP and Inverse ARP, RFC 826 / 903 / 2390 (Wireshark's packet-arp.c).
 *
 * <pre>
 * hardware type(2) protocol type(2) hw size(1) proto size(1) opcode(2)
 * sender hw(hw size) sender proto(proto size) target hw(hw size) target proto(proto size)
 * </pre>
 *
 * Ethernet-sized hardware addresses are recorded as MACs ({@code arp.src.hw_mac}), IPv4
 * protocol addresses as {@code arp.src.proto_ipv4}; other sizes as bytes. Gratuitous ARPs,
 * probes and announcements are flagged as Wireshark does, and the Info column reads
 * {@code Who has 10.77.0.1? Tell 10.77.0.2} / {@code 10.77.0.1 is at 02:00:00:77:00:01}.
 */
final class ArpDissector implements Dissector {
    static final int REQUEST = 1;
    static final int REPLY = 2;
    static final int RREQUEST = 3;
    static final int RREPLY = 4;
    static final int IREQUEST = 8;
    static final int IREPLY = 9;

    /** Values of the {@code arp} protocol node, for its label. */
    static final long KIND_REQUEST = 1, KIND_REPLY = 2, KIND_ANNOUNCEMENT = 3, KIND_GRATUITOUS_REQUEST = 4,
            KIND_GRATUITOUS_REPLY = 5, KIND_PROBE = 6, KIND_REVERSE_REQUEST = 7, KIND_REVERSE_REPLY = 8,
            KIND_INVERSE_REQUEST = 9, KIND_INVERSE_REPLY = 10;

    private static final int HW_ETHERNET = 1;
    private static final int HW_IEEE802 = 6;
    private static final int PROTO_IPV4 = 0x0800;

    /** The text in parentheses after the protocol name for a node value, or {@code null}. */
    static String labelSuffix(long kind) {
        return switch ((int) kind) {
            case 1 -> "request";
            case 2 -> "reply";
            case 3 -> "ARP Announcement";
            case 4 -> "request/gratuitous ARP";
            case 5 -> "reply/gratuitous ARP";
            case 6 -> "ARP Probe";
            case 7 -> "reverse request";
            case 8 -> "reverse reply";
            case 9 -> "inverse request";
            case 10 -> "inverse reply";
            default -> null;
        };
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        Tree t = p.tree();
        p.protocolColumn("ARP");
        if (p.columns()) {
            p.clearInfo();
        }
        int node = t.open(NetProtocols.ARP.field(), off, Math.min(8, Math.max(1, p.captured(off))));
        int hw = p.u16(off);
        t.addUint(ArpFields.HW_TYPE, off, 2, hw);
        int pt = p.u16(off + 2);
        t.addUint(ArpFields.PROTO_TYPE, off + 2, 2, pt);
        int hs = p.u8(off + 4);
        t.addUint(ArpFields.HW_SIZE, off + 4, 1, hs);
        int ps = p.u8(off + 5);
        t.addUint(ArpFields.PROTO_SIZE, off + 5, 1, ps);
        int op = p.u16(off + 6);
        t.addUint(ArpFields.OPCODE, off + 6, 2, op);
        int sha = off + 8;
        int spa = sha + hs;
        int tha = spa + ps;
        int tpa = tha + hs;
        int end = tpa + ps;
        t.setLength(node, Math.min(end - off, Math.max(8, p.captured(off))));
        boolean mac = hs == 6 && (hw == HW_ETHERNET || hw == HW_IEEE802);
        boolean ipv4 = ps == 4 && pt == PROTO_IPV4;
        // Addresses one by one, so a packet cut short keeps those it has.
        hardware(p, t, mac, ArpFields.SRC_HW_MAC, ArpFields.SRC_HW, sha, hs);
        protocol(p, t, ipv4, ArpFields.SRC_PROTO_IPV4, ArpFields.SRC_PROTO, spa, ps);
        hardware(p, t, mac, ArpFields.DST_HW_MAC, ArpFields.DST_HW, tha, hs);
        protocol(p, t, ipv4, ArpFields.DST_PROTO_IPV4, ArpFields.DST_PROTO, tpa, ps);
        boolean gratuitous = (op == REQUEST || op == REPLY) && equal(p, spa, tpa, ps);
        boolean probe = op == REQUEST && zero(p, spa, ps) && zero(p, tha, hs);
        boolean announcement = op == REQUEST && gratuitous && zero(p, tha, hs);
        long kind = switch (op) {
            case REQUEST -> probe ? KIND_PROBE : announcement ? KIND_ANNOUNCEMENT
                    : gratuitous ? KIND_GRATUITOUS_REQUEST : KIND_REQUEST;
            case REPLY -> gratuitous ? KIND_GRATUITOUS_REPLY : KIND_REPLY;
            case RREQUEST -> KIND_REVERSE_REQUEST;
            case RREPLY -> KIND_REVERSE_REPLY;
            case IREQUEST -> KIND_INVERSE_REQUEST;
            case IREPLY -> KIND_INVERSE_REPLY;
            default -> 0;
        };
        t.setValue(node, kind);
        if (gratuitous) {
            t.addGenerated(ArpFields.ISGRATUITOUS, 1);
        }
        if (probe) {
            t.addGenerated(ArpFields.ISPROBE, 1);
        }
        if (announcement) {
            t.addGenerated(ArpFields.ISANNOUNCEMENT, 1);
        }
        t.close();

        String column = switch (op) {
            case RREQUEST, RREPLY -> "RARP";
            case IREQUEST, IREPLY -> "Inverse ARP";
            default -> "ARP";
        };
        p.protocolColumn(column);
        if (p.columns()) {
            StringBuilder info = p.clearInfo();
            switch (op) {
                case REQUEST -> {
                    if (probe) {
                        proto(p, info.append("Who has "), ipv4, tpa, ps).append("? (ARP Probe)");
                    } else if (announcement) {
                        proto(p, info.append("ARP Announcement for "), ipv4, tpa, ps);
                    } else if (gratuitous) {
                        proto(p, info.append("Gratuitous ARP for "), ipv4, tpa, ps).append(" (Request)");
                    } else {
                        proto(p, info.append("Who has "), ipv4, tpa, ps);
                        proto(p, info.append("? Tell "), ipv4, spa, ps);
                    }
                }
                case REPLY -> {
                    if (gratuitous) {
                        proto(p, info.append("Gratuitous ARP for "), ipv4, spa, ps).append(" (Reply)");
                    } else {
                        proto(p, info, ipv4, spa, ps);
                        hw(p, info.append(" is at "), mac, sha, hs);
                    }
                }
                case RREQUEST, IREQUEST -> {
                    hw(p, info.append("Who is "), mac, tha, hs);
                    hw(p, info.append("? Tell "), mac, sha, hs);
                }
                case RREPLY -> {
                    hw(p, info, mac, tha, hs);
                    proto(p, info.append(" is at "), ipv4, tpa, ps);
                }
                case IREPLY -> {
                    hw(p, info, mac, sha, hs);
                    proto(p, info.append(" is at "), ipv4, spa, ps);
                }
                default -> NetFormat.hex(info.append("Unknown ARP opcode "), op, 4);
            }
        }
        return end - off;
    }

    private static void hardware(Packet p, Tree t, boolean mac, org.dissect4j.api.Field macField, org.dissect4j.api.Field bytes,
                                 int at, int size) {
        if (size == 0) {
            return;
        }
        p.require(at, size);
        t.add(mac ? macField : bytes, at, size);
    }

    private static void protocol(Packet p, Tree t, boolean ipv4, org.dissect4j.api.Field ipField,
                                 org.dissect4j.api.Field bytes, int at, int size) {
        if (size == 0) {
            return;
        }
        if (ipv4) {
            t.addUint(ipField, at, 4, p.u32(at));
        } else {
            p.require(at, size);
            t.add(bytes, at, size);
        }
    }

    private static StringBuilder proto(Packet p, StringBuilder out, boolean ipv4, int at, int size) {
        return ipv4 ? AddressText.ipv4(out, p.u32(at)) : NetFormat.hexBytes(out, p.segment(), p.base() + at, size, (char) 0);
    }

    private static StringBuilder hw(Packet p, StringBuilder out, boolean mac, int at, int size) {
        return mac ? NetFormat.mac(out, p.segment(), p.base() + at)
                : NetFormat.hexBytes(out, p.segment(), p.base() + at, size, (char) 0);
    }

    private static boolean equal(Packet p, int a, int b, int n) {
        for (int i = 0; i < n; i++) {
            if (p.u8(a + i) != p.u8(b + i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean zero(Packet p, int a, int n) {
        for (int i = 0; i < n; i++) {
            if (p.u8(a + i) != 0) {
                return false;
            }
        }
        return true;
    }
}
