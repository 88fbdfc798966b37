package org.dissect4j.testkit;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.api.Tree;

/**
 * Dissects a capture with the given plugins and renders columns as {@code tshark -T fields -E occurrence=a
 * -E aggregator=,} prints them, plus {@code frame.protocols}, {@code _ws.col.Protocol} and {@code _ws.col.Info}.
 */
public final class Runner {
    private final Engine engine;

    public Runner(Settings settings, DissectorPlugin... plugins) {
        Engine.Builder b = Engine.builder().discover(false).settings(settings);
        for (DissectorPlugin p : plugins) {
            b.plugin(p);
        }
        this.engine = b.build();
        engine.columns(true);
        engine.tree().wantAll(true);
    }

    public Engine engine() {
        return engine;
    }

    /** The golden of a capture: header and rows of cells. */
    public record Table(List<String> header, List<String[]> rows) {
        public int column(String name) {
            return header.indexOf(name);
        }
    }

    public static Table golden(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv);
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            rows.add(lines.get(i).split("\t", -1));
        }
        return new Table(header, rows);
    }

    /** Dissects every packet and renders {@code columns} for each. */
    public List<String[]> run(List<Captures.Packet> packets, List<String> columns) {
        // named as tshark's -e names them: fields recorded only when named (a later release's) are recorded too
        for (String c : columns) {
            for (Field f : engine.fields(c)) {
                engine.tree().want(f);
            }
        }
        List<String[]> out = new ArrayList<>();
        Frame f = new Frame();
        long n = 0;
        for (Captures.Packet cp : packets) {
            n++;
            f.set(n, MemorySegment.ofArray(cp.data()), 0, cp.data().length, cp.originalLength(), cp.timestampNanos(), 0,
                    cp.linkType());
            Packet p = engine.dissect(f);
            String[] row = new String[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = render(p, columns.get(i));
            }
            out.add(row);
        }
        return out;
    }

    public String render(Packet p, String column) {
        switch (column) {
            case "frame.protocols": {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < p.protocolCount(); i++) {
                    String name = p.tree().fieldById(p.protocolAt(i)).abbrev();
                    if (name.equals("frame")) {
                        continue;
                    }
                    if (!sb.isEmpty()) {
                        sb.append(':');
                    }
                    sb.append(name);
                }
                return sb.toString();
            }
            case "_ws.col.Protocol":
                return p.protocolColumn();
            case "_ws.col.Info":
                return p.info().toString();
            default:
                return value(p.tree(), column);
        }
    }

    private String value(Tree t, String abbrev) {
        List<Field> fields = engine.fields(abbrev);
        List<Integer> nodes = new ArrayList<>();
        for (Field f : fields) {
            for (int node = t.first(f); node >= 0; node = t.next(node)) {
                nodes.add(node);
            }
        }
        nodes.sort(null);
        StringBuilder sb = new StringBuilder();
        for (int node : nodes) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            FieldFormat.value(t, node, sb);
        }
        return sb.toString();
    }
}
