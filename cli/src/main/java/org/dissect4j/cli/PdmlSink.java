package org.dissect4j.cli;

import java.io.PrintStream;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Set;
import org.dissect4j.api.Base;
import org.dissect4j.api.Engine;
import org.dissect4j.api.EngineFields;
import org.dissect4j.api.Expert;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * {@code -T pdml}: the packet details tree as tshark's PDML (Wireshark's {@code proto_tree_write_node_pdml}).
 * Per packet a {@code geninfo} pseudo-protocol, then every node of the tree, hidden ones with
 * {@code hide="yes"}: protocols as {@code <proto>}, fields as {@code <field>} with the {@code -V} label
 * ({@code showname}), the display value ({@code show}) and the hex of their bytes ({@code value}; a masked
 * field's value and its bytes as {@code unmaskedvalue}). Top-level items that are not protocols sit in a
 * {@code fake-field-wrapper}; expert items carry their message, severity and group. {@code -j}/{@code -J}
 * keep the subtrees of the listed protocols and fields only. Streams one packet at a time.
 */
final class PdmlSink implements Sink {
    private final PrintStream out;
    private final Utf8Lines utf8;
    private final String captureFile;
    private final Set<String> filter;
    private final boolean filterChildren;
    private final TreeWalk walk = new TreeWalk();
    private StringBuilder sb = new StringBuilder(1 << 14);
    private StringBuilder tmp = new StringBuilder(256);
    private TreeNodes nodes;
    /** {@code --color}: the coloring rules, else null; and the rule of the packet being written. */
    ColorRules colors;
    private ColorRules.Rule rule;

    /**
     * @param filter the {@code -j}/{@code -J} protocols whose children are written, or {@code null} for all
     * @param includeChildren {@code -J}: below a listed protocol, everything
     */
    PdmlSink(PrintStream out, String captureFile, Set<String> filter, boolean includeChildren) {
        this.out = out;
        this.utf8 = new Utf8Lines(out);
        this.captureFile = captureFile;
        this.filter = filter;
        this.filterChildren = includeChildren;
    }

    @Override
    public void prime(Engine engine) {
        if (colors != null) {
            colors.prime(engine);
        }
        engine.tree().wantAll(true);
        engine.tree().wantLabels(true);
        nodes = new TreeNodes(engine);
        out.print("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<?xml-stylesheet type=\"text/xsl\" href=\"pdml2html.xsl\"?>\n"
                + "<!-- You can find pdml2html.xsl in /usr/share/wireshark or at "
                + "https://gitlab.com/wireshark/wireshark/-/raw/master/pdml2html.xsl. -->\n");
        sb.setLength(0);
        sb.append("<pdml version=\"0\" creator=\"wireshark/").append(Main.TSHARK_VERSION).append("\" time=\"")
                .append(asctime(ZonedDateTime.now())).append("\" capture_file=\"");
        Xml.escape(captureFile == null ? "" : captureFile, sb);
        utf8.print(sb.append("\">\n"));
    }

    @Override
    public void packet(Frame frame, Packet p) {
        Tree t = p.tree();
        sb.setLength(0);
        sb.append("<packet>\n");
        walk.build(t);
        rule = colors == null ? null : colors.match(t);
        geninfo(frame, t);
        for (int n = walk.roots(); n >= 0; n = walk.nextSibling(n)) {
            node(t, n, 0, filter);
        }
        // write_pdml_proto_tree ends a packet with a blank line, and tshark prints one more after it
        sb.append("</packet>\n\n\n");
        utf8.print(sb);
        if (utf8.wide()) {
            // a builder that held a character beyond Latin-1 stays slow for good (see Utf8Lines#wide)
            sb = new StringBuilder(1 << 14);
            tmp = new StringBuilder(256);
        }
    }

    @Override
    public void finish() {
        out.print("</pdml>\n");
    }

    /** The {@code geninfo} pseudo-protocol PDML requires: number, lengths and time of the frame. */
    private void geninfo(Frame frame, Tree t) {
        int size = 0;
        for (int n = walk.roots(); n >= 0; n = walk.nextSibling(n)) {
            if (t.field(n).abbrev().equals("frame")) {
                size = t.length(n);
                break;
            }
        }
        long ts = frame.timestampNanos();
        tmp.setLength(0);
        FieldFormat.absoluteTime(ts, Base.LOCAL, tmp);
        String time = tmp.toString();
        tmp.setLength(0);
        tmp.append(Math.floorDiv(ts, 1_000_000_000L)).append('.');
        String nanos = Long.toString(Math.floorMod(ts, 1_000_000_000L));
        tmp.append("000000000", 0, 9 - nanos.length()).append(nanos);
        sb.append("  <proto name=\"geninfo\" pos=\"0\" showname=\"General information\" size=\"").append(size).append("\">\n");
        number("num", frame.number(), "Number", size);
        number("len", frame.originalLength(), "Frame Length", size);
        number("caplen", frame.capturedLength(), "Captured Length", size);
        sb.append("    <field name=\"timestamp\" pos=\"0\" show=\"").append(time).append("\" showname=\"Captured Time\" value=\"")
                .append(tmp).append("\" size=\"").append(size).append("\"/>\n  </proto>\n");
    }

    private void number(String name, long v, String showname, int size) {
        sb.append("    <field name=\"").append(name).append("\" pos=\"0\" show=\"").append(v).append("\" showname=\"").append(showname)
                .append("\" value=\"").append(Long.toHexString(v)).append("\" size=\"").append(size).append("\"/>\n");
    }

    private void node(Tree t, int n, int level, Set<String> active) {
        Field f = t.field(n);
        boolean wrap = level == 0 && (!nodes.isProtocol(f) || f == EngineFields.DATA.field()) && !TreeNodes.expert(t, n);
        indent(level + 1);
        int lv = level;
        if (wrap) {
            sb.append("<proto name=\"fake-field-wrapper\">\n");
            lv++;
            indent(lv + 1);
        }
        if (TreeNodes.expert(t, n)) {
            expert(t, n, lv);
        } else {
            boolean children = walk.firstChild(n) >= 0;
            open(t, n, children);
            if (children) {
                children(t, n, lv, active);
                // tshark closes a wrapped field at its own level, not inside the wrapper (a quirk kept for byte equality)
                indent(level + 1);
                sb.append(nodes.isProtocol(f) && f != EngineFields.DATA.field() ? "</proto>\n" : "</field>\n");
            }
        }
        if (wrap) {
            indent(level + 1);
            sb.append("</proto>\n");
        }
    }

    private void children(Tree t, int n, int level, Set<String> active) {
        String abbrev = t.field(n).abbrev();
        if (active == null || active.contains(abbrev)) {
            Set<String> below = active != null && filterChildren ? null : active;
            for (int c = walk.firstChild(n); c >= 0; c = walk.nextSibling(c)) {
                node(t, c, level + 1, below);
            }
            if (rule != null && level == 0 && abbrev.equals("frame")) {
                coloringRule(level);
            }
        } else {
            indent(level + 2);
            sb.append("<field name=\"filtered\" value=\"");
            Xml.escape(abbrev, sb);
            sb.append("\" />\n");
        }
    }

    /** {@code --color}: the rule that colored the packet, the frame's last two fields as tshark writes them. */
    private void coloringRule(int level) {
        for (int i = 0; i < 2; i++) {
            String name = i == 0 ? "name" : "string";
            String show = i == 0 ? rule.name() : rule.text();
            indent(level + 2);
            sb.append("<field name=\"frame.coloring_rule.").append(name).append("\" showname=\"Coloring Rule ")
                    .append(i == 0 ? "Name: " : "String: ");
            Xml.escape(show, sb);
            sb.append("\" size=\"0\" pos=\"0\" show=\"");
            Xml.escape(show, sb);
            sb.append("\"/>\n");
        }
    }

    /** The opening tag of a node and its attributes; self-closed when it has no children. */
    private void open(Tree t, int n, boolean children) {
        Field f = t.field(n);
        if (f == EngineFields.DATA.field()) {
            sb.append("<field name=\"data\" value=\"");
            value(t, n);
            sb.append("\">\n");
            return;
        }
        if (f.isText()) {
            text(t, n, children);
            return;
        }
        boolean proto = nodes.isProtocol(f);
        sb.append(proto ? "<proto name=\"" : "<field name=\"");
        Xml.escape(f.abbrev(), sb);
        sb.append("\" showname=\"");
        int label = sb.length();
        FieldFormat.label(t, n, sb);
        Xml.escapeTail(sb, label);
        if (TreeNodes.hidden(t, n)) {
            sb.append("\" hide=\"yes");
        }
        int size = TreeNodes.size(t, n);
        sb.append("\" size=\"").append(size).append("\" pos=\"").append(TreeNodes.pos(t, n));
        if (f.type() == FieldType.NONE) {
            sb.append("\" show=\"\" value=\"");
        } else if (!proto) {
            int attribute = sb.length();
            sb.append("\" show=\"");
            int show = sb.length();
            if (!nodes.show(t, n, sb)) {
                sb.setLength(attribute);
            } else if (f.type() == FieldType.STRING || f.type() == FieldType.STRINGZ) {
                Xml.escapeStringTail(sb, show);
            } else {
                Xml.escapeTail(sb, show);
            }
            if (size > 0) {
                sb.append("\" value=\"");
                if (f.bitmask() != 0) {
                    TreeNodes.maskedValue(t, n, sb);
                    sb.append("\" unmaskedvalue=\"");
                }
                value(t, n);
            }
        }
        sb.append(children ? "\">\n" : "\"/>\n");
    }

    /** A text item: no name, its label as {@code show}, and its bytes when it covers some. */
    private void text(Tree t, int n, boolean children) {
        sb.append("<field name=\"\" show=\"");
        int label = sb.length();
        FieldFormat.label(t, n, sb);
        Xml.escapeTail(sb, label);
        int size = TreeNodes.size(t, n);
        sb.append("\" size=\"").append(size).append("\" pos=\"").append(TreeNodes.pos(t, n));
        if (size > 0) {
            sb.append("\" value=\"");
            value(t, n);
        }
        sb.append(children ? "\">\n" : "\"/>\n");
    }

    private void value(Tree t, int n) {
        if (TreeNodes.lengthInvalid(t, n)) {
            sb.append("field length invalid!");
        } else {
            TreeNodes.hex(t, n, sb);
        }
    }

    /** An expert item as Wireshark writes it: {@code _ws.expert} with the item, its message, severity and group. */
    private void expert(Tree t, int n, int level) {
        Expert e = t.expertOf(n);
        tmp.setLength(0);
        t.expertMessage(n, tmp);
        String message = tmp.toString();
        tmp.setLength(0);
        FieldFormat.expertInfo(t, n, tmp);
        sb.append("<field name=\"_ws.expert\" showname=\"");
        Xml.escape(tmp, sb);
        sb.append("\" size=\"0\" pos=\"").append(TreeNodes.pos(t, n)).append("\">\n");
        indent(level + 2);
        sb.append("<field name=\"");
        Xml.escape(e.field().abbrev(), sb);
        sb.append("\" showname=\"");
        Xml.escape(message, sb);
        sb.append("\" size=\"0\" pos=\"0\" show=\"\" value=\"\"/>\n");
        indent(level + 2);
        sb.append("<field name=\"_ws.expert.message\" showname=\"Message: ");
        Xml.escape(message, sb);
        sb.append("\" hide=\"yes\" size=\"0\" pos=\"0\" show=\"");
        Xml.escape(message, sb);
        sb.append("\"/>\n");
        indent(level + 2);
        sb.append("<field name=\"_ws.expert.severity\" showname=\"Severity level: ").append(e.severity().label())
                .append("\" size=\"0\" pos=\"0\" show=\"").append(TreeNodes.severityCode(e)).append("\"/>\n");
        indent(level + 2);
        sb.append("<field name=\"_ws.expert.group\" showname=\"Group: ").append(e.group().label())
                .append("\" size=\"0\" pos=\"0\" show=\"").append(TreeNodes.groupCode(e)).append("\"/>\n");
        indent(level + 1);
        sb.append("</field>\n");
    }

    private void indent(int level) {
        for (int i = 0; i < level; i++) {
            sb.append("  ");
        }
    }

    /** C's {@code asctime} without its newline: {@code Mon Dec  7 01:05:59 2026}. */
    static String asctime(ZonedDateTime z) {
        String day = z.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT);
        String month = z.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT);
        return String.format(Locale.ROOT, "%s %s %2d %02d:%02d:%02d %d", day, month, z.getDayOfMonth(), z.getHour(),
                z.getMinute(), z.getSecond(), z.getYear());
    }
}
