package org.dissect4j.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Tree;

/**
 * {@code -2 --selected-frame N}: the values of the display filter's {@code ${field}} references in frame N, read
 * during the first pass, so the second pass filters with them as tshark does. A reference with a layer
 * ({@code ${ip.src#2}}) takes the values of that occurrence of the field's protocol only.
 */
final class SelectedReferences {
    private final Engine engine;
    private final long frame;
    private final List<String> names;
    private final Map<String, List<String>> values = new HashMap<>();

    /** Wants the referenced fields in {@code engine}'s tree, so the first pass records them. */
    SelectedReferences(Engine engine, List<String> names, long frame) {
        this.engine = engine;
        this.names = names;
        this.frame = frame;
        for (String name : names) {
            for (Field f : engine.fields(fieldName(name))) {
                engine.tree().want(f);
                Protocol owner = engine.protocolOf(f);
                if (owner != null) {
                    engine.tree().want(owner.field());
                }
            }
        }
    }

    /** Reads the values if {@code number} is the selected frame, just dissected into {@code t}. */
    void capture(long number, Tree t) {
        if (number != frame) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            int hash = name.indexOf('#');
            int layer = hash > 0 ? layerNumber(name.substring(hash + 1)) : 0;
            List<String> out = new ArrayList<>();
            for (Field f : engine.fields(fieldName(name))) {
                Protocol owner = engine.protocolOf(f);
                for (int n = t.first(f); n >= 0; n = t.next(n)) {
                    if (layer == 0 || owner != null && layerOf(t, n, owner) == layer) {
                        text.setLength(0);
                        FieldFormat.value(t, n, text);
                        out.add(text.toString());
                    }
                }
            }
            values.put(name, out);
        }
    }

    /** The values of reference {@code name}; empty when the frame had none (or was not reached). */
    List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    private static String fieldName(String name) {
        int hash = name.indexOf('#');
        return hash > 0 ? name.substring(0, hash) : name;
    }

    /** {@code #2} → 2; a range or anything else takes no values (0 would mean "every layer"). */
    private static int layerNumber(String s) {
        try {
            return Math.max(-1, Integer.parseInt(s.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Which occurrence (from 1) of {@code owner} in the frame holds {@code node}; 0 if none does. */
    private static int layerOf(Tree t, int node, Protocol owner) {
        int protoNode = -1;
        for (int p = node; p >= 0; p = t.parent(p)) {
            if (t.field(p) == owner.field()) {
                protoNode = p;
                break;
            }
        }
        int layer = 0;
        for (int q = t.first(owner.field()); q >= 0; q = t.next(q)) {
            layer++;
            if (q == protoNode) {
                return layer;
            }
        }
        return 0;
    }
}
