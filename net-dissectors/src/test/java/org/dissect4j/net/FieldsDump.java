package org.dissect4j.net;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * Prints fields of every frame like {@code tshark -T fields -E occurrence=a -E aggregator=,}
 * (plus the {@code _ws.col.Protocol} and {@code _ws.col.Info} columns), for tests and for
 * comparing against tshark by hand: {@code FieldsDump FILE field...}.
 */
final class FieldsDump {
    private FieldsDump() {
    }

    /** One line per frame, cells joined by tabs. */
    static List<String> dump(Engine engine, List<Frame> frames, List<String> names) {
        Tree tree = engine.tree();
        List<List<Field>> fields = new ArrayList<>();
        for (String n : names) {
            List<Field> fs = engine.fields(n);
            fields.add(fs);
            for (Field f : fs) {
                tree.want(f);
            }
        }
        boolean columns = names.contains("_ws.col.Protocol") || names.contains("_ws.col.Info");
        engine.columns(columns);
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (Frame f : frames) {
            Packet p = engine.dissect(f);
            sb.setLength(0);
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    sb.append('\t');
                }
                String n = names.get(i);
                if (n.equals("_ws.col.Protocol")) {
                    sb.append(p.protocolColumn());
                    continue;
                }
                if (n.equals("_ws.col.Info")) {
                    sb.append(p.info());
                    continue;
                }
                cell(tree, fields.get(i), sb);
            }
            out.add(sb.toString());
            engine.displayed(f);
        }
        return out;
    }

    /** All occurrences of the fields, in tree order, joined with commas. */
    static void cell(Tree tree, List<Field> fields, StringBuilder sb) {
        List<Integer> nodes = new ArrayList<>();
        for (Field f : fields) {
            for (int n = tree.first(f); n >= 0; n = tree.next(n)) {
                nodes.add(n);
            }
        }
        nodes.sort(null);
        boolean first = true;
        for (int n : nodes) {
            if ((tree.flags(n) & Tree.EXPERT) != 0) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            FieldFormat.value(tree, n, sb);
        }
    }

    /** The tree lines of the top-level protocols of every frame (as the first lines of {@code tshark -V}). */
    static List<String> labels(Engine engine, List<Frame> frames) {
        Tree tree = engine.tree();
        tree.wantAll(true);
        List<String> out = new ArrayList<>();
        for (Frame f : frames) {
            engine.dissect(f);
            for (int n = 0; n < tree.size(); n++) {
                if (tree.parent(n) == -1 && tree.field(n).type() == org.dissect4j.api.FieldType.PROTOCOL
                        && (tree.flags(n) & Tree.HIDDEN) == 0) {
                    StringBuilder sb = new StringBuilder();
                    FieldFormat.label(tree, n, sb);
                    out.add(sb.toString());
                }
            }
            out.add("");
            engine.displayed(f);
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        Engine engine = Engine.builder().discover(false).plugin(new NetPlugin()).build();
        if (args[0].equals("--labels")) {
            for (String line : labels(engine, TestCaptures.read(Path.of(args[1])))) {
                System.out.println(line);
            }
            return;
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            names.add(args[i]);
        }
        System.out.println(String.join("\t", names));
        for (String line : dump(engine, TestCaptures.read(Path.of(args[0])), names)) {
            System.out.println(line);
        }
    }
}
