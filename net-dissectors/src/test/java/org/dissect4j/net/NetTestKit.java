package org.dissect4j.net;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.api.Tree;

/** Helpers shared by this module's tests: an engine with only this plugin, frames from hex, field values as text. */
final class NetTestKit {
    private NetTestKit() {
    }

    static Engine engine() {
        return engine(new Settings());
    }

    static Engine engine(Settings settings) {
        Engine e = Engine.builder().discover(false).plugin(new NetPlugin()).settings(settings).build();
        e.tree().wantAll(true);
        e.columns(true);
        return e;
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("[^0-9a-fA-F]", ""));
    }

    /** A frame of {@code bytes} (all captured) with the given link type, number and time. */
    static Frame frame(byte[] bytes, int linkType, long number, long timeNanos) {
        return frame(bytes, bytes.length, linkType, number, timeNanos);
    }

    /** A frame whose first {@code captured} bytes of {@code bytes} were captured. */
    static Frame frame(byte[] bytes, int captured, int linkType, long number, long timeNanos) {
        MemorySegment seg = MemorySegment.ofArray(bytes.clone());
        return new Frame().set(number, seg, 0, captured, bytes.length, timeNanos, 0, linkType);
    }

    static Frame eth(String hex) {
        return frame(hex(hex), 1, 1, 1_700_000_000_000_000_000L);
    }

    /** Every occurrence of the field named {@code name}, rendered as {@code tshark -T fields} prints it. */
    static List<String> values(Engine e, String name) {
        Tree t = e.tree();
        List<Integer> nodes = new ArrayList<>();
        for (Field f : e.fields(name)) {
            for (int n = t.first(f); n >= 0; n = t.next(n)) {
                if ((t.flags(n) & Tree.EXPERT) == 0) {
                    nodes.add(n);
                }
            }
        }
        nodes.sort(null);
        List<String> out = new ArrayList<>();
        for (int n : nodes) {
            StringBuilder sb = new StringBuilder();
            FieldFormat.value(t, n, sb);
            out.add(sb.toString());
        }
        return out;
    }

    static String value(Engine e, String name) {
        return String.join(",", values(e, name));
    }

    /** The tree line of the first node of the field or protocol named {@code name}. */
    static String label(Engine e, String name) {
        Tree t = e.tree();
        int n = t.first(e.field(name));
        if (n < 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        FieldFormat.label(t, n, sb);
        return sb.toString();
    }

    /** Names of the expert items recorded for the packet. */
    static List<String> experts(Engine e) {
        Tree t = e.tree();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.expertCount(); i++) {
            out.add(t.expertOf(t.expertNode(i)).field().abbrev());
        }
        return out;
    }

    /** Whether the engine caught an unexpected exception in a dissector for this packet. */
    static boolean bug(Engine e, Packet p) {
        return experts(e).contains("_ws.malformed.dissector_bug");
    }

    /**
     * Fields with a value from the frame's bytes (not protocol or text items) that span bytes past the
     * first {@code captured}: an output would format bytes that were not captured.
     */
    static List<String> pastTheCapturedBytes(Tree t, int captured) {
        List<String> out = new ArrayList<>();
        for (int n = 0; n < t.size(); n++) {
            FieldType type = t.field(n).type();
            if (t.source(n) == 0 && type != FieldType.PROTOCOL && type != FieldType.NONE && t.length(n) > 0
                    && t.offset(n) + t.length(n) > captured) {
                out.add(t.field(n).abbrev() + "@" + t.offset(n) + "+" + t.length(n));
            }
        }
        return out;
    }
}
