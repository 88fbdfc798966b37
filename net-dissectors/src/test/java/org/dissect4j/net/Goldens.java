package org.dissect4j.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureReader;

/**
 * Compares a capture against its {@code tshark -T fields} golden (a TSV with a header line): every
 * frame is read with the capture module, dissected by an engine with this module's plugin, and each
 * selected column is rendered as tshark prints it ({@code FieldFormat.value}, occurrences joined
 * with commas) and compared cell by cell.
 */
final class Goldens {
    /** Per-column statistics and the mismatching cells of one comparison. */
    static final class Result {
        final String capture;
        final Map<String, int[]> columns = new LinkedHashMap<>();
        final List<String> mismatches = new ArrayList<>();

        Result(String capture) {
            this.capture = capture;
        }

        int cells() {
            int n = 0;
            for (int[] c : columns.values()) {
                n += c[0];
            }
            return n;
        }
    }

    private Goldens() {
    }

    /**
     * Compares the columns of {@code tsv} for which {@code select(column, goldenRow)} is true; a
     * column the engine does not know is skipped. Cells empty on both sides are not counted.
     */
    static Result compare(Path capture, Path tsv, BiPredicate<String, String[]> select) throws IOException {
        List<String> lines = Files.readAllLines(tsv);
        String[] header = lines.get(0).split("\t", -1);
        Engine engine = NetTestKit.engine();
        engine.tree().wantAll(false);
        List<List<Field>> fields = new ArrayList<>();
        for (String h : header) {
            List<Field> fs = engine.fields(h);
            fields.add(fs);
            fs.forEach(engine.tree()::want);
        }
        Result r = new Result(capture.getFileName().toString());
        StringBuilder sb = new StringBuilder();
        try (CaptureReader reader = CaptureFiles.open(capture)) {
            int row = 0;
            for (Frame f = reader.next(); f != null; f = reader.next()) {
                row++;
                if (row >= lines.size()) {
                    r.mismatches.add(r.capture + " #" + row + ": frame not in the golden");
                    break;
                }
                Packet p = engine.dissect(f);
                String[] want = lines.get(row).split("\t", -1);
                for (int c = 0; c < header.length; c++) {
                    String name = header[c];
                    String golden = c < want.length ? want[c] : "";
                    boolean column = name.equals("_ws.col.Protocol") || name.equals("_ws.col.Info");
                    if ((!column && fields.get(c).isEmpty()) || !select.test(name, want)) {
                        continue;
                    }
                    sb.setLength(0);
                    if (name.equals("_ws.col.Protocol")) {
                        sb.append(p.protocolColumn());
                    } else if (name.equals("_ws.col.Info")) {
                        sb.append(p.info());
                    } else {
                        FieldsDump.cell(engine.tree(), fields.get(c), sb);
                    }
                    String got = sb.toString();
                    if (golden.isEmpty() && got.isEmpty()) {
                        continue;
                    }
                    int[] stat = r.columns.computeIfAbsent(name, k -> new int[2]);
                    stat[0]++;
                    if (!golden.equals(got)) {
                        stat[1]++;
                        r.mismatches.add(r.capture + " #" + row + " " + name + ": want [" + golden + "] got [" + got + "]");
                    }
                }
                engine.displayed(f);
            }
            if (row + 1 < lines.size()) {
                r.mismatches.add(r.capture + ": golden has " + (lines.size() - 1) + " frames, read " + row);
            }
        }
        return r;
    }
}
