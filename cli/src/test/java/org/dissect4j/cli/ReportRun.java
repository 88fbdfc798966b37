package org.dissect4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureInterface;
import org.dissect4j.capture.CaptureReader;

/**
 * Runs a report {@link Sink} over a capture the way {@code Main} feeds its outputs (the frame read,
 * dissected, handed to the sink, the columns told), and returns what it printed. Until the lead
 * wires the options into {@code Main}, this is how the reports are exercised.
 */
final class ReportRun {
    /** The folder of the shared capture corpus (absent on machines without it). */
    static final Path SHARED = findShared();
    /** Our own small captures and their goldens. */
    static final Path CAPTURES = Path.of("src/test/resources/captures");
    static final Path GOLDEN = Path.of("src/test/resources/golden/reports");

    private ReportRun() {
    }

    /** Makes the sink from the output stream, the summary columns and the time digits source. */
    interface Factory extends BiFunction<PrintStream, Env, Sink> {
    }

    /** What {@code Main} hands a sink: the columns (for -t) and the capture's time precision. */
    record Env(Columns columns, FieldsSink.DigitsSource digits) {
    }

    static String run(Path capture, Factory make) {
        return run(capture, "r", make);
    }

    static String run(Path capture, String timeFormat, Factory make) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (CaptureReader reader = CaptureFiles.open(capture)) {
            Engine engine = Engine.load();
            Columns columns = new Columns(timeFormat, true);
            FieldsSink.DigitsSource digits = f -> digits(reader, f);
            Sink sink = make.apply(out, new Env(columns, digits));
            sink.prime(engine);
            Frame f;
            while ((f = reader.next()) != null) {
                columns.frameRead(f);
                Packet p = engine.dissect(f);
                sink.packet(f, p);
                engine.displayed(f);
                columns.frameDone(f, true);
            }
            sink.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The decimals of the capture's time stamps (6 for pcap, 9 for nanosecond pcapng), as Main computes them. */
    static int digits(CaptureReader r, Frame f) {
        List<CaptureInterface> ifs = r.interfaces();
        if (f.interfaceId() >= ifs.size()) {
            return 6;
        }
        long units = ifs.get(f.interfaceId()).tsResolutionUnitsPerSecond();
        int d = 0;
        long p = 1;
        for (long u = units; u >= 10 && u % 10 == 0; u /= 10) {
            d++;
            p *= 10;
        }
        return units == p ? d : 9;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden file {@code name}, or, with {@code -Dregen=true}, writes {@code actual} there first. */
    static String golden(String name, String actual) {
        Path p = GOLDEN.resolve(name);
        if (Boolean.getBoolean("regen")) {
            try {
                Files.createDirectories(p.getParent());
                Files.writeString(p, actual);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return read(p);
    }

    private static Path findShared() {
        for (Path p : List.of(Path.of("../../shared/captures/public"), Path.of("../shared/captures/public"),
                Path.of("/work/shared/captures/public"))) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }
}
