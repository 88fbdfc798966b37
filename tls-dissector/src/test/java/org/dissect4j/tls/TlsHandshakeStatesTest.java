package org.dissect4j.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.tls.TlsHandshakeStates.*;

import org.junit.jupiter.api.Test;

/**
 * The resumption transition table: every (state, event, direction, pass) against the conditionals it replaced,
 * written out here as a reference model over the two fields it had (a decision and a pending-ticket flag), and
 * the handshakes of the README walked through the table.
 */
class TlsHandshakeStatesTest {
    /** The decision as the old {@code TlsSession.resumption}: 0 undecided, -1 full, else a TlsFields.RESUMED_*. */
    private static int legacyDecision(int state) {
        return switch (decision(state)) {
            case UNDECIDED -> 0;
            case FULL -> -1;
            case RESUMED_SESSION_ID -> TlsFields.RESUMED_SESSION_ID;
            case RESUMED_TICKET -> TlsFields.RESUMED_TICKET;
            default -> TlsFields.RESUMED_PSK;
        };
    }

    private static int stateOf(int legacy, boolean pending) {
        int d = switch (legacy) {
            case 0 -> UNDECIDED;
            case -1 -> FULL;
            case TlsFields.RESUMED_SESSION_ID -> RESUMED_SESSION_ID;
            case TlsFields.RESUMED_TICKET -> RESUMED_TICKET;
            default -> RESUMED_PSK;
        };
        return pending ? TICKET_PENDING + d : d;
    }

    /** The conditionals of the ClientHello, ServerHello, full-handshake, NewSessionTicket and CCS code: {next, action, method}. */
    private static int[] reference(int state, int event, boolean fromServer, boolean replay) {
        int res = legacyDecision(state);
        boolean pending = state >= TICKET_PENDING;
        int action = NONE;
        int method = 0;
        switch (event) {
            case CLIENT_HELLO -> {
                if (!replay) {
                    res = 0;
                    pending = false;
                }
            }
            case SERVER_HELLO_PSK, SERVER_HELLO_PSK_REFUSED, SERVER_HELLO_13, SERVER_HELLO_ECHO_TICKET,
                    SERVER_HELLO_ECHO, SERVER_HELLO_NEW_TICKET_OFFERED, SERVER_HELLO_NEW_ID_OFFERED, SERVER_HELLO_NEW -> {
                if (replay) {
                    break;
                }
                pending = false;
                switch (event) {
                    case SERVER_HELLO_PSK -> {
                        res = TlsFields.RESUMED_PSK;
                        action = RESUMED;
                        method = TlsFields.RESUMED_PSK;
                    }
                    case SERVER_HELLO_PSK_REFUSED, SERVER_HELLO_NEW_ID_OFFERED -> {
                        res = -1;
                        action = REFUSED;
                    }
                    case SERVER_HELLO_ECHO_TICKET -> res = TlsFields.RESUMED_TICKET;
                    case SERVER_HELLO_ECHO -> res = TlsFields.RESUMED_SESSION_ID;
                    case SERVER_HELLO_NEW_TICKET_OFFERED -> pending = true;
                    default -> res = -1;
                }
            }
            case CERTIFICATE, SERVER_KEY_EXCHANGE, SERVER_HELLO_DONE -> {
                if ((event == CERTIFICATE && !fromServer) || replay) {
                    break;
                }
                if (pending || res > 0) {
                    action = REFUSED;
                }
                pending = false;
                res = -1;
            }
            case NEW_SESSION_TICKET -> {
                if (pending) {
                    pending = false;
                    res = TlsFields.RESUMED_TICKET;
                }
            }
            case CHANGE_CIPHER_SPEC -> {
                if (!fromServer) {
                    break;
                }
                if (pending && !replay) {
                    pending = false;
                    res = TlsFields.RESUMED_TICKET;
                }
                if (res > 0 && res != TlsFields.RESUMED_PSK) {
                    action = RESUMED;
                    method = res;
                    if (!replay) {
                        res = -1;
                    }
                }
            }
            default -> throw new AssertionError(event);
        }
        return new int[] {stateOf(res, pending), action, method};
    }

