package org.dissect4j.tcp;

import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.TreeView;

/**
 * The {@code -V} lines of TCP items that Wireshark's packet-tcp.c composes by hand: the completeness
 * state, the header length drawn as bits, the flags word with the names of the set flags, the checksum
 * verdict, the options summary and the lines of the common options. Labelers run only when an output
 * prints labels, never on the parse path.
 */
final class TcpLabels {
    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};
    private static final Protocol[] OPTIONS = TcpFields.optionProtocols();

    private TcpLabels() {
    }

    /**
     * {@code Conversation completeness: Incomplete, DATA (15)}: the states Wireshark names, the others by
     * number; complete once SYN, SYN+ACK and ACK were seen and the connection ended by FIN or RST.
     */
    static void completeness(TreeView t, int n, StringBuilder out) {
        int v = (int) t.value(n);
        out.append("Conversation completeness: ");
        int handshake = TcpFields.COMPLETENESS_SYNSENT | TcpFields.COMPLETENESS_SYNACK | TcpFields.COMPLETENESS_ACK;
        boolean ended = (v & (TcpFields.COMPLETENESS_FIN | TcpFields.COMPLETENESS_RST)) != 0;
        if ((v & handshake) == handshake && ended) {
            out.append((v & TcpFields.COMPLETENESS_DATA) != 0 ? "Complete, WITH_DATA" : "Complete, NO_DATA");
        } else {
            out.append(switch (v) {
                case 1 -> "Incomplete, SYN_SENT";
                case 3 -> "Incomplete, CLIENT_ESTABLISHED";
                case 7 -> "Incomplete, ESTABLISHED";
                case 15 -> "Incomplete, DATA";
                default -> "Incomplete";
            });
        }
        out.append(" (").append(v).append(')');
    }

    /** {@code 1000 .... = Header Length: 32 bytes (8)}: the value is in bytes, the bits count words. */
    static void headerLength(TreeView t, int n, StringBuilder out) {
        long bytes = t.value(n);
        FieldFormat.bitPattern((bytes >>> 2) << 4, 0xF0, 8, out);
        out.append(" = Header Length: ").append(bytes).append(" bytes (").append(bytes >>> 2).append(')');
    }

    /** {@code Flags: 0x018 (PSH, ACK)}; {@code (<None>)} when no flag is set. */
    static void flags(TreeView t, int n, StringBuilder out) {
        int f = (int) t.value(n);
        out.append("Flags: ");
        FieldFormat.hexNumber(f, 3, out);
        out.append(" (");
        int start = out.length();
        for (int i = 0; i < FLAG_NAMES.length; i++) {
            if ((f & (1 << i)) != 0) {
                separate(out, start).append(FLAG_NAMES[i]);
            }
        }
        if ((f & TcpDissector.TH_RES) != 0) {
            separate(out, start).append("Reserved");
        }
        if (out.length() == start) {
            out.append("<None>");
        }
        out.append(')');
    }

    private static StringBuilder separate(StringBuilder out, int start) {
        return out.length() == start ? out : out.append(", ");
    }

    /**
     * {@code Checksum: 0xb045 [unverified]}, {@code [correct]}, or {@code incorrect, should be 0x1c2a (maybe
     * caused by "TCP checksum offload"?)} after the status and calculated value recorded beside it.
     */
    static void checksum(TreeView t, int n, StringBuilder out) {
        FieldFormat.checksum(t, n, TcpFields.CHECKSUM_STATUS, TcpFields.CHECKSUM_CALCULATED, " [unverified]",
                " (maybe caused by \"TCP checksum offload\"?)", out);
    }

    /** {@code Options: (12 bytes), No-Operation (NOP), No-Operation (NOP), Timestamps}: the options in order. */
    static void options(TreeView t, int n, StringBuilder out) {
        out.append("Options: (").append(t.length(n)).append(" bytes)");
        for (int c = n + 1; c < t.size(); c++) {
            if (t.parent(c) != n || (t.flags(c) & TreeView.EXPERT) != 0) {
                continue;
            }
            for (Protocol option : OPTIONS) {
                if (option.field() == t.field(c)) {
                    out.append(", ").append(option.shortName());
                }
            }
        }
    }

    /** {@code TCP Option - Maximum segment size: 1460 bytes}. */
    static void mss(TreeView t, int n, StringBuilder out) {
        out.append(TcpFields.OPT_MSS.name());
        int v = Labeler.child(t, n, TcpFields.MSS_VAL);
        if (v >= 0) {
            out.append(": ").append(t.value(v)).append(" bytes");
        }
    }

    /** {@code TCP Option - Window scale: 7 (multiply by 128)}. */
    static void windowScale(TreeView t, int n, StringBuilder out) {
        out.append(TcpFields.OPT_WSCALE.name());
        int shift = Labeler.child(t, n, TcpFields.WSCALE_SHIFT);
        int multiplier = Labeler.child(t, n, TcpFields.WSCALE_MULTIPLIER);
        if (shift >= 0 && multiplier >= 0) {
            out.append(": ").append(t.value(shift)).append(" (multiply by ").append(t.value(multiplier)).append(')');
        }
    }

    /** {@code TCP Option - Timestamps: TSval 1153382669, TSecr 0}. */
    static void timestamps(TreeView t, int n, StringBuilder out) {
        out.append(TcpFields.OPT_TIMESTAMP.name());
        int tsval = Labeler.child(t, n, TcpFields.TSVAL);
        int tsecr = Labeler.child(t, n, TcpFields.TSECR);
        if (tsval >= 0 && tsecr >= 0) {
            out.append(": TSval ").append(t.value(tsval)).append(", TSecr ").append(t.value(tsecr));
        }
    }

    /** {@code TCP Option - SACK 1449-2897 4345-5793}: each block's edges, as recorded (relative or not). */
    static void sack(TreeView t, int n, StringBuilder out) {
        out.append(TcpFields.OPT_SACK.name());
        for (int c = n + 1; c < t.size(); c++) {
            if (t.parent(c) == n && t.field(c) == TcpFields.SACK_LE) {
                int right = Labeler.sibling(t, c, TcpFields.SACK_RE);
                if (right >= 0) {
                    out.append(' ').append(t.value(c)).append('-').append(t.value(right));
                }
            }
        }
    }

    /** {@code TCP Option - Experimental: Fast Open} when the experiment is TCP Fast Open. */
    static void experimental(TreeView t, int n, StringBuilder out) {
        out.append(TcpFields.OPT_EXP.name());
        int exid = Labeler.child(t, n, TcpFields.EXP_EXID);
        if (exid >= 0 && t.value(exid) == 0xf989) {
            out.append(": Fast Open");
        }
    }

    /** {@code TCP segment data (203 bytes)}. */
    static void segmentData(TreeView t, int n, StringBuilder out) {
        long bytes = t.length(n);
        out.append(TcpFields.SEGMENT_DATA.name()).append(" (").append(bytes).append(bytes == 1 ? " byte)" : " bytes)");
    }

    /** {@code Window size scaling factor: -1 (unknown)}, {@code -2 (no window scaling used)}. */
    static void scaleFactor(TreeView t, int n, StringBuilder out) {
        FieldFormat.nameAndValue(t, n, out);
        long v = t.value(n);
        if (v == -1) {
            out.append(" (unknown)");
        } else if (v == -2) {
            out.append(" (no window scaling used)");
        }
    }

    /** {@code 18 Reassembled TCP Segments (24203 bytes): #8(203), #10(1448), ...}: each segment's frame and length. */
    static void segments(TreeView t, int n, StringBuilder out) {
        int count = 0;
        int start = out.length();
        for (int c = n + 1; c < t.size(); c++) {
            if (t.parent(c) == n && t.field(c) == TcpFields.SEGMENT) {
                out.append(count == 0 ? ": " : ", ").append('#').append(t.value(c)).append('(').append(t.length(c)).append(')');
                count++;
            }
        }
        out.insert(start, count + " Reassembled TCP Segments (" + t.length(n) + " bytes)");
    }

    /** {@code Frame: 8, payload: 0-202 (203 bytes)}: where in the reassembled data the segment's bytes went. */
    static void segment(TreeView t, int n, StringBuilder out) {
        int off = t.offset(n), len = t.length(n);
        if (len == 0) {
            out.append("Frame: ").append(t.value(n)).append(" (no data)");     // a segment that added no bytes (a FIN)
            return;
        }
        out.append("Frame: ").append(t.value(n)).append(", payload: ").append(off).append('-').append(off + len - 1)
                .append(" (").append(len).append(len == 1 ? " byte)" : " bytes)");
    }
}
