package org.dissect4j.tunnel.gtp;

import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.api.TreeView;

/**
 * The GTPv1-C information elements (3GPP TS 29.060 §7.7) that dissect4j shows as packet-gtp.c does: Recovery,
 * TEID Data I, TEID Control Plane and GSN Address. Types below 128 carry a value of a fixed length (TV), the others
 * a two-byte length (TLV). The walk stops at the first element it does not show, so a message is never drawn with
 * a gap in the middle: what follows an undecoded element is left out, as before this walk existed.
 */
final class GtpInformationElements {
    /** The GSN Address subtree: {@code GSN address : 212.200.245.64}. */
    static final Field GSN_ADDRESS = Field.define("", "GSN address", FieldType.NONE)
            .labeler(GtpInformationElements::gsnAddress).build();

    private static final int RECOVERY = 14;
    private static final int TEID_DATA_I = 16;
    private static final int TEID_CONTROL_PLANE = 17;
    private static final int GSN_ADDRESS_TYPE = 133;
    private static final int IPV4_LENGTH = 4;
    private static final int IPV6_LENGTH = 16;
    private static final int TLV_HEADER = 3;

    private GtpInformationElements() {
    }

    /** Walks the elements in {@code [at, end)}. */
    static void walk(Packet p, Tree t, int at, int end) {
        while (at < end) {
            int next = element(p, t, at);
            if (next < 0) {
                return;
            }
            at = next;
        }
    }

    /** Shows the element at {@code at}; returns where the next starts, or -1 for an element not shown. */
    private static int element(Packet p, Tree t, int at) {
        int type = p.u8(at);
        return switch (type) {
            case RECOVERY -> {
                // packet-gtp.c's item spans the type byte too
                t.addUint(GtpFields.GTP_RECOVERY, at, 2, p.u8(at + 1));
                yield at + 2;
            }
            case TEID_DATA_I -> {
                t.addUint(GtpFields.GTP_TEID_DATA, at + 1, 4, p.u32(at + 1));
                yield at + 5;
            }
            case TEID_CONTROL_PLANE -> {
                t.addUint(GtpFields.GTP_TEID_CP, at + 1, 4, p.u32(at + 1));
                yield at + 5;
            }
            case GSN_ADDRESS_TYPE -> gsnAddress(p, t, at);
            default -> -1;
        };
    }

    /** A GSN address of 4 (IPv4) or 16 (IPv6) bytes; another length ends the walk. */
    private static int gsnAddress(Packet p, Tree t, int at) {
        int length = p.u16(at + 1);
        if (length != IPV4_LENGTH && length != IPV6_LENGTH) {
            return -1;
        }
        p.require(at, TLV_HEADER + length);
        t.open(GSN_ADDRESS, at, TLV_HEADER + length);
        t.addUint(GtpFields.GTP_GSN_ADDRESS_LENGTH, at + 1, 2, length);
        if (length == IPV4_LENGTH) {
            t.addUint(GtpFields.GTP_GSN_IPV4, at + TLV_HEADER, length, p.u32(at + TLV_HEADER));
        } else {
            t.add(GtpFields.GTP_GSN_IPV6, at + TLV_HEADER, length);
        }
        t.close();
        return at + TLV_HEADER + length;
    }

    /** {@code GSN address : 212.200.245.64}: the address after packet-gtp.c's spaced colon. */
    private static void gsnAddress(TreeView t, int n, StringBuilder out) {
        out.append("GSN address : ");
        int address = Labeler.child(t, n, GtpFields.GTP_GSN_IPV4);
        if (address < 0) {
            address = Labeler.child(t, n, GtpFields.GTP_GSN_IPV6);
        }
        if (address >= 0) {
            FieldFormat.value(t, address, out);
        }
    }
}
