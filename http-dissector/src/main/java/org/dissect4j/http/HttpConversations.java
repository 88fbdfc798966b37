package org.dissect4j.http;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Bytes;

/**
 * Requests waiting for their response, per TCP stream: enough to show {@code http.request_in},
 * {@code http.time}, {@code http.response_for.uri} and to know that a response answers a HEAD. Streams are
 * found in an open-addressing table keyed by the stream index; each keeps at most {@link #DEPTH}
 * outstanding requests (pipelining), preallocated. At most {@link #MAX_STREAMS} streams are tracked; past
 * that the table is cleared (responses then simply lose their request link).
 */
final class HttpConversations {
    static final int DEPTH = 8;
    static final int MAX_STREAMS = 1 << 16;
    private static final int URI_MAX = 2048;

    /** One request. */
    static final class Request {
        long frame;
        long time;
        int number;
        boolean head;
        final StringBuilder fullUri0 = new StringBuilder();
        CharSequence fullUri;
    }

    private static final class State {
        final Request[] queue = new Request[DEPTH];
        int head;
        int count;
        int requests;
        int responses;
        boolean lastHead;

        /** The queue slot {@code i}, made on first use (most connections carry one or two requests). */
        Request slot(int i) {
            Request r = queue[i];
            if (r == null) {
                r = new Request();
                queue[i] = r;
            }
            return r;
        }
    }

    private int[] keys = new int[1024];
    private State[] values = new State[1024];
    private int size;

    int request(int stream, long frame, long time, MemorySegment seg, long base, int uriOff, int uriLen, boolean head,
                int hostOff, int hostLen) {
        State s = state(stream, true);
        s.requests++;
        s.lastHead = head;
        Request r;
        if (s.count == DEPTH) {
            // Oldest unanswered request is forgotten.
            s.head = (s.head + 1) % DEPTH;
            s.count--;
        }
        r = s.slot((s.head + s.count) % DEPTH);
        s.count++;
        r.frame = frame;
        r.time = time;
        r.number = s.requests;
        r.head = head;
        r.fullUri0.setLength(0);
        r.fullUri = null;
        if (hostOff >= 0 && uriLen >= 0) {
            r.fullUri0.append("http://");
            append(seg, base, hostOff, Math.min(hostLen, URI_MAX), r.fullUri0);
            append(seg, base, uriOff, Math.min(uriLen, URI_MAX), r.fullUri0);
            r.fullUri = r.fullUri0;
        }
        return s.requests;
    }

    /** The request this response answers (removed from the queue), or null. */
    Request response(int stream) {
        State s = state(stream, false);
        if (s == null) {
            return null;
        }
        s.responses++;
        if (s.count == 0) {
            return null;
        }
        Request r = s.queue[s.head];
        s.head = (s.head + 1) % DEPTH;
        s.count--;
        r.number = s.responses;
        return r;
    }

    boolean lastMethodIsHead(int stream) {
        State s = state(stream, false);
        return s != null && s.count > 0 && s.queue[s.head].head;
    }

    private static void append(MemorySegment seg, long base, int off, int len, StringBuilder out) {
        for (int i = 0; i < len; i++) {
            out.append((char) Bytes.u8(seg, base + off + i));
        }
    }

    private State state(int stream, boolean create) {
        if (stream < 0) {
            return null;
        }
        int mask = keys.length - 1;
        int i = mix(stream) & mask;
        while (values[i] != null) {
            if (keys[i] == stream) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        if (!create) {
            return null;
        }
        if (size >= MAX_STREAMS) {
            keys = new int[1024];
            values = new State[1024];
            size = 0;
            return state(stream, true);
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
            return state(stream, true);
        }
        keys[i] = stream;
        values[i] = new State();
        size++;
        return values[i];
    }

    private void grow() {
        int[] ok = keys;
        State[] ov = values;
        keys = new int[ok.length * 2];
        values = new State[ok.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ov[j] != null) {
                int i = mix(ok[j]) & mask;
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = ok[j];
                values[i] = ov[j];
            }
        }
    }

    private static int mix(int k) {
        int h = k * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
