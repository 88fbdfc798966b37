package org.dissect4j.http2;

import static org.dissect4j.testkit.Packets.ACK;
import static org.dissect4j.testkit.Packets.PSH;
import static org.dissect4j.testkit.Packets.SYN;
import static org.dissect4j.testkit.Packets.tcp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.testkit.Feed;
import org.dissect4j.testkit.NetStubs;
import org.dissect4j.testkit.Runner;

/** Builds HTTP/2 frames and HPACK bytes for tests, and one cleartext connection on port 8080 decoded as HTTP/2. */
final class Http2Wire {
    static final int C = 0x0a630002, S = 0x0a630001, PORT = 8080;
    static final byte[] MAGIC = Http2Dissector.MAGIC;

    final Runner runner;
    final Feed feed;
    private long clientSeq = 1;
    private long serverSeq = 1;

    Http2Wire(Settings settings) {
        runner = new Runner(settings, new NetStubs(), new TcpPlugin(), new Http2Plugin());
        runner.engine().decodeAs("tcp.port", Integer.toString(PORT), "http2");
        feed = new Feed(runner.engine());
        feed.next(tcp(C, S, 50000, PORT, 0, 0, SYN, 100, new byte[0], new byte[0]));
        feed.next(tcp(S, C, PORT, 50000, 0, 1, SYN | ACK, 100, new byte[0], new byte[0]));
    }

    /** Sends {@code payload} from the client in one segment; returns the dissected packet. */
    Packet client(byte[] payload) {
        return feed.next(clientSegment(payload));
    }

    Packet server(byte[] payload) {
        return feed.next(serverSegment(payload));
    }

    /** The client's next segment carrying {@code payload}, to be fed later (in order). */
    byte[] clientSegment(byte[] payload) {
        byte[] segment = tcp(C, S, 50000, PORT, clientSeq, serverSeq, PSH | ACK, 100, new byte[0], payload);
        clientSeq += payload.length;
        return segment;
    }

    byte[] serverSegment(byte[] payload) {
        byte[] segment = tcp(S, C, PORT, 50000, serverSeq, clientSeq, PSH | ACK, 100, new byte[0], payload);
        serverSeq += payload.length;
        return segment;
    }

    /** Dissects a prepared segment without allocating. */
    Packet feed(java.lang.foreign.MemorySegment segment) {
        return feed.next(segment, (int) segment.byteSize(), (int) segment.byteSize(), 1000);
    }

    String render(Packet p, String column) {
        return runner.render(p, column);
    }

    static byte[] frame(int type, int flags, int stream, byte[] payload) {
        byte[] f = new byte[9 + payload.length];
        f[0] = (byte) (payload.length >>> 16);
        f[1] = (byte) (payload.length >>> 8);
        f[2] = (byte) payload.length;
        f[3] = (byte) type;
        f[4] = (byte) flags;
        f[5] = (byte) (stream >>> 24);
        f[6] = (byte) (stream >>> 16);
        f[7] = (byte) (stream >>> 8);
        f[8] = (byte) stream;
        System.arraycopy(payload, 0, f, 9, payload.length);
        return f;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] b : parts) {
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    /** An HPACK integer with an {@code n}-bit prefix whose high bits are {@code first}. */
    static byte[] integer(int first, int n, long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int limit = (1 << n) - 1;
        if (value < limit) {
            out.write(first | (int) value);
        } else {
            out.write(first | limit);
            value -= limit;
            while (value >= 128) {
                out.write((int) (value & 0x7f) | 0x80);
                value >>>= 7;
            }
            out.write((int) value);
        }
        return out.toByteArray();
    }

    /** A raw (not Huffman) string literal. */
    static byte[] string(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return concat(integer(0, 7, b.length), b);
    }

    /** Literal with incremental indexing, new name. */
    static byte[] literalIndexing(String name, String value) {
        return concat(new byte[] {0x40}, string(name), string(value));
    }

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }
}
