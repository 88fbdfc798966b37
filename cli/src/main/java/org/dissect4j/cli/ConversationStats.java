package org.dissect4j.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * {@code -z conv,TYPE} for TYPE {@code eth}, {@code ip}, {@code ipv6}, {@code tcp} or {@code udp}:
 * tshark 4.0's conversation table (ui/cli/tap-iousers.c) byte for byte — the header for the
 * {@code -t} time format, one line per conversation sorted by total frames (descending, ties in
 * order of appearance), the {@code <-}/{@code ->} columns counting frames towards and from the
 * first packet's source, sizes as {@code format_size} prints them, the relative start and the
 * duration as {@code %.9f}/{@code %.4f} of Wireshark's double seconds.
 *
 * <p>As Wireshark's taps: one count per header of the protocol (a tunnel counts each IP header),
 * none for the datagram quoted inside an ICMP error; TCP and UDP conversations are keyed by their
 * stream index as well as addresses and ports, so a reused port pair is a new line. Bytes are
 * frame lengths. Per packet: array and map look-ups, no allocation for a known conversation.
 */
final class ConversationStats implements Sink {
    /** The {@code -z conv,TYPE} types supported. */
    static final List<String> TYPES = List.of("eth", "ip", "ipv6", "tcp", "udp");

    private final PrintStream out;
    private final String type;
    private final String timeFormat;
    private final Columns names;
    private final boolean ports;

    private int[] srcIds, dstIds, streamIds, srcPortIds, dstPortIds, ip4Src, ip4Dst, ip6Src, ip6Dst, icmpIds;
    private int[] relIds;

    private final int limit;
    private final PrintStream err;
    private long notCounted;
    private final List<Conv> convs = new ArrayList<>();
    private Conv[] byStream = new Conv[64];
    private final Map<Key, Conv> byAddress = new HashMap<>();
    private final Key probe = new Key();
    private final byte[] a = new byte[16];
    private final byte[] b = new byte[16];

    /**
     * @param type         {@code eth}, {@code ip}, {@code ipv6}, {@code tcp} or {@code udp} (see {@link #TYPES})
     * @param timeFormat   the {@code -t} format (the start column follows it as tshark's does)
     * @param resolveNames MAC name resolution (Broadcast, IPv6mcast_...) unless {@code -n}
     */
    ConversationStats(PrintStream out, String type, String timeFormat, boolean resolveNames) {
        this(out, type, timeFormat, resolveNames, ReportLimits.DEFAULT, System.err);
    }

