package org.dissect4j.http;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.ConversationData;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Registrar;

/**
 * Requests waiting for their response, per connection: enough to show {@code http.request_in},
 * {@code http.time}, {@code http.response_for.uri} and to know that a response answers a HEAD. Kept as
 * the connection's {@link ConversationData} (dropped when TCP forgets the connection); each keeps at most
 * {@link #DEPTH} outstanding requests (pipelining), their slots made on first use.
 */
final class HttpConversations {
    static final int DEPTH = 8;
    /** {@link #tunnelPort}'s answer after a 101 (Switching Protocols): the bytes belong to the protocol upgraded to. */
    static final int UPGRADED = 0x10000;
    private static final int URI_MAX = 2048;

    /** One request. */
    static final class Request {
        long frame;
        long time;
        int number;
        boolean head;
        /** The port a CONNECT request asks a tunnel to, else -1, and the host. */
        int connectPort = -1;
        final StringBuilder connectHost = new StringBuilder();
        /** The frames of the transaction before this one on the connection ({@code http.prev_request_in}, ...), or 0. */
        long prevRequestFrame;
        long prevResponseFrame;
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
        long lastRequestFrame;
        long lastResponseFrame;
        /** After a 2xx answer to CONNECT: the tunnelled port, and where the tunnel's bytes begin. */
        int tunnelPort = -1;
        long tunnelFrame;
        int tunnelOffset;
        final StringBuilder tunnelHost = new StringBuilder();
        /** After a 101: the dissector of the protocol upgraded to ({@code http.upgrade}), or null. */
        DissectorHandle upgraded;

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

    private ConversationData<State> perConnection;

    /** Declares the per-connection slot (at registration). */
    void declare(Registrar r) {
        perConnection = r.conversationData("http.requests", State::new);
    }

    int request(Packet p, long frame, long time, MemorySegment seg, long base, int uriOff, int uriLen, boolean head,
                int hostOff, int hostLen) {
        State s = state(p, true);
        if (s == null) {
            return 1;   // no connection below: every request is the first of its own
        }
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
        r.prevRequestFrame = s.lastRequestFrame;
        r.prevResponseFrame = 0;
        s.lastRequestFrame = frame;
        r.time = time;
        r.number = s.requests;
        r.head = head;
        r.connectPort = -1;
        r.fullUri0.setLength(0);
        r.fullUri = null;
        if (uriOff >= 0 && uriLen > 0 && Bytes.u8(seg, base + uriOff) != '/') {
            append(seg, base, uriOff, Math.min(uriLen, URI_MAX), r.fullUri0);     // absolute or authority form
            r.fullUri = r.fullUri0;
        } else if (hostOff >= 0 && uriLen >= 0) {
            r.fullUri0.append("http://");
            append(seg, base, hostOff, Math.min(hostLen, URI_MAX), r.fullUri0);
            append(seg, base, uriOff, Math.min(uriLen, URI_MAX), r.fullUri0);
            r.fullUri = r.fullUri0;
        }
        return s.requests;
    }

    /** The request this response answers (removed from the queue), or null. */
    Request response(Packet p) {
        State s = state(p, true);
        if (s == null) {
            return null;
        }
        s.responses++;
        long previousResponse = s.lastResponseFrame;
        s.lastResponseFrame = p.frame().number();
        if (s.count == 0) {
            return null;
        }
        Request r = s.queue[s.head];
        // the transaction before this one was answered by the response before this one (answers come in order)
        r.prevResponseFrame = r.prevRequestFrame != 0 ? previousResponse : 0;
        s.head = (s.head + 1) % DEPTH;
        s.count--;
        r.number = s.responses;
        return r;
    }

    /** The frame of the request before the one just recorded on the packet's connection, or 0. */
    long lastRequestsPrevious(Packet p) {
        State s = state(p, false);
        return s == null || s.count == 0 ? 0 : s.queue[(s.head + s.count - 1) % DEPTH].prevRequestFrame;
    }

    /** The responses seen so far on the packet's connection (0 without one). */
    int responses(Packet p) {
        State s = state(p, false);
        return s == null ? 0 : s.responses;
    }

    /** The requests seen so far on the packet's connection (0 without one). */
    int requests(Packet p) {
        State s = state(p, false);
        return s == null ? 0 : s.requests;
    }

    /** Whether a request or a response was seen on the packet's connection (false without one). */
    boolean seenMessage(Packet p) {
        State s = state(p, false);
        return s != null && (s.requests > 0 || s.responses > 0);
    }

    boolean lastMethodIsHead(Packet p) {
        State s = state(p, false);
        return s != null && s.count > 0 && s.queue[s.head].head;
    }

    /** Marks the request just recorded as a CONNECT to {@code port} of the host {@code [hostOff, hostOff + hostLen)}. */
    void lastRequestConnects(Packet p, int port, int hostOff, int hostLen) {
        State s = state(p, false);
        if (s != null && s.count > 0) {
            Request r = s.slot((s.head + s.count - 1) % DEPTH);
            r.connectPort = port;
            r.connectHost.setLength(0);
            append(p.segment(), p.base(), hostOff, Math.min(hostLen, URI_MAX), r.connectHost);
        }
    }

    /** The host the tunnel of the packet's connection was asked for ({@code http.proxy_connect_host}). */
    CharSequence tunnelHost(Packet p) {
        State s = state(p, false);
        return s == null ? "" : s.tunnelHost;
    }

    /** Whether the response about to be read answers a CONNECT (its 2xx has no body: a tunnel follows). */
    boolean nextAnswersConnect(Packet p) {
        State s = state(p, false);
        return s != null && s.count > 0 && s.queue[s.head].connectPort >= 0;
    }

    /** The tunnel begins in frame {@code frame} at {@code offset}: Wireshark's startframe and startoffset. */
    void tunnel(Packet p, int port, long frame, int offset, DissectorHandle upgraded, CharSequence host) {
        State s = state(p, true);
        if (s != null) {
            s.tunnelHost.setLength(0);
            s.tunnelHost.append(host);
            s.upgraded = upgraded;
            s.tunnelPort = port;
            s.tunnelFrame = frame;
            s.tunnelOffset = offset;
        }
    }

    /** The dissector of the protocol a 101 upgraded the connection to, or null. */
    DissectorHandle upgraded(Packet p) {
        State s = state(p, false);
        return s == null ? null : s.upgraded;
    }

    /** The tunnelled port when the bytes at {@code offset} of this frame are the tunnel's, else -1. */
    int tunnelPort(Packet p, int offset) {
        State s = state(p, false);
        if (s == null || s.tunnelPort < 0) {
            return -1;
        }
        long frame = p.frame().number();
        return frame > s.tunnelFrame || frame == s.tunnelFrame && offset >= s.tunnelOffset ? s.tunnelPort : -1;
    }

    private static void append(MemorySegment seg, long base, int off, int len, StringBuilder out) {
        for (int i = 0; i < len; i++) {
            out.append((char) Bytes.u8(seg, base + off + i));
        }
    }

    /** The connection's state, or null without a connection (no transport below) or when not created. */
    private State state(Packet p, boolean create) {
        if (perConnection == null) {
            return null;
        }
        return create ? perConnection.getOrCreate(p) : perConnection.get(p);
    }
}
