package org.dissect4j.tls;

import static org.dissect4j.tls.TlsVectors.bytes;
import static org.dissect4j.tls.TlsVectors.endVector;
import static org.dissect4j.tls.TlsVectors.vector;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * ClientHello (and the SSL 2.0-compatible form), ServerHello (and HelloRetryRequest) and NewSessionTicket, with
 * JA3/JA3S/JA4 collected during the walk, and what each hello means for session resumption.
 */
final class TlsHelloMessages {
    private final TlsFingerprint fp;
    private final TlsExtensions extensions;
    final TlsResumption resumption = new TlsResumption();

    // The ServerHello being dissected.
    private int serverSessionIdAt;
    private int serverSessionIdLength;

    TlsHelloMessages(TlsFingerprint fp, TlsExtensions extensions) {
        this.fp = fp;
        this.extensions = extensions;
    }

    /** Random and session ID (ssl_dissect_hnd_hello_common); returns the offset after them. */
    private int helloCommon(Packet p, TlsSession s, int at, boolean fromServer, boolean hrr) {
        Tree t = p.tree();
        p.require(at, 32);
        if (!hrr && s.version != TlsWire.TLS13) {
            t.open(TlsFields.HS_RANDOM, at, 32);
            t.addLong(TlsFields.HS_RANDOM_TIME, at, 4, p.u32(at) * 1_000_000_000L);
            t.add(TlsFields.HS_RANDOM_BYTES, at + 4, 28);
            t.close();
        } else {
            int random = t.add(TlsFields.HS_RANDOM, at, 32);
            if (hrr) {
                t.appendLabel(random, " (HelloRetryRequest magic)");
            }
        }
        at += 32;
        int sidLength = p.u8(at);
        t.addUint(TlsFields.HS_SESSION_ID_LEN, at, 1, sidLength);
        at++;
        if (sidLength > 0) {
            p.require(at, sidLength);
            t.add(TlsFields.HS_SESSION_ID, at, sidLength);
        }
        return at + sidLength;
    }

    void clientHello(Packet p, TlsSession s, boolean fromServer, int at, int end) {
        Tree t = p.tree();
        boolean wantJa3 = t.wants(TlsFields.JA3) || t.wants(TlsFields.JA3_FULL);
        // Wireshark 4.2 fields: tshark 4.0 trees do not show them, so only when named
        boolean wantJa4 = t.wantsByName(TlsFields.JA4) || t.wantsByName(TlsFields.JA4_R);
        if (!p.visited()) {
            s.setServer(p);
            s.resetOffers();
        }
        TlsHandshakeStates.step(p, s, TlsHandshakeStates.CLIENT_HELLO, fromServer, at);
        int version = p.u16(at);
        t.addUint(TlsFields.HS_VERSION, at, 2, version);
        fp.reset(version);
        extensions.collect = wantJa3 || wantJa4;
        extensions.helloHasTls13 = false;
        extensions.helloOffersEarlyData = false;
        int sidAt = at + 2 + 32 + 1;
        at = helloCommon(p, s, at + 2, false, false);
        int sidLength = at - sidAt;
        if (s.datagram != null) {
            // DTLS: the cookie follows the session ID (RFC 6347 §4.2.1)
            at = s.datagram.cookie(p, at, end);
        }
        if (!p.visited() && sidLength > 0 && sidLength <= 32) {
            MemorySegment.copy(p.segment(), Bytes.U8, p.base() + sidAt, s.offeredSessionId, 0, sidLength);
            s.offeredSessionIdLength = sidLength;
        }
        at = suitesAndCompression(p, at, end);
        if (at < 0) {
            return;
        }
        boolean withExtensions = at < end;
        int extensionsAt = at;
        if (withExtensions) {
            extensions.extensions(p, s, at, end, TlsWire.HS_CLIENT_HELLO, true);
        }
        if (!p.visited()) {
            clientHelloOffers(p, s);
            if (extensions.helloHasTls13 && extensions.helloOffersEarlyData && s.datagram == null) {
                // early data follows before any ServerHello: tshark 4.0.17 shows it, and the ServerHello's record, as
                // TLS 1.3 (Zeek's tls-13draft19-early-data.pcap: "Opaque Type", TLSv1.3)
                s.version = TlsWire.TLS13;
            }
        }
        if (wantJa3) {
            CharSequence full = fp.ja3(withExtensions);
            generatedAt(t, t.addString(TlsFields.JA3_FULL, full), extensionsAt);
            generatedAt(t, t.addString(TlsFields.JA3, fp.md5(full)), extensionsAt);
        }
        if (wantJa4) {
            ja4(t);
        }
    }

