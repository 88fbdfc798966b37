package org.dissect4j.cli;

import java.io.PrintStream;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;

/**
 * {@code -z flow,tcp,standard} (and {@code flow,tcp,network}, the same for TCP): the TCP flow as
 * tshark 4.0 prints it (epan/sequence_analysis.c, {@code sequence_analysis_dump_to_file}).
 *
 * <pre>
 * |Time     | 10.99.0.2                             |
 * |         |                   | 10.99.0.1         |
 * |0.524318 |         SYN       |                   |Seq = 0
 * |         |(56338)  ------------------&gt;  (8000)   |
 * </pre>
 *
 * Columns 20 characters wide, one per address in order of appearance (even ones named on the first
 * header line, odd ones on the second); per segment a line with the flags label written from the
 * source column to the destination column and the Seq/Ack comment, then a line with the arrow and
 * the ports. With more than one TCP stream a {@code Conv.} column shows the stream index and a
 * dashed line separates the streams.
 */
final class FlowText implements Sink {
    private static final int WIDTH = 20;

    private final PrintStream out;
    private final FlowCollector flow;

    /** @param columns the summary columns (the time column follows {@code -t}); @param digits the capture's time precision */
    FlowText(PrintStream out, Columns columns, FieldsSink.DigitsSource digits) {
        this.out = out;
        this.flow = new FlowCollector(columns, digits, false);
    }

    @Override
    public void prime(Engine engine) {
        flow.prime(engine);
    }

    /** A {@code -z} statistic: counts every packet read, whatever {@code -Y} shows. */
    @Override
    public boolean seesEveryPacket() {
        return true;
    }

    @Override
    public void packet(Frame frame, Packet p) {
        flow.packet(frame, p);
    }

    @Override
    public void finish() {
        out.print(render());
        out.flush();
    }

    String render() {
        FlowCollector f = flow;
        if (f.size == 0) {
            return "";
        }
        boolean several = false;
        for (int i = 1; i < f.size; i++) {
            several |= (f.stream[i] & 0xFFFF) != (f.stream[0] & 0xFFFF);
        }
        String head = several ? "Conv.| Time    " : "|Time     ";
        String emptyHead = several ? "     |         " : "|         ";
        int headLength = several ? 16 : 10;
        int nodes = f.nodes.size();

        StringBuilder sb = new StringBuilder(256 + f.size * 160);
        StringBuilder empty = new StringBuilder(nodes * WIDTH + 1);
        sb.append(head);
        for (int i = 0; i < nodes; i += 2) {
            pad(sb, "| " + f.nodeName(i), 2 * WIDTH);
            pad(empty, "| ", WIDTH);
        }
        sb.append("|\n").append(emptyHead);
        pad(sb, "| ", WIDTH);
        for (int i = 1; i < nodes; i += 2) {
            String label = "| " + f.nodeName(i);
            if (label.length() < WIDTH) {
                StringBuilder l = new StringBuilder(2 * WIDTH);
                pad(l, label, WIDTH);
                label = l.append("| ").toString();
            }
            pad(sb, label, 2 * WIDTH);
            pad(empty, "| ", WIDTH);
        }
        sb.append('\n');
        empty.append('|');
        String separator = "-".repeat(empty.length() + headLength);

        int conv = f.stream[0] & 0xFFFF;
        for (int i = 0; i < f.size; i++) {
            int start = f.srcNode[i] * WIDTH + WIDTH / 2;
            int end = f.dstNode[i] * WIDTH + WIDTH / 2;
            int width;
            if (start != end) {
                width = Math.abs(end - start);
            } else {
                end = start + WIDTH;
                width = WIDTH;
            }
            // Wireshark keeps the conversation number in 16 bits
            int c = f.stream[i] & 0xFFFF;
            if (c != conv) {
                sb.append(separator).append('\n');
                conv = c;
            }
            if (several) {
                pad(sb, Integer.toString(c), 5);
            }
            pad(sb, "|" + f.time[i], 10);
            StringBuilder line = new StringBuilder(empty);
            overwrite(line, f.tcpLabel(i), start, end);
            sb.append(line).append(f.seqAck(i)).append('\n');

            sb.append(emptyHead);
            line = new StringBuilder(empty);
            String arrow = start < end ? "-".repeat(width - 2) + ">" : "<" + "-".repeat(width - 2);
            overwrite(line, arrow, start, end);
            String sp = "(" + f.srcPort[i] + ")";
            String dp = "(" + f.dstPort[i] + ")";
            if (start < end) {
                overwrite(line, sp, start - 9, start - 1);
                overwrite(line, dp, end + 1, end + 9);
            } else {
                overwrite(line, sp, start + 1, start + 9);
                overwrite(line, dp, end - 9, end + 1);
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    private static void pad(StringBuilder sb, String s, int width) {
        ReportFormat.padRight(sb, s, width);
    }

    /**
     * Replaces characters of {@code line} between {@code p1} and {@code p2} (in either order) by
     * {@code text}, cut to that span; a shorter text replaces only as many characters as it has.
     */
    static void overwrite(StringBuilder line, String text, int p1, int p2) {
        if (p1 == p2) {
            return;
        }
        int pos = Math.min(p1, p2);
        int len = Math.min(Math.abs(p2 - p1), text.length());
        pos = Math.max(0, Math.min(pos, line.length()));
        int endErase = Math.min(line.length(), pos + len);
        line.replace(pos, endErase, text.substring(0, len));
    }
}
