package org.dissect4j.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Expert;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * {@code -T json} and {@code -T jsonraw} in tshark's layout (Wireshark's {@code write_json_proto_tree}): an
 * array of packets, each the whole tree under {@code _source.layers} (a node with a value as
 * {@code "abbrev": "value"}, its children as {@code "abbrev_tree": {...}}; protocols and texts as objects;
 * expert items as {@code _ws.expert} objects), or with {@code -e} the listed fields as arrays of strings.
 * Streams one packet at a time.
 */
final class JsonSink implements Sink {
    private final PrintStream out;
    private final Utf8Lines utf8;
    private final JsonOptions options;
    private final SelectedFields selected;
    private final TreeWalk walk = new TreeWalk();
    private final StringBuilder sb = new StringBuilder(1 << 14);
    private final StringBuilder tmp = new StringBuilder(256);
    private final JsonWriter json = new JsonWriter(sb, true, false);
    private boolean worker;
    private TreeNodes nodes;

    JsonSink(PrintStream out, JsonOptions options, SelectedFields selected) {
        this.out = out;
        this.utf8 = new Utf8Lines(out);
        this.options = options;
        this.selected = selected;
    }

    @Override
    public void prime(Engine engine) {
        nodes = new TreeNodes(engine);
        selected.primeOrWholeTree(engine);
        sb.setLength(0);
        json.beginArray();
        utf8.print(sb);
    }

    @Override
    public void worker() {
        worker = true;
    }

    @Override
    public void beforePacket(boolean first) {
        if (!first) {
            out.print(',');
        }
        json.hasElements(true);
    }

    @Override
    public void packet(Frame frame, Packet p) {
        sb.setLength(0);
        if (worker) {
            // each packet as the array's first element: the printing instance writes the commas
            json.hasElements(false);
        }
        json.beginObject().name("_index").string("packets-" + date(frame.timestampNanos())).name("_type").string("doc")
                .name("_score").string(null).name("_source").beginObject().name("layers");
        if (selected.isEmpty()) {
            Tree t = p.tree();
            walk.build(t);
            object(t, -1, options.filter());
        } else {
            json.beginObject();
            selected.write(frame, p, json);
            json.endObject();
        }
        json.endObject().endObject();
        utf8.print(sb);
    }

    @Override
    public void finish() {
        sb.setLength(0);
        json.endArray().finish();
        utf8.print(sb);
    }

    /** The children of {@code parent} (the top-level nodes for -1) as an object, grouped by key when asked. */
    private void object(Tree t, int parent, Set<String> active) {
        json.beginObject();
        for (List<Integer> group : groups(t, parent)) {
            member(t, group, active);
        }
        json.endObject();
    }

    private List<List<Integer>> groups(Tree t, int parent) {
        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        List<List<Integer>> out = new ArrayList<>();
        for (int c = parent < 0 ? walk.roots() : walk.firstChild(parent); c >= 0; c = walk.nextSibling(c)) {
            if (!options.noDuplicateKeys()) {
                out.add(List.of(c));
            } else {
                byKey.computeIfAbsent(key(t, c), k -> new ArrayList<>()).add(c);
            }
        }
        return options.noDuplicateKeys() ? new ArrayList<>(byKey.values()) : out;
    }

    /** One key's members (Wireshark's {@code write_json_proto_node_list} for one key). */
    private void member(Tree t, List<Integer> group, Set<String> active) {
        int first = group.get(0);
        String key = key(t, first);
        tmp.setLength(0);
        boolean hasValue = !TreeNodes.expert(t, first) && nodes.show(t, first, tmp);
        boolean hasChildren = false;
        for (int n : group) {
            hasChildren |= TreeNodes.expert(t, n) || walk.firstChild(n) >= 0;
        }
        // tshark: with -x only items over bytes (not expert items), in jsonraw every item; never a text item
        boolean expert = TreeNodes.expert(t, first);
        boolean text = t.field(first).isText();
        if (options.hex() && !text && (!options.text() || TreeNodes.size(t, first) > 0 && !expert)) {
            json.name(key + "_raw");
            values(group, n -> raw(t, n));
        }
        if (options.text() && hasValue) {
            json.name(key);
            values(group, n -> value(t, n));
        }
        if (hasChildren) {
            json.name(hasValue ? key + "_tree" : key);
            if (active != null && !active.contains(key)) {
                values(group, n -> json.beginObject().name("filtered").string(key).endObject());
            } else {
                Set<String> below = options.includeChildren() ? null : active;
                values(group, n -> children(t, n, below));
            }
        }
        if (!hasValue && !hasChildren && (options.text() || text)) {     // jsonraw too writes a text item as ""
            json.name(key);
            values(group, n -> noValue(t, n));
        }
    }

