package org.dissect4j.http;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.AsciiScan;
import org.dissect4j.api.Bytes;
import org.dissect4j.api.Packet;
import org.dissect4j.api.PacketBoundsException;
import org.dissect4j.api.StreamReassembly;
import org.dissect4j.api.Tree;

/**
 * A body in chunked transfer coding (RFC 9112 §7.1): whether it is complete, its chunk fields, and the
 * de-chunked entity body as a new data source of the tree ("De-chunked entity body").
 *
 * <pre>
 * chunked-body = *chunk last-chunk trailer-section CRLF
 * chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
 * last-chunk   = 1*("0") [ chunk-ext ] CRLF
 * </pre>
 *
 * <p>The de-chunked bytes go to one buffer per dissector, reused per frame and grown (doubling, at most
 * {@link #maxDechunked}) only when a frame's bodies need more: the only allocation of the HTTP dissector
 * at steady state. The tree's data source views it until the next frame.
 */
final class HttpChunked {
    /** De-chunked bytes per frame ({@code -o http.max_dechunked_bytes}, 16 MiB); past it a body is cut short. */
    int maxDechunked = 16 << 20;

    private byte[] dechunked = new byte[0];
    private MemorySegment dechunkedView = MemorySegment.ofArray(dechunked);
    private int dechunkedUsed;
    private long dechunkedFrame = -1;
    /** Whether this frame's bodies already met {@link #maxDechunked} (one expert item per frame). */
    private boolean limitNoted;
    private final StringBuilder label = new StringBuilder(32);

    /**
     * Whether a chunked body starting at {@code at} is complete before {@code end}: 0 if so (or malformed:
     * dissect what there is), else {@link StreamReassembly#ONE_MORE_SEGMENT}.
     */
    static int need(Packet p, int at, int end) {
        int pos = at;
        while (true) {
            int le = AsciiScan.lineEnd(p, pos, end);
            if (le < 0) {
                return StreamReassembly.ONE_MORE_SEGMENT;
            }
            long size = chunkSize(p, pos, le);
            pos = AsciiScan.nextLine(p, le);
            if (size < 0 || unusable(size)) {
                return 0;
            }
            if (size == 0) {
                return trailerEnd(p, pos, end) < 0 ? StreamReassembly.ONE_MORE_SEGMENT : 0;
            }
            // Wireshark 4.0 asks for "one more segment" for a cut chunk too, not for the exact remainder.
            if (end - pos < size + 2) {
                return StreamReassembly.ONE_MORE_SEGMENT;
            }
            pos += (int) size;
            int ce = AsciiScan.lineEnd(p, pos, end);
            if (ce < 0) {
                return StreamReassembly.ONE_MORE_SEGMENT;
            }
            pos = AsciiScan.nextLine(p, ce);
        }
    }

    /** Where the trailer section from {@code pos} ends (after its empty line), or -1 when it does not before {@code end}. */
    private static int trailerEnd(Packet p, int pos, int end) {
        while (true) {
            int te = AsciiScan.lineEnd(p, pos, end);
            if (te < 0) {
                return -1;
            }
            boolean empty = te == pos;
            pos = AsciiScan.nextLine(p, te);
            if (empty) {
                return pos;
            }
        }
    }

    /**
     * Adds the chunk fields of the body at {@code at}, de-chunks it into a new data source, hands that to
     * {@code body}, and returns where the message ends.
     */
    int dissect(Packet p, Tree t, int at, int end, HttpBody body) {
        int capEnd = Math.min(end, p.capturedEnd());
        long frameNo = p.frame().number();
        if (dechunkedFrame != frameNo) {
            dechunkedFrame = frameNo;
            dechunkedUsed = 0;
            limitNoted = false;
        }
        int start = dechunkedUsed;
        int pos = at;
        int bodyNode = t.open(HttpFields.CHUNKED_BODY, at, Math.max(0, capEnd - at));
        while (pos < capEnd) {
            int le = AsciiScan.lineEnd(p, pos, capEnd);
            long size = le < 0 ? -1 : chunkSize(p, pos, le);
            if (size < 0) {
                pos = capEnd;
                break;
            }
            if (unusable(size)) {
                // tshark 4.0.17 on Zeek's chunk_2pow64_overflow: no chunk field, "[Malformed Packet]"
                throw PacketBoundsException.MALFORMED;
            }
            int dataStart = AsciiScan.nextLine(p, le);
            if (size == 0) {
                // Wireshark's last chunk covers its size line, its (empty) data and the CRLF after that data
                int crlf = dataStart + 2 <= capEnd && p.u8(dataStart) == '\r' && p.u8(dataStart + 1) == '\n' ? 2 : 0;
                t.open(HttpFields.LAST_CHUNK, pos, dataStart - pos + crlf);
                t.addUint(HttpFields.CHUNK_SIZE, pos, dataStart - pos, size);      // the line with its CRLF, as Wireshark's item
                t.close();
                pos = trailer(p, t, dataStart, capEnd);
                break;
            }
            int n = (int) Math.min(size, capEnd - dataStart);
            int chunkStart = pos;
            int chunk = t.open(HttpFields.DATA_CHUNK, pos, dataStart + n - pos);
            chunkLabel(t, chunk, size);
            t.addUint(HttpFields.CHUNK_SIZE, pos, dataStart - pos, size);
            t.add(HttpFields.CHUNK_DATA, dataStart, n);
            append(p, dataStart, n);
            pos = dataStart + n;
            boolean cut = false;
            if (pos < capEnd) {
                int ce = AsciiScan.lineEnd(p, pos, capEnd);
                if (ce < 0) {
                    pos = capEnd;
                    cut = true;
                } else {
                    int next = AsciiScan.nextLine(p, ce);
                    t.add(HttpFields.CHUNK_BOUNDARY, pos, next - pos);
                    pos = next;
                    t.setLength(chunk, pos - chunkStart);      // chunk is -1 when not wanted: no t.offset(chunk)
                }
            }
            t.close();
            if (cut) {
                break;
            }
        }
        t.setLength(bodyNode, pos - at);
        t.close();
        int len = dechunkedUsed - start;
        int src = t.addSource(dechunkedView, start, len, "De-chunked entity body");
        if (len == 0) {
            // tshark 4.0.17 shows an empty de-chunked body too: "File Data: 0 bytes"
            t.add(HttpFields.FILE_DATA, at, 0);
        }
        body.deliver(p, t, src, 0, len);
        return pos;
    }

