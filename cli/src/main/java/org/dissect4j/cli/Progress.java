package org.dissect4j.cli;

import java.io.Console;
import java.io.PrintStream;
import org.dissect4j.capture.CaptureReader;

/** Progress on stderr while a large file is read and stdout is a terminal; silent when output is piped. */
final class Progress {
    private static final long LARGE = 32L << 20;
    private final CaptureReader reader;
    private final PrintStream err;
    private final boolean on;
    private long lastPrint;

    private Progress(CaptureReader reader, PrintStream err, boolean on) {
        this.reader = reader;
        this.err = err;
        this.on = on;
    }

    static Progress forOutput(CaptureReader reader, PrintStream err, Console console) {
        boolean terminal = console != null && console.isTerminal();
        boolean large = reader != null && reader.size() > LARGE;
        return new Progress(reader, err, terminal && large);
    }

    void update(long frames) {
        if (!on || (frames & 0x3FFF) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrint < 250_000_000L) {
            return;
        }
        lastPrint = now;
        long pct = reader.size() > 0 ? reader.position() * 100 / reader.size() : 0;
        err.print("\r" + pct + "% (" + frames + " frames)");
        err.flush();
    }

    void done() {
        if (on && lastPrint != 0) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
