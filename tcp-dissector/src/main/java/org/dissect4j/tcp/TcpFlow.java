package org.dissect4j.tcp;

import java.util.Arrays;

/**
 * One direction of a TCP connection (Wireshark's {@code tcp_flow_t} with its
 * {@code tcp_analyze_seq_flow_info_t}): base sequence number, window scaling, the sequence analysis
 * state, the segments sent but not yet acknowledged, and the PDU being reassembled.
 *
 * <p>Cost: a fixed part of about 200 bytes, plus the unacknowledged-segment arrays (28 bytes per
 * entry, grown on demand from 4 up to {@link #MAX_UNACKED} entries, Wireshark's bound), plus reassembly
 * buffers while a PDU is in progress (bounded by the {@link ReassemblyBudget}).
 */
final class TcpFlow {
    static final int S_BASE_SEQ_SET = 0x01, S_SAW_SYN = 0x03, S_SAW_SYNACK = 0x05;
    /** Wireshark's TCP_MAX_UNACKED_SEGMENTS. */
    static final int MAX_UNACKED = 1000;
    /** Wireshark's MAX_TCP_SACK_RANGES. */
    static final int MAX_SACK_RANGES = 4;

    int staticFlags;
    int baseSeq;
    int winScale = -1;
    long window = 0xffff_ffffL;
    boolean isFirstAck;
    boolean validBif = true;
    long pushBytesSent;
    boolean pushSetLast;
    boolean closingInitiator;
    int lastSegmentFlags;

    int nextseq;
    long nextseqFrame;
    long nextseqTime;
    int maxseqtobeacked;
    int lastack;
    long lastacktime;
    /** Duplicate ACKs in a row; -1 after an ACK of unseen data, which is unsigned in Wireshark (so "at least 2"). */
    int dupacknum;
    long lastnondupack;
    int numSackRanges;
    final int[] sackLeft = new int[MAX_SACK_RANGES];
    final int[] sackRight = new int[MAX_SACK_RANGES];

    // Unacknowledged segments, oldest first (Wireshark keeps a list newest first).
    int[] ualSeq = new int[4];
    int[] ualNext = new int[4];
    long[] ualFrame = new long[4];
    long[] ualTs = new long[4];
    int ualCount;

    // ---- reassembly (one multi-segment PDU in progress, Wireshark's MSP) ---------------------
    boolean mspActive;
    int mspSeq;
    int mspNxtpdu;
    long mspFirstFrame;
    long mspLastFrame;
    boolean mspEntireSegment;
    /** Start and end of the last completed PDU and its frames, to recognise its retransmission. */
    boolean lastMspValid;
    int lastMspSeq;
    int lastMspNxtpdu;
    long lastMspLastFrame;
    boolean untilFin;
    boolean finSeen;
    long finFrame;
    boolean reassemblyFailed;
    SegmentBuffer buffer;
    SegmentBuffer spare;

    void addUnacked(long frame, int seq, int next, long ts) {
        if (ualCount == ualSeq.length) {
            int n = Math.min(MAX_UNACKED, ualCount * 2);
            ualSeq = Arrays.copyOf(ualSeq, n);
            ualNext = Arrays.copyOf(ualNext, n);
            ualFrame = Arrays.copyOf(ualFrame, n);
            ualTs = Arrays.copyOf(ualTs, n);
        }
        ualSeq[ualCount] = seq;
        ualNext[ualCount] = next;
        ualFrame[ualCount] = frame;
        ualTs[ualCount] = ts;
        ualCount++;
    }

    void removeUnacked(int i) {
        int n = ualCount - i - 1;
        if (n > 0) {
            System.arraycopy(ualSeq, i + 1, ualSeq, i, n);
            System.arraycopy(ualNext, i + 1, ualNext, i, n);
            System.arraycopy(ualFrame, i + 1, ualFrame, i, n);
            System.arraycopy(ualTs, i + 1, ualTs, i, n);
        }
        ualCount--;
    }

    /** Buffer for a new PDU: the other one may still back the data source of the frame being dissected. */
    SegmentBuffer freshBuffer(ReassemblyBudget budget) {
        SegmentBuffer b = spare;
        if (b == null) {
            b = new SegmentBuffer();
        }
        spare = buffer;
        buffer = b;
        b.reset(budget);
        return b;
    }

    /** Gives back the reassembly memory (connection closed, evicted, or over its bound). */
    void releaseReassembly(ReassemblyBudget budget) {
        if (buffer != null) {
            buffer.release(budget);
        }
        if (spare != null) {
            spare.release(budget);
        }
        buffer = null;
        spare = null;
        mspActive = false;
    }

    long reassemblyBytes() {
        return (buffer == null ? 0 : buffer.capacity()) + (spare == null ? 0 : spare.capacity());
    }
}
