package org.dissect4j.cli;

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
 * The TCP segments of a capture as the items (rows) of a flow (sequence) diagram, Wireshark's
 * {@code tcp_seq_analysis_packet}: per segment its stream, endpoints, flags, Seq/Ack, segment length,
 * window, SYN options and analysis marks, plus the time column text and, for the SVG, the Info column
 * (the arrow's tooltip; its label when an upper layer claimed the segment). The nodes (lifelines) are
 * numbered in order of appearance, source before destination, both per address (tshark's text flow) and
 * per address and port (the SVG ladder).
 *
 * <p>Big captures: with {@link Limits}, only the streams below {@code streams} are kept, and once a stream
 * (or all of them together) has more than {@code foldAbove} rows, its runs of plain data/ACK segments
 * are folded into one row each ({@link FlowFolding}); past {@code keepAtMost} rows a stream keeps no more.
 * What was left out is counted for the hint on stderr.
 *
 * <p>Each row keeps its time text (and Info text) as a string; everything else is in primitive arrays.
 */
final class FlowCollector {
    /** TCP flag bits ({@code tcp.flags}, 12 bits). */
    static final int FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10;
    /** Bits of {@link #marks}: the TCP analysis marks of {@link TcpSegmentFields}, then ours. */
    static final int RETRANSMISSION = TcpSegmentFields.RETRANSMISSION, DUP_ACK = TcpSegmentFields.DUP_ACK,
            ZERO_WINDOW = TcpSegmentFields.ZERO_WINDOW, TLS_HANDSHAKE = 8, APP_DATA_ONLY = 16, SACK_PERM = 32;
    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};

    /** How much a collector keeps: the first {@code streams} streams, folding past {@code foldAbove} rows. */
    record Limits(int streams, int foldAbove, int keepAtMost, boolean perStream) {
        /** Everything, unfolded (tshark's text flow). */
        static final Limits NONE = new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, false);
    }

    private final Columns columns;
    private final FieldsSink.DigitsSource digits;
    private final boolean info;
    private final Limits limits;
    private final TcpSegmentFields tcp = new TcpSegmentFields();
    private final FlowTls tlsFields = new FlowTls();
    private final FlowFolding folding;
    final TlsOrigins origins = new TlsOrigins();
    /** Whether Seq/Ack are relative to the ISN ({@code tcp.relative_sequence_numbers}). */
    boolean relative = true;

    int size;
    long[] frame = new long[256];
    /** The last frame of a folded row (its first otherwise). */
    long[] lastFrame = new long[256];
    long[] rel = new long[256];
    int[] stream = new int[256];
    int[] srcNode = new int[256];
    int[] dstNode = new int[256];
    int[] srcEndpoint = new int[256];
    int[] dstEndpoint = new int[256];
    int[] srcPort = new int[256];
    int[] dstPort = new int[256];
    int[] flags = new int[256];
    long[] seq = new long[256];
    long[] ack = new long[256];
    /** Payload bytes (of all its segments, for a folded row). */
    long[] len = new long[256];
    long[] window = new long[256];
    int[] mss = new int[256];
    int[] wsMultiplier = new int[256];
    int[] marks = new int[256];
    /** Segments in the row: 1, or more for a folded run; {@link #back} of them went the other way. */
    int[] count = new int[256];
    int[] back = new int[256];
    long[] backBytes = new long[256];
    String[] time = new String[256];
    /** The Info column when the Protocol column is not TCP (an upper layer claimed the segment), else null. */
    String[] infoText = new String[256];
    /** The Info column of every segment (the SVG's tooltip), when asked. */
    String[] summary = new String[256];

    /** Addresses (4 or 16 bytes) of the nodes, in order of appearance. */
    final List<byte[]> nodes = new ArrayList<>();
    /** Endpoints (address node, port) in order of appearance. */
    final List<int[]> endpoints = new ArrayList<>();
    /** The TLS handshake of each stream that had one. */
    final Map<Integer, FlowTls.Session> tls = new HashMap<>();

    /** What was left out: streams past the limit, and their segments; segments of streams that kept no more. */
    int streamsSeen;
    long segmentsSeen;
    long segmentsLeftOut;

    private final byte[] src = new byte[16];
    private final byte[] dst = new byte[16];
    private final StringBuilder sb = new StringBuilder(64);

    /** @param info whether to keep the Info column (turns the columns on) */
    FlowCollector(Columns columns, FieldsSink.DigitsSource digits, boolean info) {
        this(columns, digits, info, Limits.NONE);
    }

    FlowCollector(Columns columns, FieldsSink.DigitsSource digits, boolean info, Limits limits) {
        this.columns = columns;
        this.digits = digits;
        this.info = info;
        this.limits = limits;
        this.folding = new FlowFolding(this, limits);
    }

    void prime(Engine engine) {
        tcp.prime(engine);
        if (info) {
            engine.columns(true);
            tlsFields.prime(engine);
        }
        relative = engine.settings().bool("tcp.relative_sequence_numbers", true);
    }

    /** Records the packet's TCP segment (the outer one: a segment quoted by an ICMP error is not one). */
    void packet(Frame f, Packet p) {
        Tree t = p.tree();
        int s = tcp.segment(p);
        if (s < 0) {
            return;
        }
        int st = (int) t.value(s);
        segmentsSeen++;
        streamsSeen = Math.max(streamsSeen, st + 1);
        int tlsKinds = info ? tlsFields.kinds(t) : 0;
        if (info && (tlsKinds & FlowTls.HANDSHAKE) != 0) {
            // every stream's sessions, drawn or not: a drawn one may have resumed it
            FlowTls.Session session = st < limits.streams() ? tls.computeIfAbsent(st, k -> new FlowTls.Session()) : null;
            tlsFields.handshake(t, f.number(), st, session, origins);
        }
        if (st >= limits.streams()) {
            segmentsLeftOut++;
            return;
        }
        int n = p.netType() == Packet.AT_IPV6 ? 16 : 4;
        System.arraycopy(p.netSrc(), 0, src, 0, n);
        System.arraycopy(p.netDst(), 0, dst, 0, n);
        int srcE = endpoint(node(src, n), (int) ReportFormat.value(t, tcp.srcPort, 0));
        int dstE = endpoint(node(dst, n), (int) ReportFormat.value(t, tcp.dstPort, 0));
        int fl = (int) ReportFormat.value(t, tcp.flags, 0);
        long payload = ReportFormat.value(t, tcp.len, 0);
        int mk = tcp.marks(t) | ((tlsKinds & FlowTls.HANDSHAKE) != 0 ? TLS_HANDSHAKE : 0)
                | ((tlsKinds & FlowTls.APP_DATA_ONLY) != 0 ? APP_DATA_ONLY : 0);
        boolean upper = info && !p.protocolColumn().equals("TCP");
        if (folding.merge(st, srcE, fl, mk, upper, payload, f.number())) {
            return;
        }
        if (!folding.room(st)) {
            segmentsLeftOut++;
            return;
        }
        int i = add(st, srcE, dstE, fl, payload, mk, f.number());
        details(i, f, p, upper);
        folding.added(i, upper);
    }

    /** What only a row of its own shows: Seq/Ack, window, SYN options, the time and Info texts. */
    private void details(int i, Frame f, Packet p, boolean upper) {
        Tree t = p.tree();
        boolean syn = (flags[i] & SYN) != 0;
        rel[i] = ReportFormat.value(t, tcp.rel, 0);
        seq[i] = ReportFormat.value(t, tcp.seq, 0);
        ack[i] = ReportFormat.value(t, tcp.ack, 0);
        // a SYN's window is never scaled: the value as sent is the window
        window[i] = ReportFormat.value(t, syn ? tcp.windowValue : tcp.window, -1);
        if (syn) {
            mss[i] = (int) ReportFormat.value(t, tcp.mss, -1);
            long shift = ReportFormat.value(t, tcp.ws, -1);
            wsMultiplier[i] = shift < 0 ? -1 : 1 << Math.min(shift, 14);
            marks[i] |= ReportFormat.first(t, tcp.sackPerm) >= 0 ? SACK_PERM : 0;
        }
        sb.setLength(0);
        columns.time(f, digits.digits(f), sb);
        time[i] = sb.toString();
        if (info) {
            infoText[i] = upper ? p.info().toString() : null;
            summary[i] = upper ? infoText[i] : p.info().toString();
        }
    }

    /** Appends a row of one segment; returns its index. */
    private int add(int st, int srcE, int dstE, int fl, long payload, int mk, long frameNo) {
        int i = size;
        if (i == frame.length) {
            grow();
        }
        frame[i] = frameNo;
        lastFrame[i] = frameNo;
        stream[i] = st;
        srcEndpoint[i] = srcE;
        dstEndpoint[i] = dstE;
        srcNode[i] = endpoints.get(srcE)[0];
        dstNode[i] = endpoints.get(dstE)[0];
        srcPort[i] = endpoints.get(srcE)[1];
        dstPort[i] = endpoints.get(dstE)[1];
        flags[i] = fl;
        len[i] = payload;
        marks[i] = mk;
        count[i] = 1;
        back[i] = 0;
        backBytes[i] = 0;
        mss[i] = -1;
        wsMultiplier[i] = -1;
        size = i + 1;
        return i;
    }

    /** Moves row {@code from} to {@code to} (folding compacts the rows). */
    void move(int from, int to) {
        frame[to] = frame[from];
        lastFrame[to] = lastFrame[from];
        rel[to] = rel[from];
        stream[to] = stream[from];
        srcNode[to] = srcNode[from];
        dstNode[to] = dstNode[from];
        srcEndpoint[to] = srcEndpoint[from];
        dstEndpoint[to] = dstEndpoint[from];
        srcPort[to] = srcPort[from];
        dstPort[to] = dstPort[from];
        flags[to] = flags[from];
        seq[to] = seq[from];
        ack[to] = ack[from];
        len[to] = len[from];
        window[to] = window[from];
        mss[to] = mss[from];
        wsMultiplier[to] = wsMultiplier[from];
        marks[to] = marks[from];
        count[to] = count[from];
        back[to] = back[from];
        backBytes[to] = backBytes[from];
        time[to] = time[from];
        infoText[to] = infoText[from];
        summary[to] = summary[from];
    }

    private int node(byte[] a, int n) {
        for (int k = 0; k < nodes.size(); k++) {
            byte[] x = nodes.get(k);
            if (x.length == n && Arrays.equals(x, 0, n, a, 0, n)) {
                return k;
            }
        }
        nodes.add(Arrays.copyOf(a, n));
        return nodes.size() - 1;
    }

    private int endpoint(int node, int port) {
        for (int k = 0; k < endpoints.size(); k++) {
            int[] e = endpoints.get(k);
            if (e[0] == node && e[1] == port) {
                return k;
            }
        }
        endpoints.add(new int[] {node, port});
        return endpoints.size() - 1;
    }

    private void grow() {
        int c = frame.length * 2;
        frame = Arrays.copyOf(frame, c);
        lastFrame = Arrays.copyOf(lastFrame, c);
        rel = Arrays.copyOf(rel, c);
        stream = Arrays.copyOf(stream, c);
        srcNode = Arrays.copyOf(srcNode, c);
        dstNode = Arrays.copyOf(dstNode, c);
        srcEndpoint = Arrays.copyOf(srcEndpoint, c);
        dstEndpoint = Arrays.copyOf(dstEndpoint, c);
        srcPort = Arrays.copyOf(srcPort, c);
        dstPort = Arrays.copyOf(dstPort, c);
        flags = Arrays.copyOf(flags, c);
        seq = Arrays.copyOf(seq, c);
        ack = Arrays.copyOf(ack, c);
        len = Arrays.copyOf(len, c);
        window = Arrays.copyOf(window, c);
        mss = Arrays.copyOf(mss, c);
        wsMultiplier = Arrays.copyOf(wsMultiplier, c);
        marks = Arrays.copyOf(marks, c);
        count = Arrays.copyOf(count, c);
        back = Arrays.copyOf(back, c);
        backBytes = Arrays.copyOf(backBytes, c);
        time = Arrays.copyOf(time, c);
        infoText = Arrays.copyOf(infoText, c);
        summary = Arrays.copyOf(summary, c);
    }

    /** Whether runs of segments were folded into single rows. */
    boolean folded() {
        return folding.any();
    }

    String nodeName(int k) {
        byte[] a = nodes.get(k);
        return ReportFormat.ip(a, a.length);
    }

    /** {@code 10.0.0.1:80}, {@code [fd00::1]:8080}. */
    String endpointName(int k) {
        int[] e = endpoints.get(k);
        byte[] a = nodes.get(e[0]);
        String ip = ReportFormat.ip(a, a.length);
        return (a.length == 16 ? "[" + ip + "]" : ip) + ":" + e[1];
    }

    /** Wireshark's {@code tcp_flags_to_str}: {@code SYN, ACK}; {@code <None>} when no flag is set. */
    static String flagNames(int flags) {
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < FLAG_NAMES.length; i++) {
            if ((flags & (1 << i)) != 0) {
                if (!sb.isEmpty()) {
                    sb.append(", ");
                }
                sb.append(FLAG_NAMES[i]);
            }
        }
        if ((flags & 0xE00) != 0) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append("Reserved");
        }
        return sb.isEmpty() ? "<None>" : sb.toString();
    }

    /** The TCP label of item {@code i}: {@code PSH, ACK - Len: 23}. */
    String tcpLabel(int i) {
        String f = flagNames(flags[i]);
        return len[i] != 0 ? f + " - Len: " + len[i] : f;
    }

    /** The comment of item {@code i}: {@code Seq = 1 Ack = 24} ({@code Seq = 0} without ACK). */
    String seqAck(int i) {
        return (flags[i] & ACK) != 0 ? "Seq = " + seq[i] + " Ack = " + ack[i] : "Seq = " + seq[i];
    }

    /** What a SYN or SYN/ACK offered, as tshark's Info shows it: {@code MSS=1460 WS=1024 SACK_PERM Win=64240}. */
    String synOptions(int i) {
        StringBuilder o = new StringBuilder(48);
        if (mss[i] >= 0) {
            o.append("MSS=").append(mss[i]).append(' ');
        }
        if (wsMultiplier[i] >= 0) {
            o.append("WS=").append(wsMultiplier[i]).append(' ');
        }
        if ((marks[i] & SACK_PERM) != 0) {
            o.append("SACK_PERM ");
        }
        return o.append("Win=").append(window[i]).toString();
    }
}
