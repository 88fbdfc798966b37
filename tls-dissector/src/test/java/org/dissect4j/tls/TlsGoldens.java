package org.dissect4j.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Settings;
import org.dissect4j.http.HttpPlugin;
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.testkit.Captures;
import org.dissect4j.testkit.NetStubs;
import org.dissect4j.testkit.Runner;

/**
 * Compares a capture dissected by the stand-in link/IP layers, TCP, HTTP and TLS with its tshark golden
 * ({@code NAME.fields.tsv}), column by column: values rendered with {@code FieldFormat.value}, several occurrences
 * joined by ','. Frames that carry QUIC are left out (TLS inside QUIC is out of scope, as in compare-fields.py).
 */
final class TlsGoldens {
    /** Cells compared and the mismatching ones, described. */
    record Result(String capture, int cells, List<String> mismatches) {
    }

    private TlsGoldens() {
    }

    static DissectorPlugin[] plugins() {
        return new DissectorPlugin[] {new NetStubs(), new TcpPlugin(), new HttpPlugin(), new TlsPlugin()};
    }

    /**
     * Compares the columns {@code columns} accepts; {@code frameColumns} (frame.protocols, Protocol, Info) only on
     * frames whose golden protocol chain has TCP.
     */
    static Result compare(Path capture, Predicate<String> columns, boolean frameColumns) throws IOException {
        return compare(capture, capture.resolveSibling(capture.getFileName() + ".fields.tsv"), new Settings(), columns, frameColumns);
    }

    /** As {@link #compare(Path, Predicate, boolean)} with golden {@code goldenFile} and preferences {@code settings}. */
    static Result compare(Path capture, Path goldenFile, Settings settings, Predicate<String> columns, boolean frameColumns)
            throws IOException {
        Runner.Table golden = Runner.golden(goldenFile);
        List<String> cols = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < golden.header().size(); i++) {
            String c = golden.header().get(i);
            boolean frameColumn = c.equals("frame.protocols") || c.startsWith("_ws.col.");
            if (frameColumn ? frameColumns : columns.test(c)) {
                cols.add(c);
                idx.add(i);
            }
        }
        Runner r = new Runner(settings, plugins());
        List<String[]> got = r.run(Captures.read(capture), cols);
        int protocols = golden.column("frame.protocols");
        List<String> bad = new ArrayList<>();
        int cells = 0;
        for (int row = 0; row < golden.rows().size(); row++) {
            String[] want = golden.rows().get(row);
            String chain = protocols >= 0 && protocols < want.length ? want[protocols] : "";
            if (chain.contains(":quic")) {
                continue;
            }
            String[] have = row < got.size() ? got.get(row) : new String[cols.size()];
            for (int c = 0; c < cols.size(); c++) {
                String col = cols.get(c);
                boolean frameColumn = col.equals("frame.protocols") || col.startsWith("_ws.col.");
                if (frameColumn && !chain.contains(":tcp")) {
                    continue;
                }
                cells++;
                String w = idx.get(c) < want.length ? want[idx.get(c)] : "";
                String h = have[c] == null ? "" : have[c];
                if (!w.equals(h)) {
                    bad.add(capture.getFileName() + " #" + (row + 1) + " " + col + ": want [" + w + "] got [" + h + "]");
                }
            }
        }
        return new Result(capture.getFileName().toString(), cells, bad);
    }
}
