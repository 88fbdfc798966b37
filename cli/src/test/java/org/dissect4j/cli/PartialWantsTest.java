package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A filter and a few columns: only what they need is recorded, so dissectors meet items they did not record (-1)
 * where the full-tree tests always record everything. Every capture of the shared corpus and Zeek's traces, with a
 * display filter and Info: no frame reports a dissector bug (a chunked HTTP body once did: the chunk's item was not
 * wanted and its offset was read anyway).
 */
class PartialWantsTest {
    @Test
    void noDissectorBugWhenLittleIsWanted() throws IOException {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus is absent: skipped");
        List<Path> captures = new ArrayList<>();
        for (Path dir : List.of(ReportRun.SHARED, ReportRun.SHARED.getParent().getParent().resolve("realworld/zeek"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().matches(".*\\.(pcap|pcapng|cap)(\\.gz)?$")).sorted().forEach(captures::add);
            }
        }
        List<String> bugs = new ArrayList<>();
        for (Path capture : captures) {
            Cli run = Cli.run("-r", capture.toString(), "-Y", "tcp || udp || ip || arp", "-T", "fields", "-e", "frame.number",
                    "-e", "_ws.col.Info");
            for (String line : run.out().split("\n")) {
                if (line.contains("Dissector bug")) {
                    bugs.add(capture.getFileName() + ": " + line);
                }
            }
        }
        assertThat(captures).hasSizeGreaterThan(20);
        assertThat(bugs).isEmpty();
    }
}
