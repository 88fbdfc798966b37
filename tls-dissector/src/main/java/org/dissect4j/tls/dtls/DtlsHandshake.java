package org.dissect4j.tls.dtls;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.tls.FrameArena;
import org.dissect4j.tls.TlsNames;

/**
 * The DTLS handshake protocol, Wireshark 4.0's {@code dissect_dtls_handshake}: the messages of a handshake record, each
 * with the 12-byte header, fragments reassembled per direction and {@code message_seq} ({@link DtlsMessages}) and
 * dissected from a "Reassembled DTLS" data source once the fragment ending the message completes it, and the bodies
 * decoded by TLS's handshake code under the {@code dtls.*} fields ({@link DtlsFields#ALIASES}); HelloVerifyRequest and
 * the ClientHello's cookie are DTLS's own.
 *
 * <pre>
 * struct { HandshakeType msg_type; uint24 length; uint16 message_seq; uint24 fragment_offset; uint24 fragment_length;
 *          select (msg_type) { ... case hello_verify_request: HelloVerifyRequest; ... } body; } Handshake;
 * struct { ProtocolVersion server_version; opaque cookie&lt;0..2^8-1&gt;; } HelloVerifyRequest;   (RFC 6347 §4.2.1-2)
 * </pre>
 */
final class DtlsHandshake implements Dissector {
    static final int HEADER_LENGTH = 12;
    static final int HS_CLIENT_HELLO = 1, HS_SERVER_HELLO = 2, HS_HELLO_VERIFY_REQUEST = 3;

    private final DtlsDissector dtls;
    private final DissectorHandle reassembledHandle = new DissectorHandle("dtls.handshake.reassembled", null, this);

    /** Per-frame area for reassembled messages (a data source must stay valid for the whole frame). */
    private final FrameArena arena = new FrameArena();

    // The reassembled message handed to dissect() through Packet.callOnSource.
    private DtlsAssociation ctxAssociation;
    private boolean ctxFromServer;
    private int ctxType;

    DtlsHandshake(DtlsDissector dtls) {
        this.dtls = dtls;
    }

    /** The handshake record body {@code [at, end)}: its messages (or fragments), the first one possibly encrypted. */
    void records(Packet p, DtlsAssociation a, boolean fromServer, int recordNode, int at, int end) {
        Tree t = p.tree();
        boolean first = true;
        int fragmentLength;
        for (int off = at; off < end; off += HEADER_LENGTH + fragmentLength, first = false) {
            int type = p.u8(off);
            fragmentLength = p.u24(off + 9);
            // A message that would pass the record's end is taken for an encrypted one (its first byte a known type).
            String name = off + fragmentLength <= end ? TlsNames.HANDSHAKE_TYPES.name(type) : null;
            if (name == null) {
                t.add(DtlsFields.HANDSHAKE, off, end - off);
                if (first) {
                    DtlsDissector.info(p, "Encrypted Handshake Message");
                }
                return;
            }
            DtlsDissector.info(p, name);
            int node = t.open(DtlsFields.HANDSHAKE, off, HEADER_LENGTH + fragmentLength);
            DtlsMessages.Slot reassembled = null;
            int src = -1;
            try {
                int length = p.u24(off + 1);
                int messageSeq = p.u16(off + 4);
                int fragmentOffset = p.u24(off + 6);
                t.addUint(DtlsFields.HS_TYPE, off, 1, type);
                t.addUint(DtlsFields.HS_LENGTH, off + 1, 3, length);
                t.addUint(DtlsFields.MESSAGE_SEQ, off + 4, 2, messageSeq);
                t.addUint(DtlsFields.FRAGMENT_OFFSET, off + 6, 3, fragmentOffset);
                t.addUint(DtlsFields.FRAGMENT_LENGTH, off + 9, 3, fragmentLength);
                boolean fragmented = false;
                String fragmentText = "";
                if ((long) fragmentLength + fragmentOffset > length) {
                    if (fragmentOffset == 0) {
                        DtlsExpert.add(p, DtlsExpert.FRAGMENT_LENGTH_TOO_LONG, off + 9, 3);
                    } else {
                        fragmented = true;
                        DtlsExpert.add(p, DtlsExpert.FRAGMENT_PAST_END, off + 9, 3);
                    }
                } else if (fragmentOffset > 0 && fragmentLength == 0) {
                    DtlsExpert.add(p, DtlsExpert.FRAGMENT_LENGTH_ZERO, off + 9, 3);
                    continue;
                } else if (fragmentLength < length) {
                    fragmented = true;
                    p.require(off + HEADER_LENGTH, fragmentLength);
                    reassembled = fragment(p, a, fromServer, off, messageSeq, length, fragmentOffset, fragmentLength);
                    if (reassembled != null && fragmentOffset + fragmentLength == reassembled.length) {
                        src = source(p, reassembled);
                    }
                    if (TlsNames.HANDSHAKE_TYPES.name(type) != null) {
                        fragmentText = src >= 0 ? " (Reassembled)" : " (Fragment)";
                    }
                    if (p.columns()) {
                        p.info().append(fragmentText);
                    }
                }
                if (t.wantsLabels()) {
                    labels(p, a, recordNode, node, first ? name : "Multiple Handshake Messages", name, fragmentText);
                }
                if (fragmented && src < 0) {
                    continue;
                }
                if (src >= 0) {
                    ctxAssociation = a;
                    ctxFromServer = fromServer;
                    ctxType = type;
                    p.callOnSource(src, reassembledHandle, 0, length);
                } else {
                    body(p, a, fromServer, type, off, off + HEADER_LENGTH, length);
                }
            } finally {
                t.close();
            }
            if (src >= 0) {
                fragmentsTree(t, src, reassembled);
            }
        }
    }

