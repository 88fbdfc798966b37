package org.dissect4j.tls.dtls;

import org.dissect4j.tls.TlsSession;

/**
 * The DTLS state of one UDP conversation (Wireshark's DTLS {@code SslSession} on the conversation): TLS's handshake
 * state (version, server side, what the hellos said) and each direction's messages in reassembly. Made on the
 * first DTLS datagram of a conversation, dropped with it; nothing here is allocated per packet.
 */
final class DtlsAssociation {
    static final int CLIENT = 0, SERVER = 1;

    final TlsSession tls;
    final DtlsMessages[] messages = {new DtlsMessages(), new DtlsMessages()};

    DtlsAssociation(TlsSession tls) {
        this.tls = tls;
    }
}
