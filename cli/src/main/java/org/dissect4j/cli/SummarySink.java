package org.dissect4j.cli;

import java.io.PrintStream;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;

/** The default output: one summary line per packet with Wireshark's columns. */
final class SummarySink implements Sink {
    private final Utf8Lines out;
    private final Columns columns;
    private final FieldsSink.DigitsSource digits;

    SummarySink(PrintStream out, Columns columns, FieldsSink.DigitsSource digits) {
        this.out = new Utf8Lines(out);
        this.columns = columns;
        this.digits = digits;
    }

    @Override
    public void prime(Engine engine) {
        engine.columns(true);
    }

    @Override
    public void packet(Frame frame, Packet p) {
        out.println(columns.line(frame, p, digits.digits(frame)));
    }
}
