package org.dissect4j.net;

import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The options of an IPv6 hop-by-hop or destination options header (RFC 8200 section 4.2) as packet-ipv6.c
 * draws them: one subtree per option named by its type ({@code Router Alert}, {@code Unknown IPv6 Option (3)}),
 * the type's bits, the length, the option's value, and whatever the length covers beyond the value as
 * {@code Unknown Data} with an expert note. A length that does not fit the option is noted on the Length item,
 * and the value is read anyway (as far as the bytes go), as Wireshark does. One instance per dissector: the
 * builder for labels and expert texts is reused.
 */
final class Ipv6Options {
    private static final int PAD1 = 0;
    private static final int PADN = 1;
    private static final int TEL = 4;
    private static final int ROUTER_ALERT = 5;
    private static final int JUMBO = 0xC2;
    private static final int HOME_ADDRESS = 0xC9;
    private static final long JUMBO_MIN = 65536;

    private final StringBuilder text = new StringBuilder(64);

    /**
     * Records the options in {@code [at, end)}.
     *
     * @param ipv6PayloadLength the IPv6 header's Payload Length (a Jumbo Payload option requires 0)
     * @return the offset of the address a Home Address option carries (the packet's source from now on, as
     *     Wireshark takes it), or -1 when there is none
     */
    int walk(Packet p, Tree t, int at, int end, int ipv6PayloadLength) {
        int home = -1;
        while (at < end) {
            int type = p.u8(at);
            // packet-ipv6.c reads the length byte before it knows the option is Pad1, and sizes Pad1's item by it
            int olen = p.captured(at + 1) > 0 ? p.u8(at + 1) : 0;
            int node = t.open(Ipv6Fields.OPT, at, Math.max(1, Math.min(2 + olen, p.captured(at))));
            name(t, node, type);
            if (type == PAD1) {
                t.addUint(Ipv6Fields.OPT_TYPE, at, 1, type);
                t.add(Ipv6Fields.OPT_PAD1, at, 1);
                t.close();
                at++;
                continue;
            }
            typeFields(t, at, type);
            olen = p.u8(at + 1);
            int lengthItem = t.addUint(Ipv6Fields.OPT_LENGTH, at + 1, 1, olen);
            int value = at + 2;
            int next = switch (type) {
                case PADN -> bytes(p, t, Ipv6Fields.OPT_PADN, value, olen);
                case TEL -> fixed(p, t, lengthItem, "Tunnel Encapsulation Limit: Invalid length (", Ipv6Fields.OPT_TEL,
                        value, olen, 1);
                case ROUTER_ALERT -> fixed(p, t, lengthItem, "Router alert: Invalid Length (",
                        Ipv6Fields.OPT_ROUTER_ALERT, value, olen, 2);
                case HOME_ADDRESS -> {
                    home = value;
                    yield fixed(p, t, lengthItem, "Home Address: Invalid length (", Ipv6Fields.OPT_MIPV6_HOME_ADDRESS,
                            value, olen, 16);
                }
                case JUMBO -> jumbo(p, t, lengthItem, value, olen, ipv6PayloadLength);
                default -> (type & 0x1F) == 0x1E
                        // RFC 4727 experimental option types 0x1E, 0x3E, ... 0xFE
                        ? bytes(p, t, Ipv6Fields.OPT_EXPERIMENTAL, value, olen)
                        : unknown(p, t, Ipv6Fields.OPT_UNKNOWN, value, olen);
            };
            if (next < value + olen) {
                next = unknown(p, t, Ipv6Fields.OPT_UNKNOWN_DATA, next, value + olen - next);
            }
            t.close();
            // Wireshark goes on where the option's value ended, even past what its length announced.
            at = next;
        }
        return home;
    }

    /** The option's subtree is named by its type: {@code Router Alert}, or {@code Unknown IPv6 Option (3)}. */
    private void name(Tree t, int node, int type) {
        if (node < 0 || !t.wantsLabels()) {
            return;
        }
        String name = Ipv6Fields.OPT_TYPE.values().name(type);
        if (name != null) {
            t.setLabel(node, name);
        } else {
            text.setLength(0);
            t.setLabel(node, text.append("Unknown IPv6 Option (").append(type).append(')'));
        }
    }

    private static void typeFields(Tree t, int at, int type) {
        t.openUint(Ipv6Fields.OPT_TYPE, at, 1, type);
        t.addUint(Ipv6Fields.OPT_TYPE_ACTION, at, 1, type);
        t.addUint(Ipv6Fields.OPT_TYPE_CHANGE, at, 1, type);
        t.addUint(Ipv6Fields.OPT_TYPE_REST, at, 1, type);
        t.close();
    }

    private static int bytes(Packet p, Tree t, Field f, int at, int len) {
        p.require(at, len);
        t.add(f, at, len);
        return at + len;
    }

    /** Bytes nobody interprets, with the expert note packet-ipv6.c hangs below them. */
    private static int unknown(Packet p, Tree t, Field f, int at, int len) {
        p.require(at, len);
        int item = t.add(f, at, len);
        t.expertOn(item, NetExperts.IPV6_OPT_UNKNOWN_DATA, at, len, null);
        return at + len;
    }

    /** An option whose value has a fixed size: an integer (1 or 2 bytes) or an IPv6 address (16). */
    private int fixed(Packet p, Tree t, int lengthItem, String invalid, Field f, int at, int olen, int size) {
        if (olen != size) {
            invalidLength(t, lengthItem, at - 1, invalid, olen);
        }
        p.require(at, size);
        switch (size) {
            case 1 -> t.addUint(f, at, 1, p.u8(at));
            case 2 -> t.addUint(f, at, 2, p.u16(at));
            default -> t.add(f, at, size);
        }
        return at + size;
    }

    private int jumbo(Packet p, Tree t, int lengthItem, int at, int olen, int ipv6PayloadLength) {
        if (olen != 4) {
            invalidLength(t, lengthItem, at - 1, "Jumbo Payload: Invalid length (", olen);
        }
        long jumbo = p.u32(at);
        int item = t.addUint(Ipv6Fields.OPT_JUMBO, at, 4, jumbo);
        if (ipv6PayloadLength != 0) {
            t.expert(NetExperts.IPV6_OPT_JUMBO_PROHIBITED, at - 2, 2 + olen);  // on the option item, where it starts
        }
        if (jumbo < JUMBO_MIN) {
            t.expertOn(item, NetExperts.IPV6_OPT_JUMBO_TRUNCATED, at, 4, null);
        }
        return at + 4;
    }

    /** "Router alert: Invalid Length (3 bytes)" below the Length item at {@code lengthAt}. */
    private void invalidLength(Tree t, int lengthItem, int lengthAt, String what, int olen) {
        CharSequence message = null;
        if (t.wantsExpertMessages()) {
            text.setLength(0);
            message = text.append(what).append(olen).append(" bytes)");
        }
        t.expertOn(lengthItem, NetExperts.IPV6_OPT_INVALID_LEN, lengthAt, 1, message);
    }
}