    private void values(List<Integer> group, java.util.function.IntConsumer writer) {
        if (group.size() == 1) {
            writer.accept(group.get(0));
            return;
        }
        json.beginArray();
        for (int n : group) {
            writer.accept(n);
        }
        json.endArray();
    }

    private void children(Tree t, int n, Set<String> active) {
        if (TreeNodes.expert(t, n)) {
            expert(t, n);
        } else if (walk.firstChild(n) < 0) {
            noValue(t, n);
        } else {
            object(t, n, active);
        }
    }

    private void value(Tree t, int n) {
        tmp.setLength(0);
        nodes.show(t, n, tmp);
        json.string(tmp);
    }

    /** A node without value nor children: a protocol's label, else the empty string. */
    private void noValue(Tree t, int n) {
        tmp.setLength(0);
        if (nodes.isProtocol(t.field(n))) {
            FieldFormat.label(t, n, tmp);
        }
        json.string(tmp);
    }

    /** {@code KEY_raw}: the bytes (a masked field's value), offset, length, mask and Wireshark type. */
    private void raw(Tree t, int n) {
        Field f = t.field(n);
        json.beginArray();
        tmp.setLength(0);
        boolean expert = TreeNodes.expert(t, n);
        if (expert || (t.flags(n) & Tree.NO_SOURCE) != 0) {
            // an item without a buffer (expert items and their members, tcp.completeness): no bytes, at 0, of length 0
            json.raw("0").raw("0").raw(Long.toUnsignedString(f.bitmask())).raw(Integer.toString(expert ? 1 : nodes.ftenum(f)));
            json.endArray();
            return;
        }
        if (f.bitmask() != 0) {
            tmp.append('"');
            TreeNodes.maskedValue(t, n, tmp);
            json.raw(tmp.append('"'));
        } else {
            if (TreeNodes.lengthInvalid(t, n)) {
                tmp.append("field length invalid!");
            } else if (TreeNodes.size(t, n) > 0) {
                TreeNodes.hex(t, n, tmp);
            }
            json.string(tmp);
        }
        int type = nodes.ftenum(f);
        json.raw(Integer.toString(TreeNodes.pos(t, n))).raw(Integer.toString(TreeNodes.size(t, n)))
                .raw(Long.toUnsignedString(f.bitmask())).raw(Integer.toString(type));
        json.endArray();
    }

    /** An expert item's object: the item itself (no value), its message, severity and group. */
    private void expert(Tree t, int n) {
        Expert e = t.expertOf(n);
        json.beginObject();
        if (options.hex() && !options.text()) {
            expertRaw(e.field().abbrev(), 0);
        }
        if (options.text()) {
            json.name(e.field().abbrev()).string("");
        }
        tmp.setLength(0);
        t.expertMessage(n, tmp);
        expertMember("_ws.expert.message", tmp.toString(), 26);
        expertMember("_ws.expert.severity", Long.toString(TreeNodes.severityCode(e)), 7);
        expertMember("_ws.expert.group", Long.toString(TreeNodes.groupCode(e)), 7);
        json.endObject();
    }

    private void expertMember(String key, String value, int type) {
        if (options.hex() && !options.text()) {
            expertRaw(key, type);
        }
        if (options.text()) {
            json.name(key).string(value);
        }
    }

    private void expertRaw(String key, int type) {
        json.name(key + "_raw").beginArray().raw("0").raw("0").raw("0").raw(Integer.toString(type)).endArray();
    }

    /** The JSON key of a node: its field's name ({@code _ws.expert} for an expert item, the label of a text item). */
    private static String key(Tree t, int n) {
        if (TreeNodes.expert(t, n)) {
            return "_ws.expert";
        }
        return t.field(n).isText() ? t.label(n) : t.field(n).abbrev();
    }

    /** The local date of a time stamp, for the {@code _index} member. */
    static String date(long nanos) {
        ZonedDateTime z = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L)).atZone(ZoneId.systemDefault());
        return String.format("%04d-%02d-%02d", z.getYear(), z.getMonthValue(), z.getDayOfMonth());
    }
}
