package org.dissect4j.cli;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Base64;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * {@code -z follow,tcp|udp|tls|http,ascii|hex|raw|yaml,STREAM[,RANGE]}, and the {@code ,ADDR:PORT,ADDR:PORT} form
 * instead of a stream index ({@code [ADDR]:PORT} for IPv6): tshark 4.0's follow report (ui/cli/tap-follow.c)
 * byte for byte. The banner, the filter tshark would apply, the two nodes (node 0 sent the first packet),
 * then each chunk of the stream ({@link FollowRecords}) in the mode's form: ascii (length line, printable
 * bytes, CR and LF kept, others as '.'), hex (per-direction offsets, 16 bytes a line), raw (hex digits) or
 * yaml (peers, then packets with base64 data). Chunks of node 1 are indented by a tab. RANGE ({@code N} or
 * {@code N-M}) selects chunks by their 1-based number.
 *
 * <p>{@code tls} and {@code http} follow what those dissectors hand the follow taps ({@link org.dissect4j.api.FollowData}):
 * each decrypted application data record, and each HTTP message's headers and body, one chunk each.
 *
 * <p>Memory: the chunks are kept until the end (tshark prints after the last packet), bounded as
 * {@link FollowRecords} says; {@code --report-limit} sets the number of chunks.
 */
final class FollowStream implements Sink {
    private static final String SEPARATOR = "===================================================================";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean tcp;
    /** {@code tls} or {@code http}: the stream's content as that dissector gives it ({@link org.dissect4j.api.FollowData}); null for tcp and udp. */
    private final String tap;
    private final String mode;
    private final long stream;
    /** The address form: addresses (4 or 16 bytes) and ports of the two ends; null with a stream index. */
    private final byte[][] addr;
    private final int[] port;
    private final long chunkMin;
    private final long chunkMax;
    private final FollowRecords records;

    private int[] streamIds, seqIds, ackIds, lenIds, flagsIds, payloadIds, icmpIds;
    private byte[] clientAddr;
    private int clientPort = -1;
    private byte[] serverAddr;
    private int serverPort;

    /**
     * @param spec  what follows {@code follow,} in the {@code -z} argument
     * @param limit chunks kept ({@code --report-limit})
     * @throws IllegalArgumentException for a spec tshark refuses (with tshark's reason)
     */
    FollowStream(PrintStream out, String spec, int limit, PrintStream err) {
        this.out = out;
        this.err = err;
        String[] p = spec.split(",", -1);
        if (p.length < 3 || !Arrays.asList("tcp", "udp", "tls", "http").contains(p[0])) {
            throw new IllegalArgumentException("invalid -z follow \"" + spec + "\"; use follow,tcp|udp|tls|http,ascii|hex|raw|yaml,STREAM[,RANGE]"
                    + " or follow,tcp|udp|tls|http,MODE,ADDR:PORT,ADDR:PORT[,RANGE]");
        }
        tcp = !p[0].equals("udp");
        tap = p[0].equals("tls") || p[0].equals("http") ? p[0] : null;
        mode = p[1];
        if (!Arrays.asList("ascii", "hex", "raw", "yaml").contains(mode)) {
            throw new IllegalArgumentException("follow: invalid display mode \"" + mode + "\"; use ascii, hex, raw or yaml");
        }
        int next;
        if (p[2].matches("[0-9]+")) {
            stream = Long.parseLong(p[2]);
            addr = null;
            port = null;
            next = 3;
        } else {
            if (p.length < 4) {
                throw new IllegalArgumentException("follow: invalid address \"" + spec + "\"");
            }
            stream = -1;
            addr = new byte[2][];
            port = new int[2];
            for (int i = 0; i < 2; i++) {
                parseEndpoint(p[2 + i], i);
            }
            if (addr[0].length != addr[1].length) {
                throw new IllegalArgumentException("follow: mismatched IP address types");
            }
            next = 4;
        }
        if (next == p.length) {
            chunkMin = 1;
            chunkMax = 0xFFFF_FFFFL;
        } else if (next == p.length - 1 && p[next].matches("[0-9]+(-[0-9]+)?")) {
            String[] r = p[next].split("-");
            chunkMin = Long.parseLong(r[0]);
            chunkMax = r.length > 1 ? Long.parseLong(r[1]) : chunkMin;
            if (chunkMin < 1 || chunkMin > chunkMax) {
                throw new IllegalArgumentException("follow: invalid range value \"" + p[next] + "\"");
            }
        } else {
            throw new IllegalArgumentException("follow: invalid parameter \"" + spec + "\"");
        }
        records = new FollowRecords(limit);
    }

