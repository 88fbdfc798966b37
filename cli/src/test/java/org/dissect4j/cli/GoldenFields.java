package org.dissect4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rows of a corpus capture's {@code NAME.fields.tsv} (tshark 4.0.17 {@code -T fields}, 77 fields), by field name. */
record GoldenFields(List<Map<String, String>> rows) {
    static GoldenFields of(Path capture) {
        List<String> lines = ReportRun.read(Path.of(capture + ".fields.tsv")).lines().toList();
        String[] head = lines.get(0).split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\t", -1);
            Map<String, String> row = new HashMap<>();
            for (int k = 0; k < head.length && k < cells.length; k++) {
                row.put(head[k], cells[k]);
            }
            rows.add(row);
        }
        return new GoldenFields(rows);
    }

    /** The TCP segments (rows with a {@code tcp.stream}). */
    List<Map<String, String>> tcp() {
        return rows.stream().filter(r -> !r.getOrDefault("tcp.stream", "").isEmpty()).toList();
    }

    /** The rows whose field {@code name} is set. */
    List<Map<String, String>> with(String name) {
        return rows.stream().filter(r -> !r.getOrDefault(name, "").isEmpty()).toList();
    }

    /** Whether the comma-separated values of {@code name} in {@code row} include {@code value}. */
    static boolean has(Map<String, String> row, String name, String value) {
        return List.of(row.getOrDefault(name, "").split(",")).contains(value);
    }
}
