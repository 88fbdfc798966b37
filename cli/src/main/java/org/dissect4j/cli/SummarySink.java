package org.dissect4j.cli;

import java.io.PrintStream;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;

/** The default output: one summary line per packet with Wireshark's columns. */
final class SummarySink implements Sink {
    private final Utf8Lines out;
    private final PrintStream raw;
    private final Columns columns;
    private final FieldsSink.DigitsSource digits;
    /** {@code --color} on a true-color terminal: the coloring rules, else null. */
    private ColorRules colors;

    SummarySink(PrintStream out, Columns columns, FieldsSink.DigitsSource digits) {
        this.out = new Utf8Lines(out);
        this.raw = out;
        this.columns = columns;
        this.digits = digits;
    }

    /** Colors each line with ANSI escapes as tshark {@code --color} does on a true-color terminal. */
    SummarySink colored(ColorRules rules) {
        this.colors = rules;
        return this;
    }

    @Override
    public void prime(Engine engine) {
        engine.columns(true);
        if (colors != null) {
            colors.prime(engine);
        }
    }

    @Override
    public void packet(Frame frame, Packet p) {
        CharSequence line = columns.line(frame, p, digits.digits(frame));
        ColorRules.Rule rule = colors == null ? null : colors.match(p.tree());
        if (rule == null) {
            out.println(line);
        } else {
            // tshark: the colors, the line, erase to its end, then reset after the newline
            out.println(ColorRules.escape(rule) + line + "\u001b[K");
            raw.print("\u001b[0m");
        }
    }

    @Override
    public void finish() {
        if (colors != null) {
            raw.print("\u001b[0m");
        }
    }
}
