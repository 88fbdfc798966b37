package org.dissect4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The {@code -e} fields of {@code -T json}/{@code -T ek}: per packet, each field's values as {@code -T fields}
 * prints them (columns included), written as {@code "name": ["value", ...]} for the fields present
 * (Wireshark's {@code write_specified_fields}).
 */
final class SelectedFields {
    private final List<String> names;
    private final Columns columns;
    private final FieldsSink.DigitsSource digits;
    private final List<List<Field>> fields = new ArrayList<>();
    private final StringBuilder v = new StringBuilder(256);

    SelectedFields(List<String> names, Columns columns, FieldsSink.DigitsSource digits) {
        this.names = names;
        this.columns = columns;
        this.digits = digits;
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    /** Marks the listed fields, or without {@code -e} every node and its label (the whole tree is written). */
    void primeOrWholeTree(Engine engine) {
        if (names.isEmpty()) {
            engine.tree().wantAll(true);
            engine.tree().wantLabels(true);
        } else {
            prime(engine);
        }
    }

    private void prime(Engine engine) {
        for (String n : names) {
            if (FieldsSink.isColumn(n)) {
                engine.columns(true);
                fields.add(List.of());
                continue;
            }
            List<Field> same = engine.fields(n);
            fields.add(same);
            for (Field f : same) {
                engine.tree().want(f);
                if (f.type() == FieldType.PROTOCOL) {
                    engine.tree().wantAll(true);
                }
            }
        }
    }

    /** Writes the present fields as members of the open object. */
    void write(Frame frame, Packet p, JsonWriter json) {
        for (int i = 0; i < names.size(); i++) {
            List<String> vals = values(frame, p, i);
            if (vals.isEmpty()) {
                continue;
            }
            json.name(names.get(i)).beginArray();
            for (String s : vals) {
                json.string(s);
            }
            json.endArray();
        }
    }

    private List<String> values(Frame frame, Packet p, int i) {
        String name = names.get(i);
        List<String> vals = new ArrayList<>();
        if (FieldsSink.isColumn(name)) {
            vals.add(columns.value(name.substring("_ws.col.".length()), frame, p, digits.digits(frame)));
            return vals;
        }
        Tree t = p.tree();
        for (Field f : fields.get(i)) {
            for (int n = t.first(f); n >= 0; n = t.next(n)) {
                v.setLength(0);
                FieldFormat.value(t, n, v);
                vals.add(v.toString());
            }
        }
        return vals;
    }
}