    @Test
    void everyEntryIsWhatTheConditionalsDid() {
        int checked = 0;
        for (int state = 0; state < STATES; state++) {
            for (int event = 0; event < EVENTS; event++) {
                for (boolean fromServer : new boolean[] {false, true}) {
                    for (boolean replay : new boolean[] {false, true}) {
                        int e = entry(state, event, fromServer, replay);
                        int[] want = reference(state, event, fromServer, replay);
                        assertThat(new int[] {next(e), action(e), method(e)})
                                .as("state %d event %d fromServer %s replay %s", state, event, fromServer, replay)
                                .containsExactly(want);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(STATES * EVENTS * 4);
    }

    /** Walks {@code events} (server events with direction) from UNDECIDED on the first pass; returns {state, last action, last method}. */
    private static int[] walk(int... events) {
        int state = UNDECIDED;
        int e = 0;
        for (int event : events) {
            e = entry(state, event, event != CLIENT_HELLO, false);
            state = next(e);
        }
        return new int[] {state, action(e), method(e)};
    }

    @Test
    void theHandshakesOfTheReadme() {
        // TLS 1.2 session ID echoed: resumed at the server's ChangeCipherSpec, by session ID.
        assertThat(walk(CLIENT_HELLO, SERVER_HELLO_ECHO, CHANGE_CIPHER_SPEC))
                .containsExactly(FULL, RESUMED, TlsFields.RESUMED_SESSION_ID);
        // Echoed with a ticket offered too: by ticket.
        assertThat(walk(CLIENT_HELLO, SERVER_HELLO_ECHO_TICKET, CHANGE_CIPHER_SPEC))
                .containsExactly(FULL, RESUMED, TlsFields.RESUMED_TICKET);
        // Ticket offered, no echo: the NewSessionTicket or the CCS accepts it ...
        assertThat(walk(CLIENT_HELLO, SERVER_HELLO_NEW_TICKET_OFFERED)).containsExactly(TICKET_PENDING, NONE, 0);
        assertThat(walk(CLIENT_HELLO, SERVER_HELLO_NEW_TICKET_OFFERED, NEW_SESSION_TICKET))
                .containsExactly(RESUMED_TICKET, NONE, 0);
        assertThat(walk(CLIENT_HELLO, SERVER_HELLO_NEW_TICKET_OFFERED, NEW_SESSION_TICKET, CHANGE_CIPHER_SPEC))
                .containsExactly(FULL, RESUMED, TlsFields.RESUMED_TICKET);
        assertThat(walk(CLIENT_HELLO, SERVER_HELLO_NEW_TICKET_OFFERED, CHANGE_CIPHER_SPEC))
                .containsExactly(FULL, RESUMED, TlsFields.RESUMED_TICKET);
        // ... the server's Certificate, ServerKeyExchange or ServerHelloDone refuses it.
        for (int flight : new int[] {CERTIFICATE, SERVER_KEY_EXCHANGE, SERVER_HELLO_DONE}) {
            assertThat(walk(CLIENT_HELLO, SERVER_HELLO_NEW_TICKET_OFFERED, flight)).containsExactly(FULL, REFUSED, 0);
        }
        // A new session ID after a session ID offer: refused at the ServerHello; the full handshake then says nothing.
        assertThat(walk(CLIENT_HELLO, SERVER_HELLO_NEW_ID_OFFERED)).containsExactly(FULL, REFUSED, 0);
        assertThat(walk(CLIENT_HELLO, SERVER_HELLO_NEW_ID_OFFERED, CERTIFICATE, CHANGE_CIPHER_SPEC))
                .containsExactly(FULL, NONE, 0);
        // TLS 1.3: decided at the ServerHello.
        assertThat(walk(CLIENT_HELLO, SERVER_HELLO_PSK)).containsExactly(RESUMED_PSK, RESUMED, TlsFields.RESUMED_PSK);
        assertThat(walk(CLIENT_HELLO, SERVER_HELLO_PSK_REFUSED)).containsExactly(FULL, REFUSED, 0);
        assertThat(walk(CLIENT_HELLO, SERVER_HELLO_13)).containsExactly(FULL, NONE, 0);
        // A second ChangeCipherSpec (renegotiation) is no resumption of this session.
        assertThat(walk(CLIENT_HELLO, SERVER_HELLO_ECHO, CHANGE_CIPHER_SPEC, CHANGE_CIPHER_SPEC))
                .containsExactly(FULL, NONE, 0);
    }

    @Test
    void theClientsCertificateAndChangeCipherSpecChangeNothing() {
        for (int state = 0; state < STATES; state++) {
            for (int event : new int[] {CERTIFICATE, CHANGE_CIPHER_SPEC}) {
                int e = entry(state, event, false, false);
                assertThat(next(e)).isEqualTo(state);
                assertThat(action(e)).isEqualTo(NONE);
            }
        }
    }
}
