package org.dissect4j.tcp;

import static org.dissect4j.tcp.TcpDissector.OFF_FLAGS_OFFSET;
import static org.dissect4j.tcp.TcpDissector.SEQ_OFFSET;
import static org.dissect4j.tcp.TcpDissector.SPORT_OFFSET;
import static org.dissect4j.tcp.TcpDissector.TH_MASK;

import org.dissect4j.api.Expert;
import org.dissect4j.api.Packet;

/**
 * The segment being dissected: its header values (raw and, once analysed, relative), its connection and
 * the two directions as seen from it, and the analysis result. One instance per {@link TcpDissector},
 * {@linkplain #reset reset} at the start of every full dissection and passed explicitly to the parts
 * (header fields, analysis, options, reassembly, hand-off); nothing in it outlives the packet except
 * what the parts copy into the {@link TcpConversation}.
 */
final class TcpSegment {
    long frame;
    /** Capture time of the frame, nanoseconds. */
    long now;
    boolean columns;
    /** The frame was dissected before (second pass): the connection state is not updated again. */
    boolean visited;
    /** {@link TcpErrorQuote#NONE}, or how an ICMP error quotes this segment. */
    int quoted;

    int sport;
    int dport;
    int rawSeq;
    int rawAck;
    /** Sequence and acknowledgment numbers as shown: relative when the settings say so. */
    int seq;
    int ack;
    /** The 12 flag bits ({@link TcpDissector#TH_MASK}). */
    int flags;
    int hlen;
    int rawWin;
    /** The window after scaling. */
    long win;
    /** Whether the header fits in the segment, and then the payload length and the next sequence number. */
    boolean haveSeglen;
    int seglen;
    int nxtseq;
    /** Relative base of SACK edges (the other direction's base sequence number, or 0). */
    int sackBase;

    TcpConversation conv;
    /** This segment's direction and the opposite one. */
    TcpFlow fwd;
    TcpFlow rev;
    /** The connection was created for this segment (cleared once its completeness is set). */
    boolean conversationIsNew;
    final TcpAcked acked = new TcpAcked();

    private final StringBuilder expertText = new StringBuilder(96);

    /** Forgets the previous segment and reads the ports (all a truncated header may have). */
    void reset(Packet p, int offset, int quotedInError) {
        frame = p.frame().number();
        now = p.frame().timestampNanos();
        quoted = quotedInError;
        // The ICMP error's columns stay (its dissector puts them back): nothing to compose.
        columns = p.columns() && quoted == TcpErrorQuote.NONE;
        visited = p.visited();
        long ports = p.u32(offset + SPORT_OFFSET);
        sport = (int) (ports >>> 16);
        dport = (int) ports & 0xFFFF;
        conv = null;
        fwd = null;
        rev = null;
        conversationIsNew = false;
        acked.clear();
        haveSeglen = false;
        seglen = 0;
        nxtseq = 0;
        sackBase = 0;
    }

    /** Reads the rest of the fixed header, after the ports are in the tree. */
    void readHeader(Packet p, int offset) {
        // Two reads, not five: each checked read is a deep call chain that the JIT stops inlining in the
        // large compiled dissection path (measured: 7% of the CPU time of recording every TCP field).
        long seqAck = p.u64(offset + SEQ_OFFSET);
        rawSeq = (int) (seqAck >>> 32);
        rawAck = (int) seqAck;
        int offFlagsWindow = (int) p.u32(offset + OFF_FLAGS_OFFSET);
        hlen = (offFlagsWindow >>> 28) * 4;
        flags = (offFlagsWindow >>> 16) & TH_MASK;
        rawWin = offFlagsWindow & 0xFFFF;
        seq = rawSeq;
        ack = rawAck;
        win = rawWin;
    }

    /** Whether the flags masked by {@code mask} are exactly {@code value}. */
    boolean flags(int mask, int value) {
        return (flags & mask) == value;
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** Whether the analysis of this segment found {@code flag} (any of the bits). */
    boolean analysed(int flag) {
        return acked.present && (acked.flags & flag) != 0;
    }

    /** A reused builder holding {@code e}'s fixed message, to which a per-packet detail is appended. */
    StringBuilder expertText(Expert e) {
        expertText.setLength(0);
        return expertText.append(e.message());
    }
}
