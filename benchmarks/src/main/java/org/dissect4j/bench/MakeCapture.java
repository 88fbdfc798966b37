package org.dissect4j.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.dissect4j.api.Bytes;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureReader;
import org.dissect4j.capture.CaptureWriter;

/**
 * Builds a large benchmark capture from small real ones by replaying their TCP connections many
 * times, each replay with fresh IPv4 addresses, a fresh client port and fresh initial sequence
 * numbers, so that TCP analysis and TLS see distinct flows rather than retransmissions. Replays
 * start a fixed interval apart and overlap in time; their packets are merged by timestamp.
 *
 * <p>Only Ethernet/IPv4/TCP packets of the sources are replayed. Within one replay, every IPv4
 * address of the source file maps to one fresh address and every client port to one fresh port,
 * so connections that belong together (a TLS session resumed by a second connection) stay
 * together. Acknowledgement numbers and SACK edges move with the peer's sequence offset; IPv4 and
 * TCP checksums are recomputed.
 */
public final class MakeCapture {
    /** The project's own captures (made with openssl, curl and python in network namespaces). */
    static final List<String> DEFAULT_SOURCES = List.of(
            "samples/http-sample.pcap",
            "http-dissector/src/test/resources/captures/http-veth.pcap",
            "tls-dissector/src/test/resources/captures/tls12-full.pcap",
            "tls-dissector/src/test/resources/captures/tls12-chain-multiseg.pcap",
            "tls-dissector/src/test/resources/captures/tls12-resume-id.pcap",
            "tls-dissector/src/test/resources/captures/tls12-resume-ticket.pcap",
            "tls-dissector/src/test/resources/captures/tls13-full.pcap",
            "tls-dissector/src/test/resources/captures/tls13-psk.pcap");

    private static final long REPLAY_INTERVAL_NANOS = 1_000_000L; // a new replay every millisecond

    private MakeCapture() {
    }

    /** What one source file contributes: its Ethernet/IPv4/TCP packets, times relative to the first. */
    record Template(String name, List<byte[]> packets, long[] relativeNanos, int[] originalLengths,
            Map<Integer, Integer> addressIndex) {
        int addresses() {
            return addressIndex.size();
        }
    }

    /** Statistics of a written capture. */
    record Result(long packets, long bytes, long replays) {
    }