    private void parseEndpoint(String s, int i) {
        int colon = s.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("follow: invalid address \"" + s + "\"");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("follow: invalid address \"" + s + "\" (IPv6 goes in brackets)");
        }
        try {
            port[i] = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("follow: invalid port in \"" + s + "\"", e);
        }
        if (port[i] <= 0 || port[i] > 65535) {
            throw new IllegalArgumentException("follow: invalid port in \"" + s + "\"");
        }
        if (!host.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("follow: invalid address \"" + host + "\" (a numeric IPv4 or IPv6 address)");
        }
        try {
            addr[i] = InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("follow: invalid address \"" + host + "\"", e);
        }
    }

    @Override
    public void prime(Engine engine) {
        String proto = tcp ? "tcp" : "udp";
        streamIds = ReportFormat.want(engine, proto + ".stream");
        payloadIds = ReportFormat.want(engine, proto + ".payload");
        icmpIds = ReportFormat.concat(ReportFormat.want(engine, "icmp"), ReportFormat.want(engine, "icmpv6"));
        if (tap != null) {
            // fields of the layers the tap's data comes from, so that they are dissected (decrypted) beyond their headers
            ReportFormat.want(engine, "tls.app_data_proto");
            ReportFormat.want(engine, "http.request.method");
            ReportFormat.want(engine, "http.file_data");
        }
        if (tcp) {
            seqIds = ReportFormat.want(engine, "tcp.seq_raw");
            ackIds = ReportFormat.want(engine, "tcp.ack_raw");
            lenIds = ReportFormat.want(engine, "tcp.len");
            flagsIds = ReportFormat.want(engine, "tcp.flags");
        }
    }

    /** A {@code -z} report: tshark's taps see every packet, whatever {@code -Y} shows. */
    @Override
    public boolean seesEveryPacket() {
        return true;
    }

    @Override
    public void packet(Frame frame, Packet p) {
        Tree t = p.tree();
        int s = ReportFormat.first(t, streamIds);
        if (s < 0 || ReportFormat.inside(t, s, icmpIds)) {
            return;
        }
        if (p.portType() != (tcp ? Packet.PT_TCP : Packet.PT_UDP)
                || (p.netType() != Packet.AT_IPV4 && p.netType() != Packet.AT_IPV6)) {
            return;
        }
        int alen = p.netType() == Packet.AT_IPV6 ? 16 : 4;
        byte[] src = Arrays.copyOf(p.netSrc(), alen);
        byte[] dst = Arrays.copyOf(p.netDst(), alen);
        if (addr == null ? t.value(s) != stream : !matchesAddresses(src, p.srcPort(), dst, p.dstPort())) {
            return;
        }
        if (tap != null) {
            followed(frame, p, t, src, dst);
            return;
        }
        if (clientPort < 0) {
            clientAddr = src;
            clientPort = p.srcPort();
            serverAddr = dst;
            serverPort = p.dstPort();
        }
        boolean server = !(Arrays.equals(clientAddr, src) && clientPort == p.srcPort());
        int pl = ReportFormat.first(t, payloadIds);
        byte[] data = pl >= 0 && !ReportFormat.inside(t, pl, icmpIds) ? t.bytes(pl) : new byte[0];
        if (!tcp) {
            records.datagram(server, frame.number(), frame.timestampNanos(), data);
            return;
        }
        int seq = (int) ReportFormat.value(t, seqIds, 0);
        long flags = ReportFormat.value(t, flagsIds, 0);
        if ((flags & 0x02) != 0) {
            seq++;
        }
        records.segment(server, frame.number(), frame.timestampNanos(), seq, (int) ReportFormat.value(t, ackIds, 0),
                (int) ReportFormat.value(t, lenIds, 0), data);
    }

    /**
     * {@code follow,tls|http}: the frame's ranges of the tap, one chunk each, in frame order. As tshark 4.0, node 0 is
     * the sender of the first frame with a range (for TLS 1.3 the server: its handshake is the first decrypted), and a
     * TLS stream's node 1 stays unnamed ({@code :0}).
     */
    private void followed(Frame frame, Packet p, Tree t, byte[] src, byte[] dst) {
        org.dissect4j.api.FollowData d = p.follow();
        for (int i = 0; i < d.count(); i++) {
            if (!d.tap(i).equals(tap)) {
                continue;
            }
            if (clientPort < 0) {
                clientAddr = src;
                clientPort = p.srcPort();
                if (tap.equals("http")) {
                    serverAddr = dst;
                    serverPort = p.dstPort();
                }
            }
            if (d.length(i) > 0) {
                byte[] data = new byte[d.length(i)];
                java.lang.foreign.MemorySegment.copy(t.segment(d.source(i)), org.dissect4j.api.Bytes.U8, t.base(d.source(i)) + d.offset(i),
                        data, 0, data.length);
                boolean server = !(Arrays.equals(clientAddr, src) && clientPort == p.srcPort());
                records.datagram(server, frame.number(), frame.timestampNanos(), data);
            }
        }
    }

    private boolean matchesAddresses(byte[] src, int sp, byte[] dst, int dp) {
        return Arrays.equals(src, addr[0]) && sp == port[0] && Arrays.equals(dst, addr[1]) && dp == port[1]
                || Arrays.equals(src, addr[1]) && sp == port[1] && Arrays.equals(dst, addr[0]) && dp == port[0];
    }

    @Override
    public void finish() {
        StringBuilder b = new StringBuilder(1 << 12);
        if (mode.equals("yaml")) {
            b.append("peers:\n");
            b.append("  - peer: 0\n    host: ").append(host(clientAddr)).append("\n    port: ").append(Math.max(clientPort, 0)).append('\n');
            b.append("  - peer: 1\n    host: ").append(host(serverAddr)).append("\n    port: ").append(serverPort).append('\n');
            b.append("packets:\n");
        } else {
            b.append('\n').append(SEPARATOR).append('\n');
            b.append("Follow: ").append(tap != null ? tap : tcp ? "tcp" : "udp").append(',').append(mode).append('\n');
            b.append("Filter: ").append(filter()).append('\n');
            b.append("Node 0: ").append(node(clientAddr, Math.max(clientPort, 0))).append('\n');
            b.append("Node 1: ").append(node(serverAddr, serverPort)).append('\n');
        }
        long[] offset = new long[2];
        long chunk = 1;
        for (FollowRecords.Chunk c : records.chunks) {
            int d = c.server() ? 1 : 0;
            if (chunk < chunkMin || chunk > chunkMax) {
                offset[d] += c.data().length;
            } else {
                FollowText.chunk(b, mode, c, offset[d]);
                offset[d] += c.data().length;
            }
            chunk++;
            if (b.length() > 1 << 16) {
                out.print(b);
                b.setLength(0);
            }
        }
        if (!mode.equals("yaml")) {
            b.append(SEPARATOR).append('\n');
        }
        out.print(b);
        ReportLimits.note(err, "-z follow", records.chunks.size(), "chunks of the stream", records.leftOut,
                "later chunks are not shown");
    }

    /** The display filter tshark names for the stream. */
    private String filter() {
        String proto = tcp ? "tcp" : "udp";
        if (addr == null) {
            return proto + ".stream eq " + stream;
        }
        String v = addr[0].length == 16 ? "ipv6" : "ip";
        String a0 = ReportFormat.ip(addr[0], addr[0].length);
        String a1 = ReportFormat.ip(addr[1], addr[1].length);
        return "((" + v + ".src eq " + a0 + " and " + proto + ".srcport eq " + port[0] + ") and (" + v + ".dst eq " + a1 + " and "
                + proto + ".dstport eq " + port[1] + ")) or ((" + v + ".src eq " + a1 + " and " + proto + ".srcport eq " + port[1]
                + ") and (" + v + ".dst eq " + a0 + " and " + proto + ".dstport eq " + port[0] + "))";
    }

    private static String host(byte[] a) {
        return a == null ? "" : ReportFormat.ip(a, a.length);
    }

    private static String node(byte[] a, int port) {
        return a != null && a.length == 16 ? "[" + host(a) + "]:" + port : host(a) + ":" + port;
    }

    /** The chunk printers of the four modes. */
    static final class FollowText {
        private static final char[] HEX = "0123456789abcdef".toCharArray();
        /** tshark's yaml lines: 57 bytes, 76 base64 characters. */
        private static final int BASE64_BYTES = 57;

        private FollowText() {
        }

        static void chunk(StringBuilder b, String mode, FollowRecords.Chunk c, long offset) {
            byte[] data = c.data();
            String indent = c.server() ? "\t" : "";
            switch (mode) {
                case "ascii" -> {
                    b.append(indent).append(data.length).append('\n');
                    for (byte x : data) {
                        int v = x & 0xff;
                        b.append(v == '\r' || v == '\n' || (v >= 0x20 && v < 0x7f) ? (char) v : '.');
                    }
                    b.append('\n');
                }
                case "raw" -> {
                    b.append(indent);
                    for (byte x : data) {
                        b.append(HEX[(x >> 4) & 0xf]).append(HEX[x & 0xf]);
                    }
                    b.append('\n');
                }
                case "hex" -> hex(b, indent, offset, data);
                default -> {
                    b.append("  - packet: ").append(c.frame()).append('\n');
                    b.append("    peer: ").append(c.server() ? 1 : 0).append('\n');
                    b.append("    timestamp: ").append(ReportFormat.fixed(ReportFormat.seconds(c.timestampNanos()), 9)).append('\n');
                    b.append("    data: !!binary |\n");
                    for (int i = 0; i < data.length; i += BASE64_BYTES) {
                        int n = Math.min(BASE64_BYTES, data.length - i);
                        b.append("      ").append(Base64.getEncoder().encodeToString(Arrays.copyOfRange(data, i, i + n))).append('\n');
                    }
                }
            }
        }

        /** tshark's follow hex lines: 8 hex digits of offset, 16 bytes in two groups of 8, their ASCII. */
        static void hex(StringBuilder b, String indent, long offset, byte[] data) {
            char[] line = new char[78];
            int hexAt = 0;
            int asciiAt = 0;
            for (int i = 0; i < data.length;) {
                if (i % 16 == 0) {
                    String off = Long.toHexString(offset & 0xFFFF_FFFFL).toUpperCase(java.util.Locale.ROOT);
                    Arrays.fill(line, ' ');
                    for (int k = 0; k < 8; k++) {
                        line[k] = k < 8 - off.length() ? '0' : off.charAt(k - (8 - off.length()));
                    }
                    hexAt = 10;
                    asciiAt = 60;
                }
                int v = data[i] & 0xff;
                line[hexAt++] = HEX[v >> 4];
                line[hexAt++] = HEX[v & 0xf];
                hexAt++;
                line[asciiAt++] = v >= ' ' && v < 0x7f ? (char) v : '.';
                if (++i % 16 == 8) {
                    line[hexAt++] = ' ';
                    line[asciiAt++] = ' ';
                }
                if (i % 16 == 0 || i == data.length) {
                    int end = line[asciiAt - 1] == ' ' ? asciiAt - 1 : asciiAt;
                    b.append(indent).append(line, 0, end).append('\n');
                    offset += 16;
                }
            }
        }
    }
}
