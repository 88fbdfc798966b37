package org.dissect4j.net;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Builds test packets byte by byte (Ethernet, IPv4 with a correct checksum, UDP), like src/build/make_vectors.py. */
final class Pkt {
    static final String A = "02:00:00:77:00:01";
    static final String B = "02:00:00:77:00:02";

    private Pkt() {
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] mac(String s) {
        return NetTestKit.hex(s.replace(":", ""));
    }

    static byte[] addr(String s) {
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    static byte[] u16(int v) {
        return new byte[] {(byte) (v >>> 8), (byte) v};
    }

    static byte[] eth(String dst, String src, int type, byte[] payload) {
        return cat(mac(dst), mac(src), u16(type), payload);
    }

    static int checksum(byte[] b, int from, int len, long sum) {
        for (int i = 0; i + 1 < len; i += 2) {
            sum += ((b[from + i] & 0xFF) << 8) | (b[from + i + 1] & 0xFF);
        }
        if ((len & 1) != 0) {
            sum += (b[from + len - 1] & 0xFF) << 8;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    /** An IPv4 header (no options) with the given flags/fragment-offset word and a correct checksum, then the payload. */
    static byte[] ipv4(String src, String dst, int proto, int id, int flagsAndOffset, int ttl, byte[] payload) {
        byte[] h = cat(new byte[] {0x45, 0}, u16(20 + payload.length), u16(id), u16(flagsAndOffset),
                new byte[] {(byte) ttl, (byte) proto, 0, 0}, addr(src), addr(dst));
        int c = checksum(h, 0, 20, 0);
        h[10] = (byte) (c >>> 8);
        h[11] = (byte) c;
        return cat(h, payload);
    }

    /** A UDP datagram with a correct checksum over the IPv4 pseudo-header. */
    static byte[] udp(int sp, int dp, byte[] payload, String src, String dst) {
        byte[] u = cat(u16(sp), u16(dp), u16(8 + payload.length), u16(0), payload);
        byte[] pseudo = cat(addr(src), addr(dst), new byte[] {0, 17}, u16(u.length));
        long sum = 0;
        for (int i = 0; i < pseudo.length; i += 2) {
            sum += ((pseudo[i] & 0xFF) << 8) | (pseudo[i + 1] & 0xFF);
        }
        int c = checksum(u, 0, u.length, sum);
        if (c == 0) {
            c = 0xFFFF;
        }
        u[6] = (byte) (c >>> 8);
        u[7] = (byte) c;
        return u;
    }
}
