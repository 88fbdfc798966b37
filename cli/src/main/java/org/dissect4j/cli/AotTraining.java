package org.dissect4j.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The training run of the launcher's AOT cache: the common command lines on the shipped sample, in
 * one JVM, so that the classes they need (summaries, fields, details, JSON, PDML, EK, PSML, statistics, filters,
 * pcap and pcapng readers) are all in the cache. Output is discarded. Usage: {@code AotTraining SAMPLE.pcap}.
 */
public final class AotTraining {
    private AotTraining() {
    }

    public static void main(String[] args) throws IOException {
        String sample = args[0];
        Path pcapng = Files.createTempFile("dissect4j-training-", ".pcapng");
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, "UTF-8");
        try {
            String filter = "tcp.flags.syn==1 || tls.handshake.type == 1 || http.request || !(ip.addr == 192.0.2.1)";
            for (List<String> command : List.of(
                    List.of("-r", sample),
                    List.of("-r", sample, "-Y", filter, "-T", "fields", "-e", "frame.number", "-e", "tcp.srcport",
                            "-e", "_ws.col.Info"),
                    List.of("-r", sample, "-Y", "tcp.flags.syn==1", "-T", "fields", "-e", "frame.number"),
                    List.of("-r", sample, "-V", "-x", "-c", "20"),
                    List.of("-r", sample, "-T", "json", "-c", "10"),
                    List.of("-r", sample, "-T", "pdml", "-c", "10"),
                    List.of("-r", sample, "-T", "ek", "-c", "10"),
                    List.of("-r", sample, "-T", "psml", "-c", "10"),
                    List.of("-r", sample, "-q", "-z", "conv,tcp", "-z", "expert"),
                    List.of("-r", sample, "-w", pcapng.toString()),
                    List.of("-r", pcapng.toString(), "-c", "10"),
                    List.of("--check-filter", filter))) {
                if (Main.run(command.toArray(String[]::new), nowhere, nowhere) != 0) {
                    throw new IllegalStateException("training command failed: " + String.join(" ", command));
                }
            }
        } finally {
            Files.deleteIfExists(pcapng);
        }
    }
}
