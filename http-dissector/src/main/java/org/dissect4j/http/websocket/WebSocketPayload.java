package org.dissect4j.http.websocket;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * A frame's payload as Wireshark 4.0 shows it: the {@code Payload} item (after unmasking) with the opcode's field
 * under it (text, close code and reason, ping, pong, unknown), and, once the frame's tree is closed, what comes
 * after it: a fragment's {@code Continue} bytes, the reassembled message's fragments, and the hand-off of text to
 * {@code data-text-lines} and of binary data to {@code data}. One instance per dissector, reused frame after frame.
 */
final class WebSocketPayload {
    private static final int CLOSE_CODE_LENGTH = 2;

    private final WebSocketMessages messages;
    private final StringBuilder scratch = new StringBuilder(128);
    private DissectorHandle textLines;
    private DissectorHandle data;

    // what handOff does for the frame just dissected
    private DissectorHandle next;
    private int nextSource, nextOffset, nextLength;
    private int continueSource = -1, continueOffset, continueLength;
    private WebSocketMessages.Message completed;

    WebSocketPayload(WebSocketMessages messages) {
        this.messages = messages;
    }

    void wire(DissectorHandle textLines, DissectorHandle data) {
        this.textLines = textLines;
        this.data = data;
    }

    /** The payload's items, inside the frame's tree; {@code n} bytes at {@code at} of data source {@code src}. */
    void dissect(Packet p, Tree t, int opcode, boolean fin, int src, int at, int n) {
        next = null;
        continueSource = -1;
        completed = null;
        int messageOpcode = opcode;
        int msgSource = src, msgAt = at, msgLength = n;
        if (opcode == WebSocketFields.CONTINUATION || !fin && opcode < WebSocketFields.CLOSE) {
            WebSocketMessages.Message m = p.visited() ? null : messages.message(p);
            messageOpcode = fragment(p, m, opcode, fin, src, at, n);
            if (completed != null) {
                msgSource = t.addSource(completed.segment, 0, completed.length, "Reassembled Message");
                msgAt = 0;
                msgLength = completed.length;
            }
        }
        if (n <= 0 && completed == null) {
            return;
        }
        int saved = t.currentSource();
        t.useSource(msgSource);
        t.open(WebSocketFields.PAYLOAD, msgAt, msgLength);
        switch (messageOpcode) {
            case WebSocketFields.TEXT -> {
                t.add(WebSocketFields.TEXT_PAYLOAD, msgAt, msgLength);
                next = textLines;
            }
            case WebSocketFields.BINARY -> next = data;
            case WebSocketFields.CLOSE -> close(p, t, msgSource, msgAt, msgLength);
            case WebSocketFields.PING -> t.add(WebSocketFields.PING_PAYLOAD, msgAt, msgLength);
            case WebSocketFields.PONG -> t.add(WebSocketFields.PONG_PAYLOAD, msgAt, msgLength);
            case -1 -> {
                // a fragment of a message not complete yet: its bytes are shown after the frame's tree
            }
            default -> unknown(t, opcode, msgAt, msgLength);
        }
        t.close();
        t.useSource(saved);
        nextSource = msgSource;
        nextOffset = msgAt;
        nextLength = msgLength;
    }

    /**
     * Adds a fragment to its direction's message; returns the opcode whose payload is shown now: the message's when
     * this frame completed it ({@link #completed} set), -1 while it is incomplete.
     */
    private int fragment(Packet p, WebSocketMessages.Message m, int opcode, boolean fin, int src, int at, int n) {
        MemorySegment seg = p.tree().segment(src);
        long base = p.tree().base(src);
        if (opcode != WebSocketFields.CONTINUATION) {
            if (m != null) {
                m.start(opcode);
                m.add(p, seg, base + at, n);
            }
            return -1;
        }
        if (m == null || m.opcode < 0 || !m.add(p, seg, base + at, n)) {
            if (n > 0) {
                continueAfter(src, at, n);
            }
            return -1;
        }
        if (!fin) {
            if (n > 0) {
                continueAfter(src, at, n);
            }
            return -1;
        }
        completed = m;
        int op = m.opcode;
        m.opcode = -1;
        return op;
    }

    private void continueAfter(int src, int at, int n) {
        continueSource = src;
        continueOffset = at;
        continueLength = n;
    }

    /** {@code Close}: the status code and the reason, when the payload has them (RFC 6455 section 5.5.1). */
    private static void close(Packet p, Tree t, int src, int at, int n) {
        t.open(WebSocketFields.CLOSE_PAYLOAD, at, n);
        if (n >= CLOSE_CODE_LENGTH) {
            MemorySegment seg = t.segment(src);
            int code = org.dissect4j.api.Bytes.u16(seg, t.base(src) + at);
            t.addUint(WebSocketFields.CLOSE_STATUS, at, CLOSE_CODE_LENGTH, code);
            if (n > CLOSE_CODE_LENGTH) {
                t.add(WebSocketFields.CLOSE_REASON, at + CLOSE_CODE_LENGTH, n - CLOSE_CODE_LENGTH);
            }
        }
        t.close();
    }

    private void unknown(Tree t, int opcode, int at, int n) {
        int node = t.add(WebSocketFields.UNKNOWN_PAYLOAD, at, n);
        if (t.wantsExpertMessages()) {
            scratch.setLength(0);
            scratch.append("Dissector for Websocket Opcode (").append(opcode)
                    .append(") code not implemented, Contact Wireshark developers if you want this supported");
            t.expertOn(node, WebSocketFields.UNKNOWN_OPCODE, at, n, scratch);
        } else {
            t.expertOn(node, WebSocketFields.UNKNOWN_OPCODE, at, n, null);
        }
    }

    /** After the frame's tree: a fragment's bytes, the reassembled message's fragments, the payload's hand-off. */
    void handOff(Packet p, Tree t) {
        if (continueSource >= 0) {
            int saved = t.currentSource();
            t.useSource(continueSource);
            t.add(WebSocketFields.CONTINUE, continueOffset, continueLength);
            t.useSource(saved);
        }
        if (completed != null) {
            fragments(t, completed, nextSource);
        }
        if (next != null && nextLength > 0) {
            p.callPayload(nextSource, next, nextOffset, nextLength);
        }
    }

    /** {@code [3 Reassembled websocket Fragments (11 bytes): #9(3), #10(3), #11(5)]} and the items under it. */
    private static void fragments(Tree t, WebSocketMessages.Message m, int src) {
        if (!t.wants(WebSocketFields.FRAGMENTS) && !t.wants(WebSocketFields.FRAGMENT)
                && !t.wants(WebSocketFields.FRAGMENT_COUNT) && !t.wants(WebSocketFields.REASSEMBLED_LENGTH)) {
            return;
        }
        int saved = t.currentSource();
        t.useSource(src);
        int node = t.open(WebSocketFields.FRAGMENTS, 0, m.length);
        t.setFlags(node, Tree.GENERATED);
        int off = 0;
        for (int i = 0; i < m.count; i++) {
            t.setFlags(t.addLong(WebSocketFields.FRAGMENT, off, m.lengths[i], m.frames[i]), Tree.GENERATED);
            off += m.lengths[i];
        }
        t.setFlags(t.addUint(WebSocketFields.FRAGMENT_COUNT, 0, 0, m.count), Tree.GENERATED);
        t.setFlags(t.addUint(WebSocketFields.REASSEMBLED_LENGTH, 0, 0, m.length), Tree.GENERATED);
        t.close();
        t.useSource(saved);
    }
}
