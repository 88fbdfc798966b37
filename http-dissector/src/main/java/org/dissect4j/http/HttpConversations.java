package org.dissect4j.http;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.ConversationData;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Registrar;

/**
 * Requests waiting for their response, per connection, to know that a response answers a HEAD or opens a
 * CONNECT tunnel, and the connection's {@link HttpTransactions} (what the request/response links show). Kept as
 * the connection's {@link ConversationData} (dropped when TCP forgets the connection); each keeps at most
 * {@link #DEPTH} outstanding requests (pipelining), their slots made on first use.
 */
final class HttpConversations {
    static final int DEPTH = 8;
    /** {@link #tunnelPort}'s answer after a 101 (Switching Protocols): the bytes belong to the protocol upgraded to. */
    static final int UPGRADED = 0x10000;

    /** One request. */
    static final class Request {
        boolean head;
        /** The port a CONNECT request asks a tunnel to, else -1, and the host. */
        int connectPort = -1;
        final StringBuilder connectHost = new StringBuilder();
    }

    private static final class State {
        final Request[] queue = new Request[DEPTH];
        int head;
        int count;
        final HttpTransactions links = new HttpTransactions();
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

    /**
     * Records a request: its slot in the queue of unanswered requests and a new entry of the connection's
     * {@link HttpTransactions}, with the connection's last request target and full URI. Returns the entry's
     * number (1 without a connection: every request is the first of its own).
     */
    int request(Packet p, long frame, long time, int uriOff, int uriLen, boolean head, int hostOff, int hostLen) {
        State s = state(p, true);
        if (s == null) {
            return 1;
        }
        if (s.count == DEPTH) {
            // Oldest unanswered request is forgotten.
            s.head = (s.head + 1) % DEPTH;
            s.count--;
        }
        Request r = s.slot((s.head + s.count) % DEPTH);
        s.count++;
        r.head = head;
        r.connectPort = -1;
        HttpTransactions links = s.links;
        links.request(frame, time);
        if (uriOff >= 0) {
            append(p.segment(), p.base(), uriOff, HttpTransactions.uriLimit(uriLen), links.newRequestUri());
            if (hostOff >= 0) {
                fullUri(p, uriOff, uriLen, hostOff, hostLen, links.newFullUri());
            }
        }
        return links.count;
    }

    /** Wireshark's full URI: an absolute or authority-form target itself, else http://host and the path. */
    private static void fullUri(Packet p, int uriOff, int uriLen, int hostOff, int hostLen, StringBuilder out) {
        if (uriLen == 0 || Bytes.u8(p.segment(), p.base() + uriOff) == '/') {
            out.append("http://");
            append(p.segment(), p.base(), hostOff, HttpTransactions.uriLimit(hostLen), out);
        }
        append(p.segment(), p.base(), uriOff, HttpTransactions.uriLimit(uriLen), out);
    }

    /** The request this response answers (removed from the queue), or null; the response joins the transactions. */
    Request response(Packet p) {
        State s = state(p, true);
        if (s == null) {
            return null;
        }
        s.links.response(p.frame().number());
        if (s.count == 0) {
            return null;
        }
        Request r = s.queue[s.head];
        s.head = (s.head + 1) % DEPTH;
        s.count--;
        return r;
    }

    /** The transactions of the packet's connection, or null without one. */
    HttpTransactions transactions(Packet p) {
        State s = state(p, false);
        return s == null ? null : s.links;
    }

    /** Whether a request or a response was seen on the packet's connection (false without one). */
    boolean seenMessage(Packet p) {
        State s = state(p, false);
        return s != null && s.links.count > 0;
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
            append(p.segment(), p.base(), hostOff, HttpTransactions.uriLimit(hostLen), r.connectHost);
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
