package org.dissect4j.cli;

import java.io.PrintStream;
import org.dissect4j.api.Bytes;
import org.dissect4j.api.Engine;
import org.dissect4j.api.EngineFields;
import org.dissect4j.api.Expert;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * {@code -V} (the packet details tree, four spaces per level, generated values in brackets) and
 * {@code -x} (hex and ASCII dump of every data source), in tshark's layout.
 */
final class DetailSink implements Sink {
    private final Utf8Lines utf8;
    private final boolean tree;
    private final boolean hex;
    private final Sink summary;
    private final TreeWalk walk = new TreeWalk();
    private StringBuilder sb = new StringBuilder(256);
    /** {@code --color}: the coloring rules, else null; and the rule of the packet being printed. */
    ColorRules colors;
    private ColorRules.Rule rule;

    DetailSink(PrintStream out, boolean tree, boolean hex, Sink summary) {
        this.utf8 = new Utf8Lines(out);
        this.tree = tree;
        this.hex = hex;
        this.summary = summary;
    }

    @Override
    public void prime(Engine engine) {
        if (tree || hex) {
            // -x alone too: the data sources (reassembled, decrypted, de-chunked bytes) come from the whole dissection
            engine.tree().wantAll(true);
        }
        if (tree) {
            engine.tree().wantLabels(true);
        }
        if (summary != null) {
            summary.prime(engine);
        }
        if (colors != null && tree) {
            colors.prime(engine);
        }
    }

    @Override
    public void packet(Frame frame, Packet p) throws java.io.IOException {
        Tree t = p.tree();
        if (summary != null) {
            summary.packet(frame, p);
        }
        if (tree) {
            rule = colors == null ? null : colors.match(t);
            walk.build(t);
            for (int n = walk.roots(); n >= 0; n = walk.nextSibling(n)) {
                print(t, n, 0);
            }
        }
        if (hex) {
            if (tree) {
                utf8.line("");
            }
            int sources = t.sourceCount();
            for (int s = 0; s < sources; s++) {
                if (sources > 1) {
                    sb.setLength(0);
                    int length = t.sourceLength(s);
                    line(sb.append(t.sourceName(s)).append(" (").append(length).append(" byte").append(length == 1 ? "" : "s").append("):"));
                }
                dump(t, s, 0, t.sourceLength(s));
            }
        }
        utf8.line("");
        utf8.flush();
    }

    /** Keeps a line for the packet's one write; a builder that took a character beyond Latin-1 is renewed (see Utf8Lines#wide). */
    private void line(StringBuilder s) {
        utf8.line(s);
        if (utf8.wide()) {
            sb = new StringBuilder(256);
        }
    }

    private void print(Tree t, int node, int depth) {
        Field f = t.field(node);
        if (f.hidden() || (t.flags(node) & Tree.HIDDEN) != 0) {
            return;
        }
        sb.setLength(0);
        indent(depth);
        boolean generated = (t.flags(node) & Tree.GENERATED) != 0 && (t.flags(node) & Tree.EXPERT) == 0;
        if (generated) {
            sb.append('[');
        }
        if ((t.flags(node) & Tree.EXPERT) != 0) {
            sb.append('[');
            FieldFormat.expertInfo(t, node, sb);
            sb.append(']');
        } else {
            FieldFormat.label(t, node, sb);
        }
        if (generated) {
            sb.append(']');
        }
        line(sb);
        if ((t.flags(node) & Tree.EXPERT) != 0) {
            expertDetails(t, node, depth + 1);
        }
        if (!hex && f == EngineFields.DATA.field()) {
            // tshark -V (without -x) shows undissected bytes as a hex dump under their Data line
            utf8.line("");
            dump(t, t.source(node), t.offset(node), Math.min(t.length(node), t.sourceLength(t.source(node)) - t.offset(node)));
        }
        for (int c = walk.firstChild(node); c >= 0; c = walk.nextSibling(c)) {
            print(t, c, depth + 1);
        }
        if (rule != null && depth == 0 && f.abbrev().equals("frame")) {
            // --color: the rule that colored the packet, the frame's last two lines as tshark prints them
            utf8.line("    [Coloring Rule Name: " + rule.name() + "]");
            utf8.line("    [Coloring Rule String: " + rule.text() + "]");
        }
    }

    /** The lines tshark shows under an expert item: its message, severity and group, generated. */
    private void expertDetails(Tree t, int node, int depth) {
        Expert e = t.expertOf(node);
        sb.setLength(0);
        indent(depth).append('[');
        t.expertMessage(node, sb);
        line(sb.append(']'));
        sb.setLength(0);
        line(indent(depth).append("[Severity level: ").append(e.severity().label()).append(']'));
        sb.setLength(0);
        line(indent(depth).append("[Group: ").append(e.group().label()).append(']'));
    }

    private StringBuilder indent(int depth) {
        for (int i = 0; i < depth; i++) {
            sb.append("    ");
        }
        return sb;
    }

    /** {@code len} bytes of source {@code src} from {@code from}, in tshark's hex-and-ASCII lines (offsets from {@code from}). */
    private void dump(Tree t, int src, int from, int len) {
        var seg = t.segment(src);
        long base = t.base(src) + from;
        for (int off = 0; off < len; off += 16) {
            sb.setLength(0);
            String o = Integer.toHexString(off);
            for (int i = o.length(); i < 4; i++) {
                sb.append('0');
            }
            sb.append(o).append("  ");
            int n = Math.min(16, len - off);
            for (int i = 0; i < 16; i++) {
                if (i < n) {
                    int b = Bytes.u8(seg, base + off + i);
                    sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16)).append(' ');
                } else {
                    sb.append("   ");
                }
            }
            sb.append("  ");
            for (int i = 0; i < n; i++) {
                int b = Bytes.u8(seg, base + off + i);
                sb.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
            }
            line(sb);
        }
    }
}
