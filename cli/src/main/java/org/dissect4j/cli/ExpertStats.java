package org.dissect4j.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.api.EngineFields;
import org.dissect4j.api.Expert;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Severity;
import org.dissect4j.api.Tree;

/**
 * {@code -z expert[,error|warn|note|chat|comment]}: the expert items of the packets seen, in
 * tshark 4.0's layout (ui/cli/tap-expert.c) — a section per severity from Errors down to the
 * lowest level asked for, each titled with its total, one row per (protocol, summary) pair with its
 * frequency and group, rows in order of first appearance.
 *
 * <p>The summary is the {@link Expert}'s message. Wireshark formats some messages per packet
 * ({@code Connection establish request (SYN): server port 80}, {@code Duplicate ACK (#2)}, the
 * HTTP request line); the dissector API records one fixed message per expert definition, so those
 * rows show the fixed text and are merged (see cli/REPORTS.md). The protocol is the one that
 * registered the expert item; for {@code _ws.malformed} items, the protocol that was malformed.
 * Per packet: a scan of the packet's expert items against the rows of their severity.
 */
final class ExpertStats implements Sink {
    private static final Severity[] ORDER = {Severity.ERROR, Severity.WARNING, Severity.NOTE, Severity.CHAT, Severity.COMMENT};
    private static final String[] LABELS = {"Errors", "Warns", "Notes", "Chats", "Comments"};

    private final PrintStream out;
    private final Severity lowest;
    private final List<List<Row>> rows = new ArrayList<>();
    private Engine engine;

    /** @param lowest the lowest severity reported ({@code -z expert,note} gives Note; plain {@code -z expert} Comment) */
    ExpertStats(PrintStream out, Severity lowest) {
        this.out = out;
        this.lowest = lowest == null ? Severity.COMMENT : lowest;
        for (int i = 0; i < ORDER.length; i++) {
            rows.add(new ArrayList<>());
        }
    }

    /** The lowest severity named by the {@code -z expert,LEVEL} argument (null or empty: all). */
    static Severity level(String arg) {
        if (arg == null || arg.isEmpty()) {
            return Severity.COMMENT;
        }
        return switch (arg) {
            case "error" -> Severity.ERROR;
            case "warn" -> Severity.WARNING;
            case "note" -> Severity.NOTE;
            case "chat" -> Severity.CHAT;
            case "comment" -> Severity.COMMENT;
            default -> throw new IllegalArgumentException("invalid -z expert level \"" + arg
                    + "\"; use error, warn, note, chat or comment");
        };
    }

    private final StringBuilder message = new StringBuilder(128);

    @Override
    public void prime(Engine engine) {
        this.engine = engine;
        // the malformed node carries the id of the protocol that ran out of bytes; record it
        engine.tree().want(EngineFields.MALFORMED.field());
        // per-packet texts such as "...: server port 443" and "Duplicate ACK (#2)"
        engine.tree().want(EngineFields.EXPERT_MESSAGE);
    }

    /** A {@code -z} statistic: counts every packet read, whatever {@code -Y} shows. */
    @Override
    public boolean seesEveryPacket() {
        return true;
    }

    @Override
    public void packet(Frame frame, Packet p) {
        Tree t = p.tree();
        for (int i = 0, n = t.expertCount(); i < n; i++) {
            int node = t.expertNode(i);
            Expert e = t.expertOf(node);
            if (e.severity().ordinal() < lowest.ordinal()) {
                continue;
            }
            String protocol = protocol(p, t, node, e);
            message.setLength(0);
            t.expertMessage(node, message);
            List<Row> list = rows.get(section(e.severity()));
            Row row = null;
            for (Row r : list) {
                if (r.protocol.equals(protocol) && r.summary.contentEquals(message)) {
                    row = r;
                    break;
                }
            }
            if (row == null) {
                row = new Row(protocol, message.toString(), e.group().label());
                list.add(row);
            }
            row.frequency++;
        }
    }

    private static int section(Severity s) {
        for (int i = 0; i < ORDER.length; i++) {
            if (ORDER[i] == s) {
                return i;
            }
        }
        return ORDER.length - 1;
    }

    /**
     * The protocol whose dissector recorded the item, as Wireshark's {@code pinfo->current_proto}:
     * the protocol that registered the expert item, or, when that is a sub-protocol that is not in
     * the packet's chain (TCP's options are protocols of their own), the nearest enclosing protocol
     * by name ({@code tcp.options.sack} gives {@code tcp}) that is.
     */
    private String protocol(Packet p, Tree t, int node, Expert e) {
        if (e == EngineFields.MALFORMED_EXPERT || e == EngineFields.DISSECTOR_BUG) {
            int parent = t.parent(node);
            if (parent >= 0 && t.field(parent) == EngineFields.MALFORMED.field() && t.value(parent) >= 0) {
                Protocol pr = engine.protocolOf(engine.fieldById((int) t.value(parent)));
                if (pr != null) {
                    return pr.shortName();
                }
            }
        }
        Protocol pr = engine == null ? null : engine.protocolOf(e.field());
        if (pr == null) {
            return e.field().abbrev();
        }
        // the nearest enclosing protocol of the packet's chain; sub-protocols such as TCP options
        // (tcp.options.sack) are not layers, so without a match the outermost registered prefix wins
        Protocol outermost = pr;
        String name = pr.filterName();
        while (true) {
            Protocol q = engine.protocol(name);
            if (q != null) {
                if (inChain(p, q)) {
                    return q.shortName();
                }
                outermost = q;
            }
            int dot = name.lastIndexOf('.');
            if (dot <= 0) {
                return outermost.shortName();
            }
            name = name.substring(0, dot);
        }
    }

    private static boolean inChain(Packet p, Protocol q) {
        int id = q.field().id();
        for (int i = 0, n = p.protocolCount(); i < n; i++) {
            if (p.protocolAt(i) == id) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void finish() {
        out.print(render());
        out.flush();
    }

    String render() {
        StringBuilder sb = new StringBuilder(1024);
        for (int s = 0; s < ORDER.length; s++) {
            List<Row> list = rows.get(s);
            if (list.isEmpty()) {
                continue;
            }
            long total = 0;
            for (Row r : list) {
                total += r.frequency;
            }
            sb.append('\n').append(LABELS[s]).append(" (").append(total).append(")\n");
            sb.append("=============\n");
            sb.append("   Frequency      Group           Protocol  Summary\n");
            for (Row r : list) {
                ReportFormat.padLeft(sb, Long.toString(r.frequency), 12);
                sb.append(' ');
                ReportFormat.padLeft(sb, r.group, 10);
                sb.append(' ');
                ReportFormat.padLeft(sb, r.protocol, 18);
                sb.append("  ").append(r.summary).append('\n');
            }
        }
        return sb.toString();
    }

    private static final class Row {
        final String protocol;
        final String summary;
        final String group;
        long frequency;

        Row(String protocol, String summary, String group) {
            this.protocol = protocol;
            this.summary = summary;
            this.group = group;
        }
    }
}
