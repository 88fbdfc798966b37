package org.dissect4j.testkit;

import java.io.ByteArrayOutputStream;

/** Builds Ethernet/IPv4/TCP frames for tests (checksums are not filled in; TCP does not check them by default). */
public final class Packets {
    public static final int FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10, URG = 0x20;

    private Packets() {
    }

    public static byte[] tcp(int srcIp, int dstIp, int sport, int dport, long seq, long ack, int flags, int win,
                             byte[] options, byte[] payload) {
        int optLen = (options.length + 3) & ~3;
        return tcpRaw(srcIp, dstIp, sport, dport, seq, ack, flags, win, (20 + optLen) / 4, pad(options, optLen), payload);
    }

    public static byte[] tcpRaw(int srcIp, int dstIp, int sport, int dport, long seq, long ack, int flags, int win,
                                int dataOffsetWords, byte[] options, byte[] payload) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] eth = {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2, 8, 0};
        b.writeBytes(eth);
        int tcpLen = 20 + options.length + payload.length;
        int total = 20 + tcpLen;
        b.writeBytes(new byte[] {0x45, 0, (byte) (total >> 8), (byte) total, 0, 1, 0x40, 0, 64, 6, 0, 0});
        b.writeBytes(be32(srcIp));
        b.writeBytes(be32(dstIp));
        b.write(sport >> 8);
        b.write(sport);
        b.write(dport >> 8);
        b.write(dport);
        b.writeBytes(be32((int) seq));
        b.writeBytes(be32((int) ack));
        b.write((dataOffsetWords << 4) | ((flags >> 8) & 0x0f));
        b.write(flags);
        b.write(win >> 8);
        b.write(win);
        b.writeBytes(new byte[] {0, 0, 0, 0});
        b.writeBytes(options);
        b.writeBytes(payload);
        return b.toByteArray();
    }

    static byte[] pad(byte[] o, int len) {
        byte[] r = new byte[len];
        System.arraycopy(o, 0, r, 0, o.length);
        for (int i = o.length; i < len; i++) {
            r[i] = 1;
        }
        return r;
    }

    public static byte[] be32(int v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    public static byte[] bytes(int... v) {
        byte[] r = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = (byte) v[i];
        }
        return r;
    }
}
