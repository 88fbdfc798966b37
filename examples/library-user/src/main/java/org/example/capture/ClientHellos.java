package org.example.capture;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureReader;
import org.dissect4j.filter.DisplayFilter;
import org.dissect4j.filter.FilterException;

/** The README's display-filter example: the frame numbers that match a Wireshark display filter. */
public final class ClientHellos {
    private ClientHellos() {
    }

    public static void main(String[] args) throws IOException, FilterException {
        print(Path.of(args[0]), args.length > 1 ? args[1] : "tcp.port == 443 && tls.handshake.type == 1", System.out);
    }

    static void print(Path capture, String expression, PrintStream out) throws IOException, FilterException {
        Engine engine = Engine.load();
        DisplayFilter f = DisplayFilter.compile(expression, engine);  // FilterException: position, caret, suggestion
        f.prime(engine.tree());                                 // record the fields the filter reads
        try (CaptureReader in = CaptureFiles.open(capture)) {
            Frame frame;
            while ((frame = in.next()) != null) {
                boolean hit = f.matches(engine.dissect(frame).tree());  // allocates nothing
                if (hit) {
                    out.println(frame.number());
                }
            }
        }
    }
}