    private final StringBuilder label = new StringBuilder();

    /** The record's and the message's lines ({@code proto_item_set_text} on both). */
    private void labels(Packet p, DtlsAssociation a, int recordNode, int node, String recordWhat, String name, String fragment) {
        label.setLength(0);
        label.append(recordWhat).append(fragment);
        dtls.label(p, recordNode, a, "Handshake Protocol: ", label);
        label.setLength(0);
        p.tree().setLabel(node, label.append("Handshake Protocol: ").append(name).append(fragment));
    }

    /** A reassembled message's body (current source: the "Reassembled DTLS" bytes). */
    @Override
    public int dissect(Packet p, int offset, int length) {
        body(p, ctxAssociation, ctxFromServer, ctxType, offset, offset, length);
        return length;
    }

    /** The body of a complete message by type, as Wireshark's DTLS switch (TLS 1.3-only messages show nothing). */
    private void body(Packet p, DtlsAssociation a, boolean fromServer, int type, int header, int body, int length) {
        switch (type) {
            case HS_HELLO_VERIFY_REQUEST -> helloVerifyRequest(p, body, body + length);
            case HS_SERVER_HELLO -> {
                dtls.trySetVersion(a, DtlsDissector.CT_HANDSHAKE, HS_SERVER_HELLO, p.u16(body));
                tls(p, a, fromServer, type, header, body, length);
                if (p.columns()) {
                    p.protocolColumn(DtlsDissector.shortName(org.dissect4j.tls.TlsHandshakeCode.version(a.tls)));
                }
            }
            // client_hello, certificate, server_key_exchange, certificate_request, server_hello_done,
            // certificate_verify, client_key_exchange, finished, new_session_ticket, hello_retry_request (draft),
            // certificate_status
            case 1, 4, 6, 11, 12, 13, 14, 15, 16, 20, 22 -> tls(p, a, fromServer, type, header, body, length);
            default -> {
                // hello_request, certificate URL, supplemental data, key_update, encrypted extensions, end of early
                // data, compressed certificate: Wireshark 4.0's DTLS shows nothing more.
            }
        }
    }

    /** TLS's code for the body, its fields recorded under their {@code dtls.*} twins. */
    private void tls(Packet p, DtlsAssociation a, boolean fromServer, int type, int header, int body, int length) {
        Tree t = p.tree();
        int[] before = t.alias(DtlsFields.ALIASES);
        try {
            dtls.code.body(p, a.tls, fromServer, type, header, body, length);
        } finally {
            t.alias(before);
        }
    }

    private static void helloVerifyRequest(Packet p, int at, int end) {
        p.tree().addUint(DtlsFields.HS_VERSION, at, 2, p.u16(at));
        DtlsDissector.HELLO_PARTS.cookie(p, at + 2, end);
    }

