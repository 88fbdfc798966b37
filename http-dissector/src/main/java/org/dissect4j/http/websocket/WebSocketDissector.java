package org.dissect4j.http.websocket;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Packet;
import org.dissect4j.api.PacketBoundsException;
import org.dissect4j.api.StreamPdus;
import org.dissect4j.api.Tree;

/**
 * WebSocket frames (RFC 6455 section 5.2) on the byte stream an HTTP Upgrade handed over, as Wireshark 4.0's
 * {@code websocket}: one PDU per frame through {@link StreamPdus} (a frame over several segments is reassembled,
 * several frames in a segment are each dissected), masked payloads unmasked into a data source "Unmasked data",
 * fragmented messages put together ({@link WebSocketMessages}), text to {@code data-text-lines}, binary to
 * {@code data}.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-------+-+-------------+-------------------------------+
 * |F|R|R|R| opcode|M| Payload len |    Extended payload length    |
 * |I|S|S|S|  (4)  |A|     (7)     |             (16/64)           |
 * |N|V|V|V|       |S|             |   (if payload len==126/127)   |
 * | |1|2|3|       |K|             |                               |
 * +-+-+-+-+-------+-+-------------+ - - - - - - - - - - - - - - - +
 * |     Extended payload length continued, if payload len == 127  |
 * + - - - - - - - - - - - - - - - +-------------------------------+
 * |                               |Masking-key, if MASK set to 1  |
 * +-------------------------------+-------------------------------+
 * | Masking-key (continued)       |          Payload Data         |
 * +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Hostile lengths: a frame's length is the header plus the payload length taken modulo 2^32, as Wireshark's
 * {@code tcp_dissect_pdus} takes it (a 64-bit length of 2^63 gives a PDU shorter than its own header, which is then
 * malformed); what is asked of TCP is bounded by TCP's reassembly budget. Nothing is allocated per frame: the
 * unmasking buffer grows to the largest masked payload seen.
 */
public final class WebSocketDissector implements Dissector, StreamPdus.Framing {
    /** The two bytes every frame starts with. */
    static final int FIXED_LENGTH = 2;
    private static final int MASK_KEY_LENGTH = 4;

    private final StreamPdus pdus = new StreamPdus(FIXED_LENGTH, this);
    private final WebSocketMessages messages = new WebSocketMessages();
    private final WebSocketPayload payload = new WebSocketPayload(messages);
    private byte[] unmasked = new byte[256];
    private MemorySegment unmaskedSegment = MemorySegment.ofArray(unmasked);

    WebSocketMessages messages() {
        return messages;
    }

    void wire(DissectorHandle textLines, DissectorHandle data) {
        payload.wire(textLines, data);
    }

    @Override
    public int dissect(Packet p, int offset, int length) {
        p.keepCarrierColumn();      // named by the first frame whose header could be read (dissectPdu)
        return pdus.dissect(p, offset, length);
    }

