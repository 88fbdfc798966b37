package org.dissect4j.tls.dtls;

import org.dissect4j.api.ConversationData;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Registrar;
import org.dissect4j.tls.TlsHandshakeCode;

/**
 * DTLS state per UDP conversation, kept as the conversation's {@link ConversationData} (so it is bounded by UDP's
 * conversation table and dropped with it), and the global bound on the bytes held by handshake reassembly.
 */
final class DtlsAssociations {
    /** The longest handshake message reassembled ({@code -o dtls.handshake.max_message_bytes}, 1 MiB). */
    int maxMessage = 1 << 20;
    /** Bound on the bytes all associations' reassembly buffers hold ({@code -o dtls.handshake.max_reassembly_bytes}, 64 MiB). */
    long maxReassemblyBytes = 64L << 20;
    /** Bytes held now by all associations' reassembly buffers. */
    long reassemblyBytes;

    private final TlsHandshakeCode code;
    private ConversationData<DtlsAssociation> perConversation;
    /** For data without a conversation (no transport below): one scratch association, reset on every use. */
    private final DtlsAssociation stateless;

    DtlsAssociations(TlsHandshakeCode code) {
        this.code = code;
        this.stateless = new DtlsAssociation(code.newSession());
    }

    void declare(Registrar r) {
        perConversation = r.conversationData("dtls.association", () -> new DtlsAssociation(code.newSession()), this::forget);
    }

    /** The association of the packet's conversation, or a freshly reset scratch one when there is none. */
    DtlsAssociation get(Packet p) {
        DtlsAssociation a = perConversation == null || p.conversation() == null ? null : perConversation.getOrCreate(p);
        if (a == null) {
            code.reset(stateless.tls);
            for (DtlsMessages m : stateless.messages) {
                for (DtlsMessages.Slot s : m.slots) {
                    reassemblyBytes -= DtlsMessages.release(s);
                }
            }
            return stateless;
        }
        return a;
    }

    /** An association UDP forgot: its reassembly buffers no longer count against the bound. */
    private void forget(DtlsAssociation a) {
        for (DtlsMessages m : a.messages) {
            reassemblyBytes -= m.bytes();
        }
    }
}
