package org.dissect4j.net;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dissect4j.api.Frame;

/**
 * A minimal pcap/pcapng reader for this module's tests (classic pcap in either byte order with
 * micro- or nanosecond stamps; pcapng SHB, IDB with if_name and if_tsresol, EPB, SPB). It loads
 * the whole file, which is fine for test captures, and returns independent {@link Frame}s.
 */
final class TestCaptures {
    private TestCaptures() {
    }

    static List<Frame> read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all);
        MemorySegment seg = MemorySegment.ofArray(all);
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic == 0x0A0D0D0A) {
            return pcapng(b, seg);
        }
        return pcap(b, seg);
    }

    private static List<Frame> pcap(ByteBuffer b, MemorySegment seg) {
        List<Frame> out = new ArrayList<>();
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        boolean nano;
        if (magic == 0xA1B2C3D4 || magic == 0xA1B23C4D) {
            b.order(ByteOrder.LITTLE_ENDIAN);
        } else {
            b.order(ByteOrder.BIG_ENDIAN);
            magic = b.getInt(0);
        }
        nano = magic == 0xA1B23C4D;
        int snaplen = b.getInt(16);
        int linkType = b.getInt(20) & 0x0FFF_FFFF;
        int at = 24;
        long n = 0;
        while (at + 16 <= b.limit()) {
            long sec = Integer.toUnsignedLong(b.getInt(at));
            long frac = Integer.toUnsignedLong(b.getInt(at + 4));
            int caplen = b.getInt(at + 8);
            int len = b.getInt(at + 12);
            if (at + 16 + caplen > b.limit()) {
                break;
            }
            Frame f = new Frame().set(++n, seg, at + 16, caplen, Math.max(len, caplen),
                    sec * 1_000_000_000L + (nano ? frac : frac * 1000), 0, linkType);
            f.snaplen(snaplen);
            out.add(f);
            at += 16 + caplen;
        }
        return out;
    }

    private static List<Frame> pcapng(ByteBuffer b, MemorySegment seg) {
        List<Frame> out = new ArrayList<>();
        List<int[]> ifaces = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Long> resol = new ArrayList<>();
        int at = 0;
        long n = 0;
        while (at + 12 <= b.limit()) {
            int type;
            int blen;
            b.order(ByteOrder.LITTLE_ENDIAN);
            if (b.getInt(at) == 0x0A0D0D0A) {
                int bom = b.order(ByteOrder.LITTLE_ENDIAN).getInt(at + 8);
                b.order(bom == 0x1A2B3C4D ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
                ifaces.clear();
                names.clear();
                resol.clear();
            }
            type = b.getInt(at);
            blen = b.getInt(at + 4);
            if (blen < 12 || at + blen > b.limit()) {
                break;
            }
            if (type == 1) {
                int linkType = b.getShort(at + 8) & 0xFFFF;
                int snap = b.getInt(at + 12);
                ifaces.add(new int[] {linkType, snap});
                String name = null;
                long res = 1000;
                int o = at + 16;
                while (o + 4 <= at + blen - 4) {
                    int code = b.getShort(o) & 0xFFFF;
                    int olen = b.getShort(o + 2) & 0xFFFF;
                    if (code == 0) {
                        break;
                    }
                    if (code == 2) {
                        byte[] s = new byte[olen];
                        b.get(o + 4, s);
                        name = new String(s, java.nio.charset.StandardCharsets.UTF_8);
                    } else if (code == 9 && olen >= 1) {
                        int v = b.get(o + 4) & 0xFF;
                        long unitsPerSec = (v & 0x80) != 0 ? 1L << (v & 0x7F) : pow10(v & 0x7F);
                        res = 1_000_000_000L / unitsPerSec;
                    }
                    o += 4 + ((olen + 3) & ~3);
                }
                names.add(name == null ? "unknown" : name);
                resol.add(res);
            } else if (type == 6) {
                int iface = b.getInt(at + 8);
                long ts = (Integer.toUnsignedLong(b.getInt(at + 12)) << 32) | Integer.toUnsignedLong(b.getInt(at + 16));
                int caplen = b.getInt(at + 20);
                int len = b.getInt(at + 24);
                int[] ifc = ifaces.get(iface);
                Frame f = new Frame().set(++n, seg, at + 28, caplen, Math.max(len, caplen), ts * resol.get(iface), iface,
                        ifc[0]);
                f.snaplen(ifc[1]);
                f.interfaceName(names.get(iface));
                out.add(f);
            } else if (type == 3) {
                int len = b.getInt(at + 8);
                int[] ifc = ifaces.get(0);
                int caplen = Math.min(len, blen - 16);
                Frame f = new Frame().set(++n, seg, at + 12, caplen, len, 0, 0, ifc[0]);
                f.interfaceName(names.get(0));
                out.add(f);
            }
            at += blen;
        }
        return out;
    }

    private static long pow10(int e) {
        long v = 1;
        for (int i = 0; i < e; i++) {
            v *= 10;
        }
        return v;
    }
}
