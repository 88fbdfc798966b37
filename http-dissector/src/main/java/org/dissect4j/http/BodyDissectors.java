package org.dissect4j.http;

import org.dissect4j.api.AsciiScan;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The small body dissectors of Wireshark 4.0 that HTTP hands media types to, as far as their protocol, label, Info
 * text and top-level items (checked against tshark 4.0.17 with a response of each type, {@code BodyDissectorsTest}):
 * <ul>
 * <li>{@code xml}: the protocol item; the Protocol column {@code HTTP/XML}. Elements are not walked.</li>
 * <li>{@code png}: {@code png.signature} and each chunk's length, type and CRC; Info {@code " (PNG)"}.</li>
 * <li>{@code message-http}: the body's lines, as the text dissector shows them; Info {@code " (message/http)"}.</li>
 * </ul>
 */
final class BodyDissectors {
    private static final int PNG_SIGNATURE_LENGTH = 8;

    private final MediaTypeName type;
    private final StringBuilder text = new StringBuilder(96);

    BodyDissectors(MediaTypeName type) {
        this.type = type;
    }

    /** {@code xml}. */
    int xml(Packet p, int offset, int length) {
        int n = Math.min(length, p.captured(offset));
        if (n <= 0) {
            return 0;
        }
        Tree t = p.tree();
        t.open(BodyProtocols.XML.field(), offset, n);
        t.close();
        return n;
    }

    /** {@code png}: the signature, then chunks of length, type, data and CRC (ISO/IEC 15948 §5.3). */
    int png(Packet p, int offset, int length) {
        int end = offset + Math.min(length, p.captured(offset));
        if (end - offset < PNG_SIGNATURE_LENGTH || p.u32(offset) != 0x89504e47L || p.u32(offset + 4) != 0x0d0a1a0aL) {
            return 0;
        }
        Tree t = p.tree();
        t.open(BodyProtocols.PNG.field(), offset, end - offset);
        t.add(BodyProtocols.PNG_SIGNATURE, offset, PNG_SIGNATURE_LENGTH);
        for (int at = offset + PNG_SIGNATURE_LENGTH; at + 12 <= end; ) {
            long len = p.u32(at);
            long chunkEnd = at + 12L + len;
            int item = t.open(BodyProtocols.PNG_CHUNK, at, (int) Math.min(chunkEnd, end) - at);
            t.addUint(BodyProtocols.PNG_CHUNK_LEN, at, 4, len);
            t.add(BodyProtocols.PNG_CHUNK_TYPE, at + 4, 4);
            if (chunkEnd <= end) {
                t.addUint(BodyProtocols.PNG_CHUNK_CRC, (int) chunkEnd - 4, 4, p.u32((int) chunkEnd - 4));
            }
            t.close();
            if (item >= 0 && t.wantsLabels()) {
                text.setLength(0);
                HttpHeaders.appendText(p, at + 4, at + 8, text.append("Chunk: "));
                t.setLabel(item, text);
            }
            if (chunkEnd > end) {
                break;
            }
            at = (int) chunkEnd;
        }
        t.close();
        if (p.columns()) {
            StringBuilder info = p.info();
            info.append(info.isEmpty() ? "(PNG)" : " (PNG)");
        }
        return end - offset;
    }

    /** {@code message-http}: the lines of the body. */
    int messageHttp(Packet p, int offset, int length) {
        int end = offset + Math.min(length, p.captured(offset));
        if (end <= offset) {
            return 0;
        }
        Tree t = p.tree();
        t.open(BodyProtocols.MESSAGE_HTTP.field(), offset, end - offset);
        boolean walk = t.wants(HttpFields.LINE) || t.wantsLabels();
        for (int at = offset; walk && at < end; ) {
            int next = AsciiScan.indexOf(p, at, end, '\n');
            next = next < 0 ? end : next + 1;
            t.add(HttpFields.LINE, at, next - at);
            at = next;
        }
        t.close();
        if (p.columns()) {
            type.appendInfo(p.info());
        }
        return end - offset;
    }
}