    /** The ClientHello's cipher suites and compression methods; the offset after them, or -1 when a vector does not fit. */
    private int suitesAndCompression(Packet p, int at, int end) {
        Tree t = p.tree();
        int csLength = vector(p, at, end, TlsFields.HS_CIPHER_SUITES_LEN, 2, 2, 0xffff);
        if (csLength < 0) {
            return -1;
        }
        at += 2;
        int next = at + csLength;
        t.open(TlsFields.HS_CIPHER_SUITES, at, csLength);
        boolean collect = extensions.collect;
        if (!collect && !t.wants(TlsFields.HS_CIPHER_SUITE) && TlsExtensions.skippable(p, at, next, 2)) {
            at = TlsExtensions.elementsEnd(at, next, 2);
        }
        while (at + 2 <= next) {
            int c = p.u16(at);
            t.addUint(TlsFields.HS_CIPHER_SUITE, at, 2, c);
            if (collect) {
                fp.cipher(c);
            }
            at += 2;
        }
        t.close();
        if (!endVector(p, at, next)) {
            at = next;
        }
        int cmLength = vector(p, at, end, TlsFields.HS_COMP_METHODS_LEN, 1, 1, 0xff);
        if (cmLength < 0) {
            return -1;
        }
        at++;
        next = at + cmLength;
        t.open(TlsFields.HS_COMP_METHODS, at, cmLength);
        while (at < next) {
            t.addUint(TlsFields.HS_COMP_METHOD, at, 1, p.u8(at));
            at++;
        }
        t.close();
        return at;
    }

    /** A fingerprint as tshark adds it: generated, placed (with no bytes) where the extensions start. */
    private static void generatedAt(Tree t, int node, int at) {
        t.setFlags(node, Tree.GENERATED);
        t.showAt(node, at, 0);
    }

    /** JA4 and JA4_r, each only when wanted, as ASCII bytes copied into the tree. */
    private void ja4(Tree t) {
        if (t.wantsByName(TlsFields.JA4)) {
            AsciiText ja4 = fp.ja4(false);
            t.addBytes(TlsFields.JA4, ja4.segment(), 0, ja4.length());
        }
        if (t.wantsByName(TlsFields.JA4_R)) {
            AsciiText ja4r = fp.ja4(true);
            t.addBytes(TlsFields.JA4_R, ja4r.segment(), 0, ja4r.length());
        }
    }

    /** The SSL 2.0-compatible ClientHello (RFC 5246 Appendix E.2); {@code at} is past the message type. */
    void ssl2ClientHello(Packet p, TlsSession s, int at, int end) {
        Tree t = p.tree();
        int version = p.u16(at);
        if (!TlsDissector.validSslVersion(version)) {
            return;
        }
        if (!p.visited()) {
            s.setServer(p);
        }
        t.addUint(TlsFields.HS_VERSION, at, 2, version);
        at += 2;
        int specLength = p.u16(at);
        t.addUint(TlsFields.SSL2_CIPHER_SPEC_LEN, at, 2, specLength);
        at += 2;
        int sidLength = p.u16(at);
        t.addUint(TlsFields.SSL2_SESSION_ID_LEN, at, 2, sidLength);
        if (sidLength > 16) {
            TlsExpert.add(p, TlsExpert.VECTOR_LENGTH, at, 2);
            return;
        }
        at += 2;
        int challengeLength = p.u16(at);
        t.addUint(TlsFields.SSL2_CHALLENGE_LEN, at, 2, challengeLength);
        at += 2;
        Ssl2Messages.cipherSpecs(p, t, at, specLength);
        at += specLength;
        if (sidLength > 0) {
            bytes(p, TlsFields.HS_SESSION_ID, at, sidLength);
            at += sidLength;
        }
        if (challengeLength > 0) {
            p.require(at, challengeLength);
            t.add(TlsFields.SSL2_CHALLENGE, at, challengeLength);
        }
    }

