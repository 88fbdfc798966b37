package org.dissect4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the command in-process and keeps what it printed. */
record Cli(int status, String out, String err) {
    static final Path SAMPLE = findSample();

    static Cli run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Cli(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    static String golden(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/golden", name));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Path findSample() {
        Path p = Path.of("../samples/http-sample.pcap");
        return Files.exists(p) ? p : Path.of("samples/http-sample.pcap");
    }
}
