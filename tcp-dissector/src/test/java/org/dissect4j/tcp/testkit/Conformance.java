package org.dissect4j.tcp.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Settings;

/** Compares dissections of the shared corpus with its tshark goldens, column by column. */
public final class Conformance {
    /** Result of one capture: cells compared and the mismatching ones, described. */
    public record Result(String capture, int cells, List<String> mismatches) {
    }

    private Conformance() {
    }

    /** The shared corpus directory, or null when it is absent. */
    public static Path sharedCaptures() {
        String dir = System.getProperty("dissect4j.shared");
        Path p = dir != null ? Path.of(dir, "captures") : Path.of("../../shared/captures");
        if (!Files.isDirectory(p)) {
            p = Path.of("/work/shared/captures");
        }
        return Files.isDirectory(p) ? p : null;
    }

    /**
     * Every capture with a golden under {@code root}. Goldens named {@code NAME.keys.fields.tsv} were
     * made with NAME's TLS key log and have no capture of their own; these tests run without keys.
     */
    public static List<Path> captures(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".fields.tsv"))
                    .filter(p -> !p.getFileName().toString().endsWith(".keys.fields.tsv")).sorted()
                    .map(p -> p.resolveSibling(p.getFileName().toString().replace(".fields.tsv", ""))).toList();
        }
    }

    /**
     * Dissects {@code capture} with fresh plugins and compares the golden columns that {@code columns}
     * accepts.
     */
    public static Result compare(Path capture, Predicate<String> columns, Supplier<DissectorPlugin[]> plugins)
            throws IOException {
        Runner.Table golden = Runner.golden(capture.resolveSibling(capture.getFileName() + ".fields.tsv"));
        List<String> cols = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < golden.header().size(); i++) {
            if (columns.test(golden.header().get(i))) {
                cols.add(golden.header().get(i));
                idx.add(i);
            }
        }
        Runner r = new Runner(new Settings(), plugins.get());
        List<String[]> got = r.run(Captures.read(capture), cols);
        List<String> bad = new ArrayList<>();
        int cells = 0;
        int protocols = golden.column("frame.protocols");
        for (int row = 0; row < golden.rows().size(); row++) {
            String[] want = golden.rows().get(row);
            String[] have = row < got.size() ? got.get(row) : new String[cols.size()];
            // Frame-level columns are compared on frames that carry TCP; ARP, ICMPv6... belong to other modules.
            boolean tcpFrame = protocols >= 0 && protocols < want.length && want[protocols].contains(":tcp");
            for (int c = 0; c < cols.size(); c++) {
                if (!cols.get(c).startsWith("tcp.") && !tcpFrame) {
                    continue;
                }
                cells++;
                String w = idx.get(c) < want.length ? want[idx.get(c)] : "";
                String h = have[c] == null ? "" : have[c];
                if (!w.equals(h)) {
                    bad.add(capture.getFileName() + " #" + (row + 1) + " " + cols.get(c) + ": want [" + w + "] got [" + h + "]");
                }
            }
        }
        return new Result(capture.getFileName().toString(), cells, bad);
    }
}