    @Override
    public int pduLength(Packet p, int offset, int available) {
        int b1 = p.u8(offset + 1);
        int header = headerLength(b1);
        if (available < header) {
            return header;      // the length is not all there: at least the header
        }
        int len7 = b1 & 0x7f;
        long payload = len7 < 126 ? len7 : len7 == 126 ? p.u16(offset + 2) : p.u64(offset + 2);
        long total = (header + payload) & 0xffffffffL;     // Wireshark's guint PDU length
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    /** The header's length: 2, the extended length's 2 or 8 bytes, and 4 for a masking key. */
    static int headerLength(int b1) {
        int len7 = b1 & 0x7f;
        return FIXED_LENGTH + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + ((b1 & 0x80) != 0 ? MASK_KEY_LENGTH : 0);
    }

    @Override
    public int dissectPdu(Packet p, int offset, int reportedLength, int capturedLength) {
        int b0 = p.u8(offset);
        int b1 = p.u8(offset + 1);
        int len7 = b1 & 0x7f;
        // the length is read before anything is shown, as Wireshark does: a frame too short for it shows nothing
        if (len7 == 126) {
            p.u16(offset + 2);
        } else if (len7 == 127) {
            p.u64(offset + 2);
        }
        p.protocolColumn(WebSocketFields.WEBSOCKET.shortName());
        if (p.columns()) {
            info(p, b0 & 0x0f, (b0 & 0x80) != 0, (b1 & 0x80) != 0);
        }
        Tree t = p.tree();
        int depth = t.depth();
        try {
            frame(p, t, offset, reportedLength, capturedLength, b0, b1);
        } catch (PacketBoundsException e) {
            // Wireshark shows the exception beside the frame's tree, not in it: close what this frame opened
            t.unwindTo(depth);
            throw e;
        }
        return reportedLength;
    }

    /** The frame's tree, its payload and the hand-off; {@code b0}, {@code b1} its first two bytes. */
    private void frame(Packet p, Tree t, int offset, int reportedLength, int capturedLength, int b0, int b1) {
        int len7 = b1 & 0x7f;
        boolean fin = (b0 & 0x80) != 0;
        boolean masked = (b1 & 0x80) != 0;
        int opcode = b0 & 0x0f;
        t.open(WebSocketFields.WEBSOCKET.field(), offset, Math.min(reportedLength, capturedLength));
        t.addUint(WebSocketFields.FIN, offset, 1, b0);
        t.addUint(WebSocketFields.RSV, offset, 1, b0);
        t.addUint(WebSocketFields.OPCODE, offset, 1, b0);
        t.addUint(WebSocketFields.MASK, offset + 1, 1, b1);
        t.addUint(WebSocketFields.PAYLOAD_LENGTH, offset + 1, 1, b1);
        int at = offset + 2;
        if (len7 == 126) {
            p.item(WebSocketFields.PAYLOAD_LENGTH_16, at);
            at += 2;
        } else if (len7 == 127) {
            p.item(WebSocketFields.PAYLOAD_LENGTH_64, at);
            at += 8;
        }
        int keyAt = at;
        if (masked) {
            p.require(at, MASK_KEY_LENGTH);
            t.add(WebSocketFields.MASKING_KEY, at, MASK_KEY_LENGTH);
            at += MASK_KEY_LENGTH;
        }
        int payloadLength = offset + reportedLength - at;
        int captured = Math.max(0, Math.min(payloadLength, offset + capturedLength - at));
        int src = p.source();
        int payloadAt = at;
        if (masked && captured > 0) {
            t.add(WebSocketFields.MASKED_PAYLOAD, at, payloadLength);
            src = unmask(p, keyAt, at, captured);
            payloadAt = 0;
        }
        payload.dissect(p, t, opcode, fin, src, payloadAt, captured);
        t.close();
        payload.handOff(p, t);
    }

    /** {@code WebSocket Text [FIN] [MASKED]}: the last frame of the data names the packet, as in Wireshark. */
    private static void info(Packet p, int opcode, boolean fin, boolean masked) {
        StringBuilder info = p.clearInfo().append("WebSocket ");
        info.append(WebSocketFields.OPCODES.name(opcode, "Unknown Opcode")).append(fin ? " [FIN] " : "[FRAGMENT]  ");
        if (masked) {
            info.append("[MASKED]");
        }
    }

    /** Unmasks the captured payload into the reused buffer and adds it as the data source "Unmasked data". */
    private int unmask(Packet p, int keyAt, int at, int n) {
        if (unmasked.length < n) {
            unmasked = new byte[Math.max(n, unmasked.length * 2)];
            unmaskedSegment = MemorySegment.ofArray(unmasked);
        }
        MemorySegment seg = p.segment();
        long base = p.base();
        p.require(at, n);       // checked once: the reads below stay within it
        for (int i = 0; i < n; i++) {
            unmasked[i] = (byte) (Bytes.u8(seg, base + at + i) ^ Bytes.u8(seg, base + keyAt + (i & 3)));
        }
        return p.tree().addSource(unmaskedSegment, 0, n, "Unmasked data");
    }

}