    void serverHello(Packet p, TlsSession s, boolean fromServer, int at, int end, boolean hrr) {
        Tree t = p.tree();
        boolean wantJa3s = t.wants(TlsFields.JA3S) || t.wants(TlsFields.JA3S_FULL);
        int version = p.u16(at);
        t.addUint(TlsFields.HS_VERSION, at, 2, version);
        fp.reset(version);
        extensions.collect = wantJa3s;
        int sidAt = at + 2 + 32 + 1;
        int draft = TlsWire.tls13Draft(version);
        boolean noSessionId = s.version == TlsWire.TLS13 && draft > 0 && draft < 22;
        if (noSessionId) {
            p.require(at + 2, 32);
            t.add(TlsFields.HS_RANDOM, at + 2, 32);
            at += 34;
            sidAt = at;
        } else {
            at = helloCommon(p, s, at + 2, true, hrr);
        }
        serverSessionIdAt = sidAt;
        serverSessionIdLength = at - sidAt;
        int cipher = p.u16(at);
        t.addUint(TlsFields.HS_CIPHER_SUITE, at, 2, cipher);
        at += 2;
        if (!(s.version == TlsWire.TLS13 && draft > 0 && draft < 22)) {
            t.addUint(TlsFields.HS_COMP_METHOD, at, 1, p.u8(at));
            at++;
        }
        if (!p.visited()) {
            s.cipher = cipher;
            s.alpnApp = 0;
        }
        extensions.serverSelectedPsk = false;
        extensions.serverSelectedVersion = 0;
        boolean withExtensions = at < end;
        int extensionsAt = at;
        if (withExtensions) {
            extensions.extensions(p, s, at, end, hrr ? TlsWire.HS_HELLO_RETRY_REQUEST : TlsWire.HS_SERVER_HELLO, true);
        }
        if (wantJa3s) {
            CharSequence full = fp.ja3s(cipher, withExtensions);
            generatedAt(t, t.addString(TlsFields.JA3S_FULL, full), extensionsAt);
            generatedAt(t, t.addString(TlsFields.JA3S, fp.md5(full)), extensionsAt);
        }
        if (!hrr) {
            TlsHandshakeStates.step(p, s, serverHelloEvent(p, s), fromServer, serverSessionIdAt);
        }
    }

    void newSessionTicket(Packet p, TlsSession s, boolean fromServer, int at, int end) {
        Tree t = p.tree();
        boolean tls13 = s.version == TlsWire.TLS13;
        t.addUint(TlsFields.SESSION_TICKET_LIFETIME, at, 4, p.u32(at));
        at += 4;
        if (tls13) {
            t.addUint(TlsFields.SESSION_TICKET_AGE_ADD, at, 4, p.u32(at));
            at += 4;
            int nonce = vector(p, at, end, TlsFields.SESSION_TICKET_NONCE_LEN, 1, 0, 0xff);
            if (nonce < 0) {
                return;
            }
            at++;
            bytes(p, TlsFields.SESSION_TICKET_NONCE, at, nonce);
            at += nonce;
        }
        int ticket = vector(p, at, end, TlsFields.SESSION_TICKET_LEN, 2, tls13 ? 1 : 0, 0xffff);
        if (ticket < 0) {
            return;
        }
        at += 2;
        bytes(p, TlsFields.SESSION_TICKET, at, ticket);
        if (!tls13 && ticket > 0 && !p.visited() && s.keys != null && extensions.decryption != null) {
            extensions.decryption.ticketIssued(s, TlsResumption.hash(p.segment(), p.base() + at, ticket));
        }
        if (!tls13 && ticket > 0 && !p.visited() && s.serverKnown) {
            resumption.remember(TlsResumption.endpoint(s), TlsResumption.KIND_TICKET,
                    TlsResumption.hash(p.segment(), p.base() + at, ticket), p.frame().number());
        }
        // A NewSessionTicket right after the ServerHello: the server accepted the offered ticket.
        TlsHandshakeStates.step(p, s, TlsHandshakeStates.NEW_SESSION_TICKET, fromServer, at);
        at += ticket;
        if (tls13) {
            extensions.extensions(p, s, at, end, TlsWire.HS_NEW_SESSION_TICKET, false);
        }
    }

