package org.dissect4j.tls;

import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * What a connection's handshake means for session resumption, as one transition table: state × event × direction
 * → next state and action, one table for the first pass and one for a replayed (visited) frame.
 *
 * <p>The <b>state</b> is the decision so far: {@link #UNDECIDED} (no ServerHello yet), {@link #FULL} handshake, or
 * resumed by {@link #RESUMED_SESSION_ID session ID}, {@link #RESUMED_TICKET ticket} or {@link #RESUMED_PSK TLS 1.3
 * PSK}; and, TLS 1.2 and earlier, {@link #TICKET_PENDING} {@code + decision}: a ticket was offered and the
 * ServerHello did not echo the session ID, so the server's next message tells an accepted ticket from a full
 * handshake. A pending ticket keeps the decision it followed, which only a replayed ChangeCipherSpec shows.
 *
 * <p>An <b>event</b> is a handshake message (or the ChangeCipherSpec, TLS 1.2 and earlier), the hellos refined by
 * what they say about resumption: what a ServerHello selects, whether it echoes the offered session ID, and what the
 * ClientHello offered ({@code tls.resumption.offered}, kept in the session). Certificate, ServerKeyExchange and
 * ServerHelloDone are events of TLS 1.2 and earlier only.
 *
 * <p>An <b>action</b> is {@link #REFUSED} (the {@code tls.resumption.refused} expert) or {@link #RESUMED} (the
 * {@code tls.resumed} expert with {@code tls.resumption_method} and, for a session ID or ticket issued earlier in the
 * capture, {@code tls.resumption.origin_frame}). The tables are flat arrays built once from the rules below;
 * {@link #step} is one array read and never allocates.
 */
final class TlsHandshakeStates {
    /** States. */
    static final int UNDECIDED = 0, FULL = 1, RESUMED_SESSION_ID = 2, RESUMED_TICKET = 3, RESUMED_PSK = 4;
    /** {@code TICKET_PENDING + d}: a ticket offer waiting for the server's next message, after decision {@code d}. */
    static final int TICKET_PENDING = 5;
    static final int STATES = 10;

    /** Events. */
    static final int CLIENT_HELLO = 0,
            // TLS 1.3: the server selected a PSK identity.
            SERVER_HELLO_PSK = 1,
            // TLS 1.3: no PSK selected, one was offered.
            SERVER_HELLO_PSK_REFUSED = 2,
            // TLS 1.3: no PSK selected, none offered.
            SERVER_HELLO_13 = 3,
            // TLS 1.2 and earlier: the offered session ID echoed, a ticket offered too.
            SERVER_HELLO_ECHO_TICKET = 4,
            // TLS 1.2 and earlier: the offered session ID echoed, no ticket offered.
            SERVER_HELLO_ECHO = 5,
            // TLS 1.2 and earlier: no echo, a ticket offered.
            SERVER_HELLO_NEW_TICKET_OFFERED = 6,
            // TLS 1.2 and earlier: no echo, a session ID offered (and no ticket).
            SERVER_HELLO_NEW_ID_OFFERED = 7,
            // TLS 1.2 and earlier: no echo, nothing offered.
            SERVER_HELLO_NEW = 8,
            CERTIFICATE = 9, SERVER_KEY_EXCHANGE = 10, SERVER_HELLO_DONE = 11, NEW_SESSION_TICKET = 12,
            CHANGE_CIPHER_SPEC = 13;
    static final int EVENTS = 14;

    /** Actions. */
    static final int NONE = 0, REFUSED = 1, RESUMED = 2;

    /** Directions of a rule. */
    private static final int FROM_CLIENT = 1, FROM_SERVER = 2, EITHER = 3;
    /** Pseudo next states of a rule: stay, or a pending ticket after the decision so far. */
    private static final int SAME = -1, PENDING_AFTER = -2;
    /** Sets of states of a rule. */
    private static final int ANY = (1 << STATES) - 1, PENDING = ((1 << 5) - 1) << TICKET_PENDING,
            RESUMED_ANY = bit(RESUMED_SESSION_ID) | bit(RESUMED_TICKET) | bit(RESUMED_PSK);
    private static final int ID = TlsFields.RESUMED_SESSION_ID, TICKET = TlsFields.RESUMED_TICKET,
            PSK = TlsFields.RESUMED_PSK;

    /** Entries {@code next | action << 4 | method << 8} by {@link #index}. */
    private static final short[] FIRST = new short[STATES * EVENTS * 2], REPLAY = new short[STATES * EVENTS * 2];

    static {
        for (int st = 0; st < STATES; st++) {
            for (int i = 0; i < EVENTS * 2; i++) {
                FIRST[st * EVENTS * 2 + i] = (short) st;
                REPLAY[st * EVENTS * 2 + i] = (short) st;
            }
        }
        // Unlisted (state, event, direction): no change, no action. A later rule overrides an earlier one.
        //         from            event                            direction    next                action   method
        rule(FIRST, ANY, CLIENT_HELLO, EITHER, UNDECIDED, NONE, 0);
        rule(FIRST, ANY, SERVER_HELLO_PSK, EITHER, RESUMED_PSK, RESUMED, PSK);
        rule(FIRST, ANY, SERVER_HELLO_PSK_REFUSED, EITHER, FULL, REFUSED, 0);
        rule(FIRST, ANY, SERVER_HELLO_13, EITHER, FULL, NONE, 0);
        rule(FIRST, ANY, SERVER_HELLO_ECHO_TICKET, EITHER, RESUMED_TICKET, NONE, 0);
        rule(FIRST, ANY, SERVER_HELLO_ECHO, EITHER, RESUMED_SESSION_ID, NONE, 0);
        rule(FIRST, ANY, SERVER_HELLO_NEW_TICKET_OFFERED, EITHER, PENDING_AFTER, NONE, 0);
        rule(FIRST, ANY, SERVER_HELLO_NEW_ID_OFFERED, EITHER, FULL, REFUSED, 0);
        rule(FIRST, ANY, SERVER_HELLO_NEW, EITHER, FULL, NONE, 0);
        for (int e : new int[] {CERTIFICATE, SERVER_KEY_EXCHANGE, SERVER_HELLO_DONE}) {
            // The client's Certificate says nothing; Wireshark's direction test is not applied to the other two.
            int dir = e == CERTIFICATE ? FROM_SERVER : EITHER;
            rule(FIRST, bit(UNDECIDED) | bit(FULL), e, dir, FULL, NONE, 0);
            rule(FIRST, PENDING | RESUMED_ANY, e, dir, FULL, REFUSED, 0);
        }
        rule(FIRST, PENDING, NEW_SESSION_TICKET, EITHER, RESUMED_TICKET, NONE, 0);
        rule(FIRST, PENDING | bit(RESUMED_TICKET), CHANGE_CIPHER_SPEC, FROM_SERVER, FULL, RESUMED, TICKET);
        rule(FIRST, bit(RESUMED_SESSION_ID), CHANGE_CIPHER_SPEC, FROM_SERVER, FULL, RESUMED, ID);

        // A replayed frame decides nothing, but a NewSessionTicket still settles a pending ticket, and the
        // ChangeCipherSpec shows the resumption the first pass left.
        rule(REPLAY, PENDING, NEW_SESSION_TICKET, EITHER, RESUMED_TICKET, NONE, 0);
        rule(REPLAY, bit(RESUMED_SESSION_ID) | bit(TICKET_PENDING + RESUMED_SESSION_ID), CHANGE_CIPHER_SPEC,
                FROM_SERVER, SAME, RESUMED, ID);
        rule(REPLAY, bit(RESUMED_TICKET) | bit(TICKET_PENDING + RESUMED_TICKET), CHANGE_CIPHER_SPEC,
                FROM_SERVER, SAME, RESUMED, TICKET);
    }

    private TlsHandshakeStates() {
    }

    private static int bit(int state) {
        return 1 << state;
    }

    private static void rule(short[] table, int from, int event, int direction, int next, int action, int method) {
        for (int st = 0; st < STATES; st++) {
            if ((from & bit(st)) == 0) {
                continue;
            }
            int to = next == SAME ? st : next == PENDING_AFTER ? TICKET_PENDING + decision(st) : next;
            for (int d = 0; d < 2; d++) {
                if ((direction & (d == 0 ? FROM_CLIENT : FROM_SERVER)) != 0) {
                    table[index(st, event, d == 1)] = (short) (to | action << 4 | method << 8);
                }
            }
        }
    }

    private static int index(int state, int event, boolean fromServer) {
        return (state * EVENTS + event) * 2 + (fromServer ? 1 : 0);
    }

    /** The decision of {@code state}, a pending ticket aside. */
    static int decision(int state) {
        return state >= TICKET_PENDING ? state - TICKET_PENDING : state;
    }

    /** The table entry; read with {@link #next}, {@link #action} and {@link #method}. */
    static int entry(int state, int event, boolean fromServer, boolean replay) {
        return (replay ? REPLAY : FIRST)[index(state, event, fromServer)];
    }

    static int next(int entry) {
        return entry & 0xf;
    }

    static int action(int entry) {
        return entry >>> 4 & 0xf;
    }

    /** A TlsFields.RESUMED_* method, with {@link #RESUMED}. */
    static int method(int entry) {
        return entry >>> 8;
    }

    /** Applies {@code event} to session {@code s}; expert items sit at {@code at}. */
    static void step(Packet p, TlsSession s, int event, boolean fromServer, int at) {
        step(p, s, event, fromServer, at, -1);
    }

    /**
     * Applies {@code event}; the {@code tls.resumed} expert goes under {@code item} (the ChangeCipherSpec message, where
     * tshark 4.0 shows it) or, with -1, under the open node. tshark 4.0 has none for a TLS 1.3 PSK: a tree output
     * (everything wanted) leaves that one out unless the resumption method is named.
     */
    static void step(Packet p, TlsSession s, int event, boolean fromServer, int at, int item) {
        int e = entry(s.handshakeState, event, fromServer, p.visited());
        s.handshakeState = next(e);
        int action = action(e);
        // our own items: a tree output (everything wanted) shows them only when named, as tshark 4.0 has none
        Tree t = p.tree();
        if (action == REFUSED && (!t.wantsAll() || t.wantsByName(TlsFields.RESUMPTION_METHOD))) {
            TlsExpert.add(p, TlsExpert.RESUMPTION_REFUSED, at, 0);
        } else if (action == RESUMED) {
            int method = method(e);
            if (method != PSK || !t.wantsAll() || t.wantsByName(TlsFields.RESUMPTION_METHOD)) {
                t.expertOn(item, TlsExpert.RESUMED, at, 0, null);
            }
            if (t.wantsByName(TlsFields.RESUMPTION_METHOD)) {
                t.addGenerated(TlsFields.RESUMPTION_METHOD, method);
            }
            if (method != PSK && s.offeredOriginFrame != 0 && t.wantsByName(TlsFields.RESUMPTION_ORIGIN)) {
                t.addGenerated(TlsFields.RESUMPTION_ORIGIN, s.offeredOriginFrame);
            }
        }
    }
}
