package org.dissect4j.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dissect4j.api.Base;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Expert;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Tree;

/**
 * {@code -T ek}: tshark's Elasticsearch bulk lines (Wireshark's {@code write_ek_proto_tree}), an index line and a
 * document line per packet. Each protocol is an object of its fields flattened ({@code PROTO_FIELD}, dots as
 * underscores), a name seen more than once under the same parent an array; booleans as JSON booleans, absolute
 * times in ISO 8601 UTC, fields without value as null; with {@code -x} also {@code NAME_raw}; with {@code -e}
 * the listed fields as arrays of strings.
 */
final class EkSink implements Sink {
    private final PrintStream out;
    private final Utf8Lines utf8;
    private final JsonOptions options;
    private final SelectedFields selected;
    private final TreeWalk walk = new TreeWalk();
    private final StringBuilder sb = new StringBuilder(1 << 14);
    private final StringBuilder tmp = new StringBuilder(256);
    private final JsonWriter json = new JsonWriter(sb, false, true);
    private TreeNodes nodes;

    EkSink(PrintStream out, JsonOptions options, SelectedFields selected) {
        this.out = out;
        this.utf8 = new Utf8Lines(out);
        this.options = options;
        this.selected = selected;
    }

    @Override
    public void prime(Engine engine) {
        nodes = new TreeNodes(engine);
        selected.primeOrWholeTree(engine);
    }

    @Override
    public void packet(Frame frame, Packet p) {
        sb.setLength(0);
        long ts = frame.timestampNanos();
        json.beginObject().name("index").beginObject().name("_index").string("packets-" + JsonSink.date(ts))
                .name("_type").string("doc").endObject().endObject().finish();
        String millis = Long.toString(Math.floorMod(ts, 1_000_000_000L) / 1_000_000);
        json.beginObject().name("timestamp")
                .raw("\"" + Math.floorDiv(ts, 1_000_000_000L) + "000".substring(millis.length()) + millis + "\"");
        json.name("layers").beginObject();
        if (selected.isEmpty()) {
            Tree t = p.tree();
            walk.build(t);
            attributes(t, -1, options.filter());
        } else {
            selected.write(frame, p, json);
        }
        json.endObject().endObject().finish();
        utf8.print(sb);
    }

    /** The members of one object: the descendants of {@code parent} down to the next protocols, grouped by name. */
    private void attributes(Tree t, int parent, Set<String> active) {
        Map<String, List<Integer>> attrs = new LinkedHashMap<>();
        fill(t, parent, attrs, active);
        for (List<Integer> instances : attrs.values()) {
            attribute(t, instances, active);
        }
    }

    private void fill(Tree t, int parent, Map<String, List<Integer>> attrs, Set<String> active) {
        for (int c = parent < 0 ? walk.roots() : walk.firstChild(parent); c >= 0; c = walk.nextSibling(c)) {
            String key = parent < 0 ? abbrev(t, c) : abbrev(t, parent) + "_" + abbrev(t, c);
            attrs.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            if (!object(t, c) && walk.firstChild(c) >= 0) {
                if (active == null) {
                    fill(t, c, attrs, null);
                } else if (listed(active, abbrev(t, c))) {
                    fill(t, c, attrs, options.includeChildren() ? null : active);
                }
            }
        }
    }

    private void attribute(Tree t, List<Integer> instances, Set<String> active) {
        int first = instances.get(0);
        boolean many = instances.size() > 1;
        if (options.hex() && TreeNodes.size(t, first) > 0) {
            json.name(name(t, first) + "_raw");
            if (many) {
                json.beginArray();
            }
            for (int n : instances) {
                raw(t, n);
            }
            if (many) {
                json.endArray();
            }
        }
        json.name(name(t, first));
        if (many) {
            json.beginArray();
        }
        for (int n : instances) {
            String abbrev = abbrev(t, n);
            if (!object(t, n)) {
                if (active != null && !listed(active, abbrev)) {
                    json.beginObject().name("filtered").string(abbrev).endObject();
                } else {
                    value(t, n);
                }
            } else {
                json.beginObject();
                if (active != null && !listed(active, abbrev)) {
                    json.name("filtered").string(abbrev);
                } else if (TreeNodes.expert(t, n)) {
                    expert(t, n);
                } else {
                    attributes(t, n, active != null && options.includeChildren() ? null : active);
                }
                json.endObject();
            }
        }
        if (many) {
            json.endArray();
        }
    }

