package org.dissect4j.tls.dtls;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/** Hand-built DTLS datagrams over Ethernet, IPv4 and UDP (10.0.0.1:40000 → 10.0.0.2:4433), and a reused frame to feed them. */
final class DtlsDatagrams {
    private final Engine engine;
    private final Frame frame = new Frame();
    private long number;

    DtlsDatagrams(Engine engine) {
        this.engine = engine;
    }

    /** Dissects {@code frameBytes} with {@code captured} of them captured. */
    Packet feed(byte[] frameBytes, int captured) {
        number++;
        return engine.dissect(frame.set(number, MemorySegment.ofArray(frameBytes), 0, captured, frameBytes.length,
                number * 1_000_000L, 0, 1));
    }

    /** Dissects a whole frame already wrapped (allocation tests: no segment made per packet). */
    Packet feed(MemorySegment frameBytes) {
        number++;
        int n = (int) frameBytes.byteSize();
        return engine.dissect(frame.set(number, frameBytes, 0, n, n, number * 1_000_000L, 0, 1));
    }

    Packet feed(byte[] frameBytes) {
        return feed(frameBytes, frameBytes.length);
    }

    /** A frame carrying {@code payload} in UDP from the client ({@code fromServer} false) or the server. */
    static byte[] udp(byte[] payload, boolean fromServer) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(new byte[] {0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 6, 0x08, 0x00});
        int ipLen = 20 + 8 + payload.length;
        byte[] a = {10, 0, 0, (byte) (fromServer ? 2 : 1)};
        byte[] b = {10, 0, 0, (byte) (fromServer ? 1 : 2)};
        o.writeBytes(new byte[] {0x45, 0, (byte) (ipLen >> 8), (byte) ipLen, 0, 1, 0, 0, 64, 17, 0, 0});
        o.writeBytes(a);
        o.writeBytes(b);
        int sp = fromServer ? 4433 : 40000, dp = fromServer ? 40000 : 4433;
        int udpLen = 8 + payload.length;
        o.writeBytes(new byte[] {(byte) (sp >> 8), (byte) sp, (byte) (dp >> 8), (byte) dp, (byte) (udpLen >> 8), (byte) udpLen, 0, 0});
        o.writeBytes(payload);
        return o.toByteArray();
    }

    /** A DTLS 1.2 record of {@code type}, epoch 0, sequence {@code seq}. */
    static byte[] record(int type, long seq, byte[] body) {
        byte[] r = new byte[13 + body.length];
        r[0] = (byte) type;
        r[1] = (byte) 0xfe;
        r[2] = (byte) 0xfd;
        for (int i = 0; i < 6; i++) {
            r[5 + i] = (byte) (seq >>> (8 * (5 - i)));
        }
        r[11] = (byte) (body.length >> 8);
        r[12] = (byte) body.length;
        System.arraycopy(body, 0, r, 13, body.length);
        return r;
    }

    /** A handshake fragment: type, message length, message_seq, fragment offset and length (as given), and bytes. */
    static byte[] fragment(int type, int length, int messageSeq, int offset, int fragmentLength, byte[] bytes) {
        byte[] f = new byte[12 + bytes.length];
        f[0] = (byte) type;
        u24(f, 1, length);
        f[4] = (byte) (messageSeq >> 8);
        f[5] = (byte) messageSeq;
        u24(f, 6, offset);
        u24(f, 9, fragmentLength);
        System.arraycopy(bytes, 0, f, 12, bytes.length);
        return f;
    }

    private static void u24(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 16);
        b[at + 1] = (byte) (v >> 8);
        b[at + 2] = (byte) v;
    }

    /** Whether the packet holds a dissector-bug mark (an unexpected exception). */
    static boolean bug(Packet p) {
        return expert(p, "_ws.malformed.dissector_bug");
    }

    /** Whether the packet holds the expert item {@code abbrev}. */
    static boolean expert(Packet p, String abbrev) {
        Tree t = p.tree();
        for (int i = 0; i < t.expertCount(); i++) {
            if (t.expertOf(t.expertNode(i)).field().abbrev().equals(abbrev)) {
                return true;
            }
        }
        return false;
    }
}
