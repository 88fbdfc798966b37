package org.dissect4j.cli;

import java.io.PrintStream;
import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;

/**
 * {@code -T psml}: the packet list as tshark's PSML, one {@code <section>} per column of
 * {@code gui.column.format} (Wireshark's default columns without it), the titles in a {@code <structure>}
 * header (Wireshark's {@code write_psml_preamble} and {@code write_psml_columns}).
 */
final class PsmlSink implements Sink {
    private final PrintStream out;
    private final List<ColumnSpec> specs;
    private final Columns columns;
    private final FieldsSink.DigitsSource digits;
    private final StringBuilder sb = new StringBuilder(1024);
    private final StringBuilder cell = new StringBuilder(256);
    private Engine engine;
    /** {@code --color}: the coloring rules, else null. */
    ColorRules colors;

    PsmlSink(PrintStream out, List<ColumnSpec> specs, Columns columns, FieldsSink.DigitsSource digits) {
        this.out = out;
        this.specs = specs;
        this.columns = columns;
        this.digits = digits;
    }

    @Override
    public void prime(Engine e) {
        engine = e;
        if (colors != null) {
            colors.prime(e);
        }
        e.columns(true);
        sb.setLength(0);
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<psml version=\"0\" creator=\"wireshark/")
                .append(Main.TSHARK_VERSION).append("\">\n<structure>\n");
        for (ColumnSpec c : specs) {
            c.prime(e);
            section(c.title());
        }
        out.print(sb.append("</structure>\n\n"));
    }

    @Override
    public void packet(Frame frame, Packet p) {
        sb.setLength(0);
        ColorRules.Rule rule = colors == null ? null : colors.match(p.tree());
        if (rule == null) {
            sb.append("<packet>\n");
        } else {
            sb.append("<packet foreground='").append(ColorRules.hex(rule.foreground())).append("' background='")
                    .append(ColorRules.hex(rule.background())).append("'>\n");
        }
        int d = digits.digits(frame);
        for (ColumnSpec c : specs) {
            cell.setLength(0);
            c.append(columns, frame, p, d, engine, cell);
            section(cell);
        }
        out.print(sb.append("</packet>\n\n"));
    }

    @Override
    public void finish() {
        out.print("</psml>\n");
    }

    private void section(CharSequence text) {
        sb.append("<section>");
        Xml.escape(text, sb);
        sb.append("</section>\n");
    }
}