    /** Whether a node is written as an object: protocols and expert items. */
    private boolean object(Tree t, int n) {
        return TreeNodes.expert(t, n) || nodes.isProtocol(t.field(n));
    }

    private static boolean listed(Set<String> filter, String abbrev) {
        return filter.contains(abbrev) || filter.contains(abbrev.replace('.', '_'));
    }

    /** A node's name as EK groups it: {@code _ws.expert} for an expert item, {@code text} for a text item (Wireshark's hf_text_only). */
    private static String abbrev(Tree t, int n) {
        if (TreeNodes.expert(t, n)) {
            return "_ws.expert";
        }
        return t.field(n).isText() ? "text" : t.field(n).abbrev();
    }

    /** A member's name: the field's protocol and the field ({@code ip_ip_src}); a protocol alone. */
    private String name(Tree t, int n) {
        if (TreeNodes.expert(t, n)) {
            return "_ws.expert";
        }
        if (t.field(n).isText()) {
            return "text";
        }
        Field f = t.field(n);
        Protocol owner = nodes.nameOnly(f) ? null : nodes.owner(f);
        return owner != null ? owner.field().abbrev() + "_" + f.abbrev() : f.abbrev();
    }

    private void value(Tree t, int n) {
        Field f = t.field(n);
        if (f.isText()) {
            json.string(t.label(n));
        } else if (f.type() == FieldType.NONE) {
            json.string(null);
        } else if (f.type() == FieldType.BOOLEAN) {
            json.raw(t.value(n) != 0 ? "true" : "false");
        } else if (f.type() == FieldType.ABSOLUTE_TIME && f.base() != Base.UNIX_SECONDS) {
            long ns = t.value(n);
            ZonedDateTime z = Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L)).atZone(ZoneOffset.UTC);
            json.string(String.format("%04d-%02d-%02dT%02d:%02d:%02d.%09dZ", z.getYear(), z.getMonthValue(), z.getDayOfMonth(),
                    z.getHour(), z.getMinute(), z.getSecond(), Math.floorMod(ns, 1_000_000_000L)));
        } else {
            tmp.setLength(0);
            json.string(nodes.show(t, n, tmp) ? tmp : null);
        }
    }

    private void raw(Tree t, int n) {
        tmp.setLength(0);
        if (t.field(n).bitmask() != 0) {
            tmp.append('"');
            TreeNodes.maskedValue(t, n, tmp);
            json.raw(tmp.append('"'));
        } else {
            if (TreeNodes.lengthInvalid(t, n)) {
                tmp.append("field length invalid!");
            } else {
                TreeNodes.hex(t, n, tmp);
            }
            json.string(tmp);
        }
    }

    /** An expert item's members: the item (null), its message, severity and group. */
    private void expert(Tree t, int n) {
        Expert e = t.expertOf(n);
        Protocol owner = nodes.owner(e.field());
        json.name(owner != null ? owner.field().abbrev() + "_" + e.field().abbrev() : e.field().abbrev()).string(null);
        tmp.setLength(0);
        t.expertMessage(n, tmp);
        json.name("_ws.expert__ws.expert.message").string(tmp);
        json.name("_ws.expert__ws.expert.severity").string(Long.toString(TreeNodes.severityCode(e)));
        json.name("_ws.expert__ws.expert.group").string(Long.toString(TreeNodes.groupCode(e)));
    }
}