    /** The trailer fields from {@code pos}; returns where the trailer section ends, or {@code capEnd} when cut. */
    private static int trailer(Packet p, Tree t, int pos, int capEnd) {
        while (pos < capEnd) {
            int te = AsciiScan.lineEnd(p, pos, capEnd);
            if (te < 0) {
                return capEnd;
            }
            boolean empty = te == pos;
            int next = AsciiScan.nextLine(p, te);
            if (!empty) {
                t.add(HttpFields.CHUNKED_TRAILER_PART, pos, next - pos);     // tshark shows it with its CRLF
            } else {
                t.add(HttpFields.LINE, pos, next - pos);      // the empty line that ends the body: "\r\n"
            }
            pos = next;
            if (empty) {
                break;
            }
        }
        return pos;
    }

    /**
     * The chunk-size of the line {@code [at, le)}, chunk extensions after ';' or blanks ignored; -1 if malformed.
     * As Wireshark 4.0, which reads it with a saturating 64-bit parse and keeps 32 bits: 2^64 is 0xffffffff and
     * 0x100000005 is 5 (tshark 4.0.17 on test-built captures).
     */
    private static long chunkSize(Packet p, int at, int le) {
        int stop = at;
        long v = 0;
        while (stop < le) {
            int d = AsciiScan.hexValue(p.u8(stop));
            if (d < 0) {
                break;
            }
            v = v > (Long.MAX_VALUE - d) / 16 ? Long.MAX_VALUE : v * 16 + d;
            stop++;
        }
        if (stop < le) {
            int c = p.u8(stop);
            if (c != ';' && c != ' ' && c != '\t') {
                return -1;
            }
        }
        return stop == at ? -1 : v & 0xFFFF_FFFFL;
    }

    /**
     * A size Wireshark 4.0 cannot use: negative as a 32-bit int, except -2^31 (tshark 4.0.17 waits for more data
     * on 0x80000000 and calls 0x80000001 to 0xffffffff malformed).
     */
    private static boolean unusable(long size) {
        return size > 0x8000_0000L;
    }

    /** "Data chunk (8558 octets)", composed only when an output prints labels. */
    private void chunkLabel(Tree t, int chunk, long size) {
        if (chunk >= 0 && t.wantsLabels()) {
            label.setLength(0);
            label.append("Data chunk (").append(size).append(size == 1 ? " octet)" : " octets)");
            t.setLabel(chunk, label);
        }
    }

    private void append(Packet p, int at, int n) {
        if (dechunkedUsed + n > maxDechunked) {
            if (!limitNoted) {
                p.tree().expert(HttpFields.DECHUNK_LIMIT, at, n);
                limitNoted = true;
            }
            n = Math.max(0, maxDechunked - dechunkedUsed);
        }
        if (dechunkedUsed + n > dechunked.length) {
            int cap = Math.max(4096, dechunked.length);
            while (cap < dechunkedUsed + n) {
                cap *= 2;
            }
            byte[] d = new byte[cap];
            System.arraycopy(dechunked, 0, d, 0, dechunkedUsed);
            dechunked = d;
            dechunkedView = MemorySegment.ofArray(d);
        }
        MemorySegment.copy(p.segment(), Bytes.U8, p.base() + at, dechunked, dechunkedUsed, n);
        dechunkedUsed += n;
    }
}