    /**
     * @param limit conversations kept ({@code --report-limit}); packets of later ones are counted and named
     *              in a note on {@code err}
     */
    ConversationStats(PrintStream out, String type, String timeFormat, boolean resolveNames, int limit, PrintStream err) {
        this.limit = limit;
        this.err = err;
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("invalid -z conv type \"" + type + "\"; use " + String.join(", ", TYPES));
        }
        this.out = out;
        this.type = type;
        this.timeFormat = timeFormat == null ? "r" : timeFormat;
        this.names = new Columns("r", resolveNames);
        this.ports = type.equals("tcp") || type.equals("udp");
    }

    @Override
    public void prime(Engine engine) {
        relIds = ReportFormat.want(engine, "frame.time_relative");
        icmpIds = ReportFormat.concat(ReportFormat.want(engine, "icmp"), ReportFormat.want(engine, "icmpv6"));
        // protocol nodes give the quoted headers of ICMP errors a parent chain up to the ICMP node
        ReportFormat.want(engine, "ip");
        ReportFormat.want(engine, "ipv6");
        ReportFormat.want(engine, "tcp");
        ReportFormat.want(engine, "udp");
        switch (type) {
            case "eth" -> {
                srcIds = ReportFormat.want(engine, "eth.src");
                dstIds = ReportFormat.want(engine, "eth.dst");
            }
            case "ip" -> {
                srcIds = ReportFormat.want(engine, "ip.src");
                dstIds = ReportFormat.want(engine, "ip.dst");
            }
            case "ipv6" -> {
                srcIds = ReportFormat.want(engine, "ipv6.src");
                dstIds = ReportFormat.want(engine, "ipv6.dst");
            }
            default -> {
                streamIds = ReportFormat.want(engine, type + ".stream");
                srcPortIds = ReportFormat.want(engine, type + ".srcport");
                dstPortIds = ReportFormat.want(engine, type + ".dstport");
                ip4Src = ReportFormat.want(engine, "ip.src");
                ip4Dst = ReportFormat.want(engine, "ip.dst");
                ip6Src = ReportFormat.want(engine, "ipv6.src");
                ip6Dst = ReportFormat.want(engine, "ipv6.dst");
            }
        }
    }

    /** A {@code -z} statistic: counts every packet read, whatever {@code -Y} shows. */
    @Override
    public boolean seesEveryPacket() {
        return true;
    }

    @Override
    public void packet(Frame frame, Packet p) {
        Tree t = p.tree();
        long rel = ReportFormat.value(t, relIds, 0);
        long abs = frame.timestampNanos();
        long len = frame.originalLength();
        if (ports) {
            transport(t, rel, abs, len);
            return;
        }
        if (srcIds.length == 0 || dstIds.length == 0) {
            return;
        }
        // the k-th source goes with the k-th destination (Ethernet records the destination first)
        for (int s = t.first(srcIds[0]), d = t.first(dstIds[0]); s >= 0 && d >= 0; s = t.next(s), d = t.next(d)) {
            if (ReportFormat.inside(t, s, icmpIds)) {
                continue;
            }
            int n;
            if (type.equals("ip")) {
                ReportFormat.ipv4Bytes(t.value(s), a);
                ReportFormat.ipv4Bytes(t.value(d), b);
                n = 4;
            } else {
                n = Math.min(ReportFormat.bytes(t, s, a), ReportFormat.bytes(t, d, b));
            }
            Conv c = findByAddress(n, 0, 0);
            count(c, n, 0, 0, rel, abs, len);
        }
    }

    private void transport(Tree t, long rel, long abs, long len) {
        for (int id : streamIds) {
            for (int s = t.first(id); s >= 0; s = t.next(s)) {
                if (ReportFormat.inside(t, s, icmpIds)) {
                    continue;
                }
                int sp = ReportFormat.lastBefore(t, srcPortIds, s);
                int dp = ReportFormat.lastBefore(t, dstPortIds, s);
                int v4 = ReportFormat.lastBefore(t, ip4Src, s);
                int v6 = ReportFormat.lastBefore(t, ip6Src, s);
                if (sp < 0 || dp < 0 || (v4 < 0 && v6 < 0)) {
                    continue;
                }
                int n;
                if (v4 > v6) {
                    int d = ReportFormat.firstAfter(t, ip4Dst, v4);
                    if (d < 0) {
                        continue;
                    }
                    ReportFormat.ipv4Bytes(t.value(v4), a);
                    ReportFormat.ipv4Bytes(t.value(d), b);
                    n = 4;
                } else {
                    int d = ReportFormat.firstAfter(t, ip6Dst, v6);
                    if (d < 0) {
                        continue;
                    }
                    ReportFormat.bytes(t, v6, a);
                    ReportFormat.bytes(t, d, b);
                    n = 16;
                }
                int srcPort = (int) t.value(sp);
                int dstPort = (int) t.value(dp);
                long stream = t.value(s);
                Conv c = findByStream(stream, n, srcPort, dstPort);
                count(c, n, srcPort, dstPort, rel, abs, len);
            }
        }
    }

    /** TCP/UDP: the stream index names the conversation (Wireshark's conv_id); addresses and ports must match too. */
    private Conv findByStream(long stream, int n, int srcPort, int dstPort) {
        if (stream < 0 || stream > Integer.MAX_VALUE - 8) {
            return findByAddress(n, srcPort, dstPort);
        }
        int i = (int) stream;
        if (i >= byStream.length) {
            if (convs.size() >= limit) {
                // past the limit the index array stops growing: the packet belongs to a conversation not kept
                notCounted++;
                return null;
            }
            byStream = Arrays.copyOf(byStream, Math.max(i + 1, byStream.length * 2));
        }
        Conv c = byStream[i];
        if (c != null && c.matches(a, b, n, srcPort, dstPort)) {
            return c;
        }
        if (c != null) {
            return findByAddress(n, srcPort, dstPort);
        }
        c = newConv(n, srcPort, dstPort);
        byStream[i] = c;
        return c;
    }

    private Conv findByAddress(int n, int srcPort, int dstPort) {
        probe.set(a, b, n, srcPort, dstPort);
        Conv c = byAddress.get(probe);
        if (c != null) {
            return c;
        }
        probe.set(b, a, n, dstPort, srcPort);
        c = byAddress.get(probe);
        if (c != null) {
            return c;
        }
        c = newConv(n, srcPort, dstPort);
        if (c == null) {
            return null;
        }
        Key k = new Key();
        k.set(a, b, n, srcPort, dstPort);
        byAddress.put(k, c);
        return c;
    }

    /** A new conversation, or null past the limit (the packet is then only counted in {@link #notCounted}). */
    private Conv newConv(int n, int srcPort, int dstPort) {
        if (convs.size() >= limit) {
            notCounted++;
            return null;
        }
        Conv c = new Conv();
        c.src = Arrays.copyOf(a, n);
        c.dst = Arrays.copyOf(b, n);
        c.srcPort = srcPort;
        c.dstPort = dstPort;
        c.fresh = true;
        convs.add(c);
        return c;
    }

    private void count(Conv c, int n, int srcPort, int dstPort, long rel, long abs, long len) {
        if (c == null) {
            return;
        }
        if (c.fresh) {
            c.fresh = false;
            c.start = rel;
            c.stop = rel;
            c.startAbs = abs;
        }
        if (c.forward(a, b, n, srcPort, dstPort)) {
            c.txFrames++;
            c.txBytes += len;
        } else {
            c.rxFrames++;
            c.rxBytes += len;
        }
        if (rel > c.stop) {
            c.stop = rel;
        } else if (rel < c.start) {
            c.start = rel;
            c.startAbs = abs;
        }
    }

    @Override
    public void finish() {
        render(out::append);
        out.flush();
        ReportLimits.note(err, "-z conv," + type, limit, "conversations", notCounted, "packets of later ones are not counted");
    }

    /** The table as tshark prints it. */
    String render() {
        StringBuilder all = new StringBuilder();
        render(all::append);
        return all.toString();
    }

    /** Writes the table a few lines at a time, so it never exists whole in memory. */
    void render(java.util.function.Consumer<CharSequence> to) {
        StringBuilder sb = new StringBuilder(8192 + 256);
        String rule = "================================================================================\n";
        sb.append(rule);
        sb.append(title()).append(" Conversations\n");
        sb.append("Filter:<No Filter>\n");
        String pad = ports ? "            " : "";
        String[] h = headers();
        sb.append(pad).append("                                               |       <-      | |       ->      | |     Total     |")
                .append(h[0]).append("|   Duration   |\n");
        sb.append(pad).append("                                               | Frames  ").append(h[2]).append(" | | Frames  ")
                .append(h[2]).append(" | | Frames  ").append(h[2]).append(" |").append(h[1]).append("|              |\n");
        // most frames first, conversations with as many frames in the order they began (a stable sort: one
        // pass per distinct count, as before, was quadratic in the conversations)
        List<Conv> sorted = new ArrayList<>(convs);
        sorted.sort((x, y) -> Long.compare(y.rxFrames + y.txFrames, x.rxFrames + x.txFrames));
        for (Conv c : sorted) {
            if (c.rxFrames + c.txFrames == 0) {
                continue;
            }
            line(c, sb);
            if (sb.length() >= 8192) {
                to.accept(sb);
                sb.setLength(0);
            }
        }
        sb.append(rule);
        to.accept(sb);
    }

    private String title() {
        return switch (type) {
            case "eth" -> "Ethernet";
            case "ip" -> "IPv4";
            case "ipv6" -> "IPv6";
            case "tcp" -> "TCP";
            default -> "UDP";
        };
    }

    /** {title of the start column, its second line, the size column title} for the time format. */
    private String[] headers() {
        return switch (timeFormat) {
            case "a", "u" -> new String[] {" Absolute Time  ", "      Start     ", "Size "};
            case "ad", "adoy", "ud", "udoy" -> new String[] {" Absolute Date  ", "     Start      ", "Size "};
            case "e" -> new String[] {"       Relative       ", "         Start        ", "Bytes"};
            default -> new String[] {"    Relative    ", "      Start     ", "Bytes"};
        };
    }

    private void line(Conv c, StringBuilder sb) {
        String src = address(c.src);
        String dst = address(c.dst);
        if (ports) {
            ReportFormat.padRight(sb, src + ":" + c.srcPort, 26);
            sb.append(" <-> ");
            ReportFormat.padRight(sb, dst + ":" + c.dstPort, 26);
        } else {
            ReportFormat.padRight(sb, src, 20);
            sb.append(" <-> ");
            ReportFormat.padRight(sb, dst, 20);
        }
        sb.append("  ");
        ReportFormat.padLeft(sb, Long.toString(c.rxFrames), 6);
        sb.append(' ');
        ReportFormat.padRight(sb, ReportFormat.size(c.rxBytes), 9);
        sb.append("  ");
        ReportFormat.padLeft(sb, Long.toString(c.txFrames), 6);
        sb.append(' ');
        ReportFormat.padRight(sb, ReportFormat.size(c.txBytes), 9);
        sb.append("  ");
        ReportFormat.padLeft(sb, Long.toString(c.txFrames + c.rxFrames), 6);
        sb.append(' ');
        ReportFormat.padRight(sb, ReportFormat.size(c.txBytes + c.rxBytes), 9);
        sb.append("  ");
        start(c, sb);
        sb.append("   ");
        ReportFormat.padLeft(sb, ReportFormat.fixed(ReportFormat.seconds(c.stop) - ReportFormat.seconds(c.start), 4), 12);
        sb.append('\n');
    }

    private void start(Conv c, StringBuilder sb) {
        switch (timeFormat) {
            case "a", "ad", "adoy", "u", "ud", "udoy" -> {
                ZoneId zone = timeFormat.startsWith("u") ? ZoneOffset.UTC : ZoneId.systemDefault();
                ZonedDateTime z = Instant.ofEpochSecond(Math.floorDiv(c.startAbs, 1_000_000_000L)).atZone(zone);
                if (timeFormat.endsWith("doy")) {
                    sb.append(String.format("%04d/%03d ", z.getYear(), z.getDayOfYear()));
                } else if (timeFormat.endsWith("d")) {
                    sb.append(String.format("%04d-%02d-%02d ", z.getYear(), z.getMonthValue(), z.getDayOfMonth()));
                }
                sb.append(String.format("%02d:%02d:%02d", z.getHour(), z.getMinute(), z.getSecond()));
            }
            case "e" -> ReportFormat.padLeft(sb, ReportFormat.fixed(ReportFormat.seconds(c.startAbs), 9), 20);
            default -> ReportFormat.padLeft(sb, ReportFormat.fixed(ReportFormat.seconds(c.start), 9), 14);
        }
    }

    private String address(byte[] x) {
        if (type.equals("eth")) {
            StringBuilder sb = new StringBuilder(24);
            names.mac(x, sb);
            return sb.toString();
        }
        return ReportFormat.ip(x, x.length);
    }

    /** One conversation: the first packet's source is {@code src}; "->" counts frames from it. */
    private static final class Conv {
        byte[] src;
        byte[] dst;
        int srcPort;
        int dstPort;
        boolean fresh;
        long txFrames, txBytes, rxFrames, rxBytes;
        long start, stop, startAbs;

        boolean matches(byte[] x, byte[] y, int n, int xp, int yp) {
            return forward(x, y, n, xp, yp) || forward(y, x, n, yp, xp);
        }

        boolean forward(byte[] x, byte[] y, int n, int xp, int yp) {
            return n == src.length && xp == srcPort && yp == dstPort
                    && Arrays.equals(src, 0, n, x, 0, n) && Arrays.equals(dst, 0, n, y, 0, n);
        }
    }

    /** Addresses and ports of one direction; a reusable probe for look-ups, copied when stored. */
    private static final class Key {
        final byte[] x = new byte[16];
        final byte[] y = new byte[16];
        int n;
        int xp;
        int yp;
        int hash;

        void set(byte[] src, byte[] dst, int len, int srcPort, int dstPort) {
            System.arraycopy(src, 0, x, 0, len);
            System.arraycopy(dst, 0, y, 0, len);
            Arrays.fill(x, len, 16, (byte) 0);
            Arrays.fill(y, len, 16, (byte) 0);
            n = len;
            xp = srcPort;
            yp = dstPort;
            hash = (Arrays.hashCode(x) * 31 + Arrays.hashCode(y)) * 31 + (xp * 65537 + yp) + n;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.n == n && k.xp == xp && k.yp == yp && Arrays.equals(k.x, x) && Arrays.equals(k.y, y);
        }
    }
}