    public static void main(String[] args) throws IOException {
        long packets = 1_000_000;
        Path out = Path.of("benchmarks/target/bench-1m.pcap");
        long seed = 1;
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--packets", "-n" -> packets = Long.parseLong(args[++i].replace("_", ""));
                case "--out", "-o" -> out = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "-h", "--help" -> {
                    System.out.println("usage: dissect4j-bench make-capture [--packets N] [--out FILE] [--seed S] [SOURCE.pcap ...]");
                    System.out.println("  replays the TCP connections of SOURCE captures (default: the project's own) with fresh");
                    System.out.println("  addresses, ports and sequence numbers until N packets (default 1000000) are written to FILE");
                    return;
                }
                default -> {
                    if (args[i].startsWith("-")) {
                        System.err.println("make-capture: unknown option " + args[i]);
                        System.exit(2);
                    }
                    sources.add(args[i]);
                }
            }
        }
        if (sources.isEmpty()) {
            sources.addAll(DEFAULT_SOURCES);
        }
        List<Template> templates = new ArrayList<>();
        for (String s : sources) {
            templates.add(load(Path.of(s)));
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Result r = write(templates, packets, seed, out);
        System.err.printf("make-capture: wrote %s: %,d packets, %,d replays of %d source captures, average frame %d B%n",
                out, r.packets(), r.replays(), templates.size(), r.bytes() / Math.max(1, r.packets()));
    }

    /** Reads a source capture's Ethernet/IPv4/TCP packets. */
    static Template load(Path file) throws IOException {
        List<byte[]> packets = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        Map<Integer, Integer> addresses = new HashMap<>();
        try (CaptureReader r = CaptureFiles.open(file)) {
            Frame f;
            while ((f = r.next()) != null) {
                byte[] b = new byte[f.capturedLength()];
                MemorySegment.copy(f.segment(), ValueLayout.JAVA_BYTE, f.offset(), b, 0, b.length);
                if (f.linkType() != LinkType.ETHERNET || !isIpv4Tcp(b)) {
                    continue;
                }
                addresses.putIfAbsent(int32(b, 26), addresses.size());
                addresses.putIfAbsent(int32(b, 30), addresses.size());
                packets.add(b);
                times.add(f.timestampNanos());
                lengths.add(f.originalLength());
            }
        }
        if (packets.isEmpty()) {
            throw new IOException(file + ": no Ethernet/IPv4/TCP packets to replay");
        }
        long first = times.get(0);
        long[] rel = new long[times.size()];
        int[] orig = new int[times.size()];
        for (int i = 0; i < rel.length; i++) {
            rel[i] = Math.max(0, times.get(i) - first);
            orig[i] = lengths.get(i);
        }
        return new Template(file.getFileName().toString(), packets, rel, orig, Map.copyOf(addresses));
    }

    private static boolean isIpv4Tcp(byte[] b) {
        if (b.length < 14 + 20 || (b[12] & 0xff) != 0x08 || b[13] != 0x00 || (b[14] & 0xf0) != 0x40) {
            return false;
        }
        int ihl = (b[14] & 0x0f) * 4;
        boolean firstFragment = ((b[20] & 0x1f) | b[21]) == 0;
        return b[23] == 6 && ihl >= 20 && firstFragment && b.length >= 14 + ihl + 20
                && ((b[14 + ihl + 12] >> 4) & 0x0f) * 4 >= 20;
    }

    /** Writes {@code packets} packets of interleaved replays to {@code out} (microsecond pcap). */
    static Result write(List<Template> templates, long packets, long seed, Path out) throws IOException {
        long start = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z
        PriorityQueue<Replay> active = new PriorityQueue<>((a, b) -> Long.compare(a.nextTime(), b.nextTime()));
        SplittableRandom random = new SplittableRandom(seed);
        long written = 0;
        long bytes = 0;
        long replays = 0;
        Frame frame = new Frame();
        byte[] buf = new byte[65_536 + 64];
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20);
             CaptureWriter w = CaptureWriter.pcap(os, LinkType.ETHERNET, 262_144, false)) {
            while (written < packets) {
                long nextStart = start + replays * REPLAY_INTERVAL_NANOS;
                if (active.isEmpty() || active.peek().nextTime() >= nextStart) {
                    active.add(new Replay(templates.get((int) (replays % templates.size())), replays, nextStart, random.split()));
                    replays++;
                    continue;
                }
                Replay r = active.poll();
                int len = r.emit(buf);
                frame.set(written + 1, MemorySegment.ofArray(buf), 0, len, r.originalLength(), r.nextTime(), 0, LinkType.ETHERNET);
                w.write(frame);
                written++;
                bytes += len;
                if (r.advance()) {
                    active.add(r);
                }
            }
        }
        return new Result(written, bytes, replays);
    }

    /** One replay of a template: its address, port and sequence-number rewrites and its position. */
    private static final class Replay {
        private final Template t;
        private final long startNanos;
        private final int addressBase;
        private final Map<Long, Integer> ports = new HashMap<>();
        private final Map<Long, Integer> seqOffsets = new HashMap<>();
        private final SplittableRandom random;
        private int index;

        Replay(Template t, long replay, long startNanos, SplittableRandom random) {
            this.t = t;
            this.startNanos = startNanos;
            this.random = random;
            // 10.0.0.1 upwards: each replay takes as many fresh addresses as its source file has
            this.addressBase = (int) ((replay * t.addresses() + 1) % 0xff_fffe);
        }

        long nextTime() {
            return startNanos + t.relativeNanos()[index];
        }

        int originalLength() {
            return t.originalLengths()[index];
        }

        boolean advance() {
            return ++index < t.packets().size();
        }

        /** Copies the current packet into {@code buf} with this replay's rewrites; returns its length. */
        int emit(byte[] buf) {
            byte[] src = t.packets().get(index);
            System.arraycopy(src, 0, buf, 0, src.length);
            int ip = 14;
            int ihl = (buf[ip] & 0x0f) * 4;
            int tcp = ip + ihl;
            int srcAddr = int32(src, ip + 12);
            int dstAddr = int32(src, ip + 16);
            int srcPort = uint16(src, tcp);
            int dstPort = uint16(src, tcp + 2);
            int flags = src[tcp + 13] & 0xff;
            boolean syn = (flags & 0x02) != 0;
            boolean ack = (flags & 0x10) != 0;
            // the server keeps its port (so dissectors find it); the client's port is fresh
            if (syn && !ack) {
                clientPort(srcAddr, srcPort);
            }
            Integer sp = ports.get(key(srcAddr, srcPort));
            Integer dp = ports.get(key(dstAddr, dstPort));
            if (sp == null && dp == null) {
                // mid-connection start: call the higher port the client's
                if (srcPort >= dstPort) {
                    sp = clientPort(srcAddr, srcPort);
                } else {
                    dp = clientPort(dstAddr, dstPort);
                }
            }
            putInt32(buf, ip + 12, freshAddress(srcAddr));
            putInt32(buf, ip + 16, freshAddress(dstAddr));
            putUint16(buf, tcp, sp != null ? sp : srcPort);
            putUint16(buf, tcp + 2, dp != null ? dp : dstPort);
            int ownOffset = seqOffset(srcAddr, srcPort);
            int peerOffset = seqOffset(dstAddr, dstPort);
            putInt32(buf, tcp + 4, int32(src, tcp + 4) + ownOffset);
            if (ack) {
                putInt32(buf, tcp + 8, int32(src, tcp + 8) + peerOffset);
            }
            int dataOffset = ((src[tcp + 12] >> 4) & 0x0f) * 4;
            shiftSackEdges(buf, tcp + 20, Math.min(tcp + dataOffset, src.length), peerOffset);
            int ipTotal = Math.min(uint16(src, ip + 2), src.length - ip);
            ipChecksum(buf, ip, ihl);
            if (ipTotal >= ihl + 20 && ip + ipTotal <= src.length) {
                tcpChecksum(buf, ip, tcp, ipTotal - ihl);
            }
            return src.length;
        }

        private int clientPort(int addr, int port) {
            // the dynamic range (RFC 6335), where tshark 4.0 registers no TCP dissector but 57000
            return ports.computeIfAbsent(key(addr, port), k -> {
                int p;
                do {
                    p = 49_152 + random.nextInt(65_536 - 49_152);
                } while (p == 57_000);
                return p;
            });
        }

        private int seqOffset(int addr, int port) {
            return seqOffsets.computeIfAbsent(key(addr, port), k -> random.nextInt());
        }

        private int freshAddress(int original) {
            return 0x0a00_0000 | ((addressBase + t.addressIndex().get(original)) & 0xff_ffff);
        }

        private static long key(int addr, int port) {
            return ((long) addr << 16) | port;
        }
    }

    /** SACK edges (option kind 5) are sequence numbers of the peer's data. */
    private static void shiftSackEdges(byte[] b, int from, int end, int offset) {
        int i = from;
        while (i < end) {
            int kind = b[i] & 0xff;
            if (kind == 0) {
                return;
            }
            if (kind == 1) {
                i++;
                continue;
            }
            if (i + 1 >= end) {
                return;
            }
            int len = b[i + 1] & 0xff;
            if (len < 2 || i + len > end) {
                return;
            }
            if (kind == 5) {
                for (int e = i + 2; e + 4 <= i + len; e += 4) {
                    putInt32(b, e, int32(b, e) + offset);
                }
            }
            i += len;
        }
    }

    private static void ipChecksum(byte[] b, int ip, int ihl) {
        putUint16(b, ip + 10, 0);
        putUint16(b, ip + 10, ~Bytes.onesComplementSum(MemorySegment.ofArray(b), ip, ihl, 0) & 0xffff);
    }

    /** Over the IPv4 pseudo-header (addresses, protocol 6, TCP length) and the segment. */
    private static void tcpChecksum(byte[] b, int ip, int tcp, int tcpLength) {
        MemorySegment s = MemorySegment.ofArray(b);
        putUint16(b, tcp + 16, 0);
        long pseudo = Bytes.onesComplementSum(s, ip + 12, 8, 6 + tcpLength);
        putUint16(b, tcp + 16, ~Bytes.onesComplementSum(s, tcp, tcpLength, pseudo) & 0xffff);
    }

    private static int uint16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    private static int int32(byte[] b, int i) {
        return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    private static void putUint16(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
    }

    private static void putInt32(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }
}