    // ---- session resumption ---------------------------------------------------------------------------

    /** After the ClientHello: what it offers (a session ID counts when it was issued before or the client is TLS 1.2-only). */
    private void clientHelloOffers(Packet p, TlsSession s) {
        Tree t = p.tree();
        long ep = TlsResumption.endpoint(s);
        long origin = 0;
        if (s.offeredSessionIdLength > 0) {
            origin = resumption.find(ep, TlsResumption.KIND_SESSION_ID,
                    TlsResumption.hash(s.offeredSessionId, s.offeredSessionIdLength));
            if (origin != 0 || !extensions.helloHasTls13) {
                s.offered |= TlsFields.OFFER_SESSION_ID;
            }
        }
        if ((s.offered & TlsFields.OFFER_TICKET) != 0) {
            long o = resumption.find(ep, TlsResumption.KIND_TICKET, s.offeredTicketHash);
            if (o != 0) {
                origin = o;
            }
        }
        s.offeredOriginFrame = origin;
        if (s.offered != 0 && t.wantsByName(TlsFields.RESUMPTION_OFFERED)) {
            t.addGenerated(TlsFields.RESUMPTION_OFFERED, s.offered);
        }
    }

    /**
     * The ServerHello as an event of {@link TlsHandshakeStates}: TLS 1.3 decides here; TLS 1.2 and earlier by whether
     * the offered session ID is echoed (a new one is remembered for later connections) and what was offered.
     */
    private int serverHelloEvent(Packet p, TlsSession s) {
        if (extensions.serverSelectedVersion == TlsWire.TLS13 || s.version == TlsWire.TLS13) {
            if (extensions.serverSelectedPsk) {
                return TlsHandshakeStates.SERVER_HELLO_PSK;
            }
            return (s.offered & TlsFields.OFFER_PSK) != 0 ? TlsHandshakeStates.SERVER_HELLO_PSK_REFUSED
                    : TlsHandshakeStates.SERVER_HELLO_13;
        }
        boolean echoed = false;
        if (serverSessionIdLength > 0 && serverSessionIdLength <= 32) {
            if (serverSessionIdLength == s.offeredSessionIdLength) {
                echoed = true;
                for (int i = 0; i < serverSessionIdLength; i++) {
                    if ((byte) p.u8(serverSessionIdAt + i) != s.offeredSessionId[i]) {
                        echoed = false;
                        break;
                    }
                }
            }
            if (!echoed && s.serverKnown && !p.visited()) {
                resumption.remember(TlsResumption.endpoint(s), TlsResumption.KIND_SESSION_ID,
                        TlsResumption.hash(p.segment(), p.base() + serverSessionIdAt, serverSessionIdLength),
                        p.frame().number());
            }
        }
        boolean ticket = (s.offered & TlsFields.OFFER_TICKET) != 0;
        if (echoed) {
            return ticket ? TlsHandshakeStates.SERVER_HELLO_ECHO_TICKET : TlsHandshakeStates.SERVER_HELLO_ECHO;
        }
        if (ticket) {
            // A ticket may be accepted without echoing the ID: wait for NewSessionTicket/CCS or Certificate/ServerHelloDone.
            return TlsHandshakeStates.SERVER_HELLO_NEW_TICKET_OFFERED;
        }
        return (s.offered & TlsFields.OFFER_SESSION_ID) != 0 ? TlsHandshakeStates.SERVER_HELLO_NEW_ID_OFFERED
                : TlsHandshakeStates.SERVER_HELLO_NEW;
    }
}
