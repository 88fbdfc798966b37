package org.example.capture;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureReader;

/** The README's first Java example: every UDP source port of a capture, with its frame number. */
public final class SourcePorts {
    private SourcePorts() {
    }

    public static void main(String[] args) throws IOException {
        print(Path.of(args[0]), System.out);
    }

    static void print(Path capture, PrintStream out) throws IOException {
        Engine engine = Engine.load();                         // plugins from the class/module path
        Field srcPort = engine.field("udp.srcport");
        engine.tree().want(srcPort);                           // record only what you read
        try (CaptureReader in = CaptureFiles.open(capture)) {
            Frame frame;
            while ((frame = in.next()) != null) {              // a reused, zero-copy view into the mmap'd file
                Packet p = engine.dissect(frame);
                Tree t = p.tree();
                for (int n = t.first(srcPort); n >= 0; n = t.next(n)) {
                    out.println(frame.number() + " " + t.value(n));
                }
            }
        }
    }
}
