package org.dissect4j.tls;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Packet;

/**
 * What servers issued for resumption across the capture: the session IDs of their ServerHellos (TLS 1.2 and
 * earlier) and the tickets of their NewSessionTicket messages, keyed by server endpoint (address and port), so
 * that a later connection to the same server that offers one of them can be linked to the frame that issued it
 * ({@code tls.resumption.origin_frame}). A bounded ring of {@link #CAPACITY} entries (oldest forgotten first);
 * values are kept as 64-bit FNV-1a hashes with their length, and chained in a hash index so that a lookup
 * costs one bucket, not a walk of the ring. Lookups and inserts never allocate.
 */
final class TlsResumption {
    static final int CAPACITY = 4096;
    static final int KIND_SESSION_ID = 1, KIND_TICKET = 2;

    private final long[] endpoint = new long[CAPACITY];
    private final long[] value = new long[CAPACITY];
    private final int[] kind = new int[CAPACITY];
    private final long[] frame = new long[CAPACITY];
    private int next;
    private int count;

    private static final int BUCKETS = 2 * CAPACITY;
    /** First entry (ring slot) of each bucket, newest first; -1 when empty. */
    private final int[] head = new int[BUCKETS];
    /** The next older entry in the same bucket, or -1. */
    private final int[] chain = new int[CAPACITY];

    TlsResumption() {
        java.util.Arrays.fill(head, -1);
    }

    private static int bucket(long ep, int k, long v) {
        long h = (ep ^ v * 0x9E3779B97F4A7C15L) + k;
        h ^= h >>> 29;
        return (int) (h * 0xBF58476D1CE4E5B9L >>> 40) & (BUCKETS - 1);
    }

    /** A hash of the server endpoint of session {@code s} (known once the ClientHello was seen). */
    static long endpoint(TlsSession s) {
        long h = 0xcbf29ce484222325L;
        int n = s.serverAddrType == Packet.AT_IPV6 ? 16 : 4;
        for (int i = 0; i < n; i++) {
            h = (h ^ (s.serverAddr[i] & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ s.serverPort) * 0x100000001b3L;
        return (h ^ s.serverAddrType) * 0x100000001b3L;
    }

    /** FNV-1a over {@code len} bytes, mixed with the length. */
    static long hash(MemorySegment seg, long at, int len) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < len; i++) {
            h = (h ^ Bytes.u8(seg, at + i)) * 0x100000001b3L;
        }
        return h ^ ((long) len << 48);
    }

    static long hash(byte[] b, int len) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < len; i++) {
            h = (h ^ (b[i] & 0xff)) * 0x100000001b3L;
        }
        return h ^ ((long) len << 48);
    }

    void remember(long ep, int k, long v, long frameNumber) {
        if (count == CAPACITY) {
            unlink(next);
        }
        endpoint[next] = ep;
        kind[next] = k;
        value[next] = v;
        frame[next] = frameNumber;
        int b = bucket(ep, k, v);
        chain[next] = head[b];
        head[b] = next;
        next = (next + 1) % CAPACITY;
        if (count < CAPACITY) {
            count++;
        }
    }

    /** Takes the (oldest) entry in ring slot {@code slot} out of its bucket before the slot is reused. */
    private void unlink(int slot) {
        int b = bucket(endpoint[slot], kind[slot], value[slot]);
        if (head[b] == slot) {
            head[b] = chain[slot];
            return;
        }
        for (int at = head[b]; at >= 0; at = chain[at]) {
            if (chain[at] == slot) {
                chain[at] = chain[slot];
                return;
            }
        }
    }

    /** The frame that issued value {@code v} of kind {@code k} for endpoint {@code ep}, newest first, or 0. */
    long find(long ep, int k, long v) {
        for (int at = head[bucket(ep, k, v)]; at >= 0; at = chain[at]) {
            if (value[at] == v && endpoint[at] == ep && kind[at] == k) {
                return frame[at];
            }
        }
        return 0;
    }
}
