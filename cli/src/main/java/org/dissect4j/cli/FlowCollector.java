package org.dissect4j.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The TCP segments of a capture as the items of a flow (sequence) diagram, Wireshark's
 * {@code tcp_seq_analysis_packet}: per segment its stream, endpoints, flags, relative Seq/Ack and
 * segment length, plus the time column text and, when asked, the Info column of upper-layer segments. The
 * nodes (lifelines) are numbered in order of appearance, source before destination, both per
 * address (tshark's text flow) and per address and port (the SVG ladder).
 *
 * <p>A flow prints one line per packet, so each item keeps its time text (and Info text) as a
 * string; everything else is in primitive arrays.
 */
final class FlowCollector {
    /** TCP flag bits ({@code tcp.flags}, 12 bits). */
    static final int FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10;
    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};

    private final Columns columns;
    private final FieldsSink.DigitsSource digits;
    private final boolean info;
    private final TcpSegmentFields tcp = new TcpSegmentFields();

    int size;
    long[] frame = new long[256];
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
    long[] len = new long[256];
    String[] time = new String[256];
    /** The Info column when the Protocol column is not TCP (an upper layer claimed the segment), else null. */
    String[] infoText = new String[256];

    /** Addresses (4 or 16 bytes) of the nodes, in order of appearance. */
    final List<byte[]> nodes = new ArrayList<>();
    /** Endpoints (address node, port) in order of appearance. */
    final List<int[]> endpoints = new ArrayList<>();

    private final byte[] src = new byte[16];
    private final byte[] dst = new byte[16];
    private final StringBuilder sb = new StringBuilder(64);

    /** @param info whether to keep the Info column of upper-layer segments (turns the columns on) */
    FlowCollector(Columns columns, FieldsSink.DigitsSource digits, boolean info) {
        this.columns = columns;
        this.digits = digits;
        this.info = info;
    }

    void prime(Engine engine) {
        tcp.prime(engine);
        if (info) {
            engine.columns(true);
        }
    }

    /** Records the packet's TCP segment (the outer one: a segment quoted by an ICMP error is not one). */
    void packet(Frame f, Packet p) {
        Tree t = p.tree();
        int s = tcp.segment(p);
        if (s < 0) {
            return;
        }
        int i = size;
        if (i == frame.length) {
            grow();
        }
        int n = p.netType() == Packet.AT_IPV6 ? 16 : 4;
        System.arraycopy(p.netSrc(), 0, src, 0, n);
        System.arraycopy(p.netDst(), 0, dst, 0, n);
        frame[i] = f.number();
        rel[i] = ReportFormat.value(t, tcp.rel, 0);
        stream[i] = (int) t.value(s);
        srcPort[i] = (int) ReportFormat.value(t, tcp.srcPort, 0);
        dstPort[i] = (int) ReportFormat.value(t, tcp.dstPort, 0);
        flags[i] = (int) ReportFormat.value(t, tcp.flags, 0);
        seq[i] = ReportFormat.value(t, tcp.seq, 0);
        ack[i] = ReportFormat.value(t, tcp.ack, 0);
        len[i] = ReportFormat.value(t, tcp.len, 0);
        srcNode[i] = node(src, n);
        dstNode[i] = node(dst, n);
        srcEndpoint[i] = endpoint(srcNode[i], srcPort[i]);
        dstEndpoint[i] = endpoint(dstNode[i], dstPort[i]);
        sb.setLength(0);
        columns.time(f, digits.digits(f), sb);
        time[i] = sb.toString();
        if (info) {
            infoText[i] = p.protocolColumn().equals("TCP") ? null : p.info().toString();
        }
        size = i + 1;
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
        time = Arrays.copyOf(time, c);
        infoText = Arrays.copyOf(infoText, c);
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
}
