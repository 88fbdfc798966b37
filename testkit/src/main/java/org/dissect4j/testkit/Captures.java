package org.dissect4j.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal pcap / pcapng reader for tests, until the capture module exists: loads every packet of a
 * small file into memory.
 */
public final class Captures {
    /** One packet: its bytes, original length, timestamp in nanoseconds and link type. */
    public record Packet(byte[] data, int originalLength, long timestampNanos, int linkType) {
    }

    private Captures() {
    }

    public static List<Packet> read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic == 0x0A0D0D0A) {
            return pcapng(b);
        }
        return pcap(b);
    }

    private static List<Packet> pcap(ByteBuffer b) {
        int m = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        boolean nano;
        if (m == 0xa1b2c3d4 || m == 0xa1b23c4d) {
            b.order(ByteOrder.LITTLE_ENDIAN);
            nano = m == 0xa1b23c4d;
        } else {
            b.order(ByteOrder.BIG_ENDIAN);
            int mb = b.getInt(0);
            if (mb != 0xa1b2c3d4 && mb != 0xa1b23c4d) {
                throw new IllegalArgumentException("not a pcap file");
            }
            nano = mb == 0xa1b23c4d;
        }
        int linkType = b.getInt(20) & 0x0fffffff;
        List<Packet> out = new ArrayList<>();
        int pos = 24;
        while (pos + 16 <= b.limit()) {
            long sec = b.getInt(pos) & 0xffffffffL;
            long frac = b.getInt(pos + 4) & 0xffffffffL;
            int incl = b.getInt(pos + 8);
            int orig = b.getInt(pos + 12);
            pos += 16;
            if (incl < 0 || pos + incl > b.limit()) {
                break;
            }
            byte[] d = new byte[incl];
            b.get(pos, d);
            pos += incl;
            out.add(new Packet(d, orig, sec * 1_000_000_000L + (nano ? frac : frac * 1000), linkType));
        }
        return out;
    }

    private static List<Packet> pcapng(ByteBuffer b) {
        List<Packet> out = new ArrayList<>();
        List<Integer> linkTypes = new ArrayList<>();
        List<Long> tsres = new ArrayList<>();
        int pos = 0;
        while (pos + 12 <= b.limit()) {
            int type = b.order(ByteOrder.LITTLE_ENDIAN).getInt(pos);
            if (type == 0x0A0D0D0A) {
                int bom = b.order(ByteOrder.LITTLE_ENDIAN).getInt(pos + 8);
                b.order(bom == 0x1A2B3C4D ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
                linkTypes.clear();
                tsres.clear();
            } else {
                type = b.getInt(pos);
            }
            int len = b.getInt(pos + 4);
            if (len < 12 || pos + len > b.limit()) {
                break;
            }
            if (type == 1) {
                linkTypes.add(b.getShort(pos + 8) & 0xffff);
                long res = 1000; // microseconds by default
                int opt = pos + 16;
                while (opt + 4 <= pos + len - 4) {
                    int code = b.getShort(opt) & 0xffff, olen = b.getShort(opt + 2) & 0xffff;
                    if (code == 0) {
                        break;
                    }
                    if (code == 9 && olen == 1) {
                        int v = b.get(opt + 4) & 0xff;
                        long unitsPerSec = (v & 0x80) != 0 ? 1L << (v & 0x7f) : (long) Math.pow(10, v);
                        res = 1_000_000_000L / unitsPerSec;
                    }
                    opt += 4 + ((olen + 3) & ~3);
                }
                tsres.add(res);
            } else if (type == 6) {
                int ifc = b.getInt(pos + 8);
                long ts = ((b.getInt(pos + 12) & 0xffffffffL) << 32) | (b.getInt(pos + 16) & 0xffffffffL);
                int cap = b.getInt(pos + 20), orig = b.getInt(pos + 24);
                byte[] d = new byte[cap];
                b.get(pos + 28, d);
                out.add(new Packet(d, orig, ts * tsres.get(ifc), linkTypes.get(ifc)));
            } else if (type == 3) {
                int orig = b.getInt(pos + 8);
                int cap = Math.min(orig, len - 16);
                byte[] d = new byte[cap];
                b.get(pos + 12, d);
                out.add(new Packet(d, orig, 0, linkTypes.get(0)));
            }
            pos += len;
        }
        return out;
    }
}