    // ---- reassembly ---------------------------------------------------------------------------------

    /**
     * Adds a fragment to its message ({@code fragment_add} with the total length of the first fragment seen); returns
     * the message's slot when the message is complete (also when it was complete before: a retransmitted fragment),
     * else null.
     */
    private DtlsMessages.Slot fragment(Packet p, DtlsAssociation a, boolean fromServer, int off, int messageSeq, int length,
            int fragmentOffset, int fragmentLength) {
        DtlsMessages m = a.messages[fromServer ? DtlsAssociation.SERVER : DtlsAssociation.CLIENT];
        DtlsMessages.Slot s = m.find(messageSeq);
        DtlsAssociations bounds = dtls.associations;
        if (s == null) {
            if (length > bounds.maxMessage || bounds.reassemblyBytes + length > bounds.maxReassemblyBytes) {
                DtlsExpert.add(p, DtlsExpert.REASSEMBLY_LIMIT, off + 1, 3);
                return null;
            }
            s = m.open(messageSeq, length, p.frame().number());
            long before = s.buf.length;
            DtlsMessages.grow(s);
            bounds.reassemblyBytes += s.buf.length - before;
        } else if (s.length != length) {
            DtlsExpert.add(p, DtlsExpert.LENGTH_DIFFERS, off + 1, 3);
        }
        if (s.complete()) {
            s.lastFrame = p.frame().number();
            return s;
        }
        int n = Math.min(fragmentLength, s.length - Math.min(fragmentOffset, s.length));
        if (n > 0 && !DtlsMessages.add(s, p, off + HEADER_LENGTH, fragmentOffset, n)) {
            bounds.reassemblyBytes -= DtlsMessages.release(s);
            DtlsExpert.add(p, DtlsExpert.REASSEMBLY_LIMIT, off + 9, 3);
            return null;
        }
        return s.complete() ? s : null;
    }

    /** Copies a complete message into this frame's arena and makes it the data source "Reassembled DTLS". */
    private int source(Packet p, DtlsMessages.Slot s) {
        return arena.source(p, s.buf, s.length, "Reassembled DTLS");
    }

    /** {@code process_reassembled_data}'s list: the fragments with their frames, their count and the length. */
    private void fragmentsTree(Tree t, int src, DtlsMessages.Slot s) {
        if (!t.wants(DtlsFields.FRAGMENTS) && !t.wants(DtlsFields.FRAGMENT) && !t.wants(DtlsFields.FRAGMENT_COUNT)
                && !t.wants(DtlsFields.REASSEMBLED_LENGTH)) {
            return;
        }
        int saved = t.currentSource();
        t.useSource(src);
        int n = Math.min(s.fragments, DtlsMessages.MAX_LISTED);
        int node = t.open(DtlsFields.FRAGMENTS, 0, s.length);
        t.setFlags(node, Tree.GENERATED);
        StringBuilder sb = label;
        if (t.wantsLabels()) {
            sb.setLength(0);
            sb.append(s.fragments).append(" Message fragments (").append(s.length).append(" bytes): ");
            for (int i = 0; i < n; i++) {
                sb.append(i == 0 ? "#" : ", #").append(s.fragmentFrame[i]).append('(').append(s.fragmentLength[i]).append(')');
            }
            t.setLabel(node, sb);
        }
        for (int i = 0; i < n; i++) {
            int f = t.addLong(DtlsFields.FRAGMENT, s.fragmentOffset[i], s.fragmentLength[i], s.fragmentFrame[i]);
            t.setFlags(f, Tree.GENERATED);
            if (t.wantsLabels()) {
                sb.setLength(0);
                int from = s.fragmentOffset[i];
                sb.append("Frame: ").append(s.fragmentFrame[i]).append(", payload: ").append(from).append('-')
                        .append(from + s.fragmentLength[i] - 1).append(" (").append(s.fragmentLength[i]).append(" bytes)");
                t.setLabel(f, sb);
            }
        }
        t.addGenerated(DtlsFields.FRAGMENT_COUNT, s.fragments);
        t.addGenerated(DtlsFields.REASSEMBLED_LENGTH, s.length);
        t.close();
        t.useSource(saved);
    }
}
