package org.dissect4j.tls;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.testkit.Packets;

/** Hand-built TLS byte streams and the TCP connections that carry them, for unit tests. */
final class TlsStreams {
    static final int CLIENT = 0x0a580002, SERVER = 0x0a580001;

    private TlsStreams() {
    }

    // ---- TLS encoding ------------------------------------------------------------------------------

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    static byte[] u8(int v) {
        return new byte[] {(byte) v};
    }

    static byte[] u16(int v) {
        return new byte[] {(byte) (v >> 8), (byte) v};
    }

    static byte[] u24(int v) {
        return new byte[] {(byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    static byte[] v8(byte[] b) {
        return cat(u8(b.length), b);
    }

    static byte[] v16(byte[] b) {
        return cat(u16(b.length), b);
    }

    static byte[] v24(byte[] b) {
        return cat(u24(b.length), b);
    }

    static byte[] u16s(int... v) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int x : v) {
            b.writeBytes(u16(x));
        }
        return b.toByteArray();
    }

    static byte[] fill(int n, int value) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    static byte[] record(int type, int version, byte[] body) {
        return cat(u8(type), u16(version), v16(body));
    }

    static byte[] hs(int type, byte[] body) {
        return cat(u8(type), v24(body));
    }

    static byte[] ext(int type, byte[] data) {
        return cat(u16(type), v16(data));
    }

    static byte[] sni(String name) {
        return ext(0, v16(cat(u8(0), v16(name.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))));
    }

    static byte[] alpn(byte[]... names) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] n : names) {
            b.writeBytes(v8(n));
        }
        return ext(16, v16(b.toByteArray()));
    }

    static byte[] clientHello(int[] ciphers, byte[] extensions) {
        byte[] body = cat(u16(0x0303), fill(32, 1), v8(new byte[0]), v16(u16s(ciphers)), v8(new byte[] {0}));
        if (extensions != null) {
            body = cat(body, v16(extensions));
        }
        return hs(1, body);
    }

    static byte[] serverHello(int cipher, byte[] extensions) {
        return hs(2, cat(u16(0x0303), fill(32, 2), v8(new byte[0]), u16(cipher), u8(0), v16(extensions)));
    }

    // ---- TCP carriage -------------------------------------------------------------------------------

    /** A connection's frames: handshake, then each chunk as one segment of client or server. */
    static final class Conn {
        final int cport;
        final int sport;
        long cseq = 1000, sseq = 5000;
        final List<byte[]> frames = new ArrayList<>();

        Conn(int cport, int sport) {
            this.cport = cport;
            this.sport = sport;
            frames.add(Packets.tcp(CLIENT, SERVER, cport, sport, cseq - 1, 0, Packets.SYN, 502, new byte[0], new byte[0]));
            frames.add(Packets.tcp(SERVER, CLIENT, sport, cport, sseq - 1, cseq, Packets.SYN | Packets.ACK, 502, new byte[0],
                    new byte[0]));
            frames.add(Packets.tcp(CLIENT, SERVER, cport, sport, cseq, sseq, Packets.ACK, 502, new byte[0], new byte[0]));
        }

        Conn client(byte[]... chunks) {
            for (byte[] c : chunks) {
                frames.add(Packets.tcp(CLIENT, SERVER, cport, sport, cseq, sseq, Packets.PSH | Packets.ACK, 502, new byte[0], c));
                cseq += c.length;
            }
            return this;
        }

        Conn server(byte[]... chunks) {
            for (byte[] c : chunks) {
                frames.add(Packets.tcp(SERVER, CLIENT, sport, cport, sseq, cseq, Packets.PSH | Packets.ACK, 502, new byte[0], c));
                sseq += c.length;
            }
            return this;
        }
    }

    /** Splits {@code data} at the given cut points. */
    static byte[][] split(byte[] data, int... cuts) {
        byte[][] out = new byte[cuts.length + 1][];
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : data.length;
            out[i] = java.util.Arrays.copyOfRange(data, from, to);
            from = to;
        }
        return out;
    }

    /** All values of the fields named {@code abbrev} in the packet just dissected, as tshark -T fields prints them. */
    static String value(Engine e, String abbrev) {
        Tree t = e.tree();
        List<Integer> nodes = new ArrayList<>();
        for (Field f : e.fields(abbrev)) {
            for (int n = t.first(f); n >= 0; n = t.next(n)) {
                nodes.add(n);
            }
        }
        nodes.sort(null);
        StringBuilder sb = new StringBuilder();
        for (int n : nodes) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            FieldFormat.value(t, n, sb);
        }
        return sb.toString();
    }

    /** Whether the packet holds a dissector-bug mark (an unexpected exception). */
    static boolean bug(Packet p) {
        Tree t = p.tree();
        for (int i = 0; i < t.expertCount(); i++) {
            if (t.expertOf(t.expertNode(i)).field().abbrev().equals("_ws.malformed.dissector_bug")) {
                return true;
            }
        }
        return false;
    }
}
