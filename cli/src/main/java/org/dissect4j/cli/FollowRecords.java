package org.dissect4j.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The bytes a {@code -z follow} report shows, as the chunks tshark's follow tap keeps (epan/follow.c's
 * {@code follow_record_t}): one per packet that brings new data, in the order they join the stream, each
 * with its direction, frame number and time stamp.
 *
 * <p>For TCP the chunks are put in sequence order as tshark's follow tap does (packet-tcp.c): a segment
 * that continues a direction's stream is appended, the part of a retransmission not seen before is appended,
 * a segment that comes early waits among that direction's fragments until the gap is filled or the other
 * side acknowledges past it (then a {@code [N bytes missing in capture file]} chunk marks the gap, with its
 * C string's terminating NUL, as tshark's).
 *
 * <p>Bounded: at most {@code limit} chunks and {@link #MAX_BYTES} bytes are kept (chunks and waiting
 * fragments together); later data is counted in {@link #leftOut} and named on stderr by the report.
 */
final class FollowRecords {
    /** The most payload bytes a follow report keeps in memory (docs/robustness.md). */
    static final long MAX_BYTES = 256L << 20;

    /** One chunk: {@code server} is its direction (false: from the node that sent the first packet). */
    record Chunk(boolean server, long frame, long timestampNanos, int seq, byte[] data) {
    }

    final List<Chunk> chunks = new ArrayList<>();
    private final int limit;
    private long bytes;
    /** Chunks not kept because a bound was reached. */
    long leftOut;

    // TCP reassembly state per direction (0: client, 1: server), as packet-tcp.c's follow_info_t
    private final int[] nextSeq = new int[2];
    private final long[] written = new long[2];
    private final List<List<Chunk>> fragments = List.of(new ArrayList<>(), new ArrayList<>());

    FollowRecords(int limit) {
        this.limit = limit;
    }

    private boolean room(int n) {
        int waiting = fragments.get(0).size() + fragments.get(1).size();
        if (chunks.size() + waiting >= limit || bytes + n > MAX_BYTES) {
            leftOut++;
            return false;
        }
        bytes += n;
        return true;
    }

    /** UDP: every datagram is a chunk, in capture order. */
    void datagram(boolean server, long frame, long ts, byte[] data) {
        if (room(data.length)) {
            chunks.add(new Chunk(server, frame, ts, 0, data));
        }
    }

    /**
     * TCP: one segment. {@code seq} is the raw sequence number (plus one for a SYN), {@code length} the
     * segment length from the header, {@code data} the captured payload (possibly shorter).
     */
    void segment(boolean server, long frame, long ts, int seq, int ack, int length, byte[] data) {
        int d = server ? 1 : 0;
        if (!fragments.get(1 - d).isEmpty()) {
            // this packet's acknowledgement may show that the other side's missing bytes were received
            while (applyFragment(1 - d, ack, frame, true)) {
                // each call applies one fragment
            }
        }
        if (written[d] == 0 && nextSeq[d] == 0) {
            nextSeq[d] = seq;
        }
        int from = 0;
        int dataLength = data.length;
        if (before(seq, nextSeq[d])) {
            int end = seq + length;
            if (after(end, nextSeq[d])) {
                // a retransmission that brings more than was seen: keep the new part
                from = nextSeq[d] - seq;
                dataLength = dataLength <= from ? 0 : dataLength - from;
                seq = nextSeq[d];
                length = end - nextSeq[d];
            }
        }
        if (dataLength == 0 || before(seq, nextSeq[d])) {
            return;
        }
        if (!room(dataLength)) {
            return;
        }
        Chunk c = new Chunk(server, frame, ts, seq, java.util.Arrays.copyOfRange(data, from, from + dataLength));
        if (seq == nextSeq[d]) {
            nextSeq[d] += length;
            written[d] += dataLength;
            chunks.add(c);
            while (applyFragment(d, 0, frame, false)) {
                // each call applies one fragment
            }
        } else {
            fragments.get(d).add(c);
        }
    }

    /** Applies one waiting fragment of direction {@code d} to the stream; false when none fits. */
    private boolean applyFragment(int d, int acknowledged, long frame, boolean useAck) {
        List<Chunk> list = fragments.get(d);
        if (list.isEmpty()) {
            return false;
        }
        int lowest = list.get(0).seq();
        for (int i = 0; i < list.size(); i++) {
            Chunk f = list.get(i);
            if (after(lowest, f.seq())) {
                lowest = f.seq();
            }
            if (before(f.seq(), nextSeq[d])) {
                int end = f.seq() + f.data().length;
                if (after(end, nextSeq[d])) {
                    int newPos = nextSeq[d] - f.seq();
                    if (f.data().length > newPos) {
                        byte[] rest = java.util.Arrays.copyOfRange(f.data(), newPos, f.data().length);
                        chunks.add(new Chunk(f.server(), f.frame(), f.timestampNanos(), nextSeq[d] + rest.length, rest));
                    }
                    nextSeq[d] += f.data().length - newPos;
                }
                list.remove(i);
                return true;
            }
            if (f.seq() == nextSeq[d]) {
                if (f.data().length > 0) {
                    chunks.add(f);
                }
                nextSeq[d] += f.data().length;
                list.remove(i);
                return true;
            }
        }
        if (useAck && after(acknowledged, lowest)) {
            // the receiver had bytes the capture misses: tshark marks the gap with a text chunk (and its NUL)
            String text = "[" + (lowest - nextSeq[d]) + " bytes missing in capture file]";
            byte[] marker = new byte[text.length() + 1];
            for (int i = 0; i < text.length(); i++) {
                marker[i] = (byte) text.charAt(i);
            }
            chunks.add(new Chunk(d == 1, frame, 0, lowest, marker));
            nextSeq[d] = lowest;
            return true;
        }
        return false;
    }

    /** Sequence-number comparisons modulo 2^32 (packet-tcp.h's LT_SEQ and GT_SEQ). */
    private static boolean before(int a, int b) {
        return a - b < 0;
    }

    private static boolean after(int a, int b) {
        return b - a < 0;
    }
}
