package org.dissect4j.cli;

import java.io.PrintStream;
import java.util.Map;
import org.dissect4j.api.Base;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.HeuristicList;
import org.dissect4j.api.PluginInfo;
import org.dissect4j.api.Protocol;

/** {@code -G} reports in tshark's tab-separated layouts. */
final class Glossary {
    private Glossary() {
    }

    /** Prints report {@code name}; returns false for an unknown report. */
    static boolean print(String name, Engine engine, PrintStream out) {
        switch (name) {
            case "fields" -> fields(engine, out);
            case "protocols" -> {
                for (Protocol p : engine.protocols()) {
                    out.println(p.name() + "\t" + p.shortName() + "\t" + p.filterName());
                }
            }
            case "plugins" -> {
                for (PluginInfo p : engine.plugins()) {
                    out.println(p.name() + "\t" + "api " + p.apiVersion() + "\tdissector\t" + p.location() + "\t" + p.className());
                }
            }
            case "dissector-tables" -> {
                for (DissectorTable t : engine.tables()) {
                    Protocol owner = engine.protocol(t.name().contains(".") ? t.name().substring(0, t.name().indexOf('.')) : t.name());
                    out.println(t.name() + "\t" + t.uiName() + "\t" + t.keyType().wiresharkName() + "\t"
                            + (t.isStringTable() ? "BASE_NONE" : t.base().wiresharkName()) + "\t"
                            + (owner != null ? owner.shortName() : "") + "\t"
                            + (t.decodeAsChoices().isEmpty() ? "" : "Decode As supported"));
                }
            }
            case "heuristic-decodes" -> {
                for (HeuristicList l : engine.heuristicLists()) {
                    for (HeuristicList.Entry e : l.entries()) {
                        out.println(l.name() + "\t" + e.handle().protocol().filterName() + "\t" + (e.enabled() ? "T" : "F"));
                    }
                }
            }
            case "decodes" -> {
                for (DissectorTable t : engine.tables()) {
                    if (t.isStringTable()) {
                        for (Map.Entry<String, DissectorHandle> e : t.stringEntries().entrySet()) {
                            out.println(t.name() + "\t" + e.getKey() + "\t" + e.getValue().name());
                        }
                    } else {
                        for (Map.Entry<Long, DissectorHandle> e : t.intEntries().entrySet()) {
                            out.println(t.name() + "\t" + e.getKey() + "\t" + e.getValue().name());
                        }
                    }
                }
            }
            case "column-formats" -> columnFormats(out);
            case "folders" -> folders(out);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code -G column-formats}: the {@code gui.column.format} formats, as tshark lists them. */
    private static void columnFormats(PrintStream out) {
        StringBuilder b = new StringBuilder();
        for (String[] f : ColumnSpec.FORMATS) {
            b.append(f[0]).append('\t').append(f[1]).append('\n');
        }
        b.append("\nFor example, to print Wireshark's default columns with tshark:\n\n")
                .append("tshark -o 'gui.column.format:").append(ColumnSpec.DEFAULT).append("'\n");
        out.print(b);
    }

    /** {@code -G folders}: where configuration is looked for, in tshark's layout ({@code Name:} then a tab). */
    private static void folders(PrintStream out) {
        String home = System.getProperty("user.home");
        String xdg = System.getenv("XDG_CONFIG_HOME");
        String config = (xdg != null && !xdg.isEmpty() ? xdg : home + "/.config") + "/wireshark";
        String tmp = System.getenv("TMPDIR");
        folder(out, "Temp:", tmp != null && !tmp.isEmpty() ? tmp : "/tmp");
        folder(out, "Personal configuration:", config);
        folder(out, "Global configuration:", "/usr/share/wireshark");
        folder(out, "System:", "/etc");
        String plugins = System.getenv("DISSECT4J_PLUGINS");
        if (plugins != null && !plugins.isBlank()) {
            folder(out, "Personal Plugins:", plugins);
        }
    }

    private static void folder(PrintStream out, String name, String path) {
        StringBuilder b = new StringBuilder(name);
        while (b.length() < 21) {
            b.append(' ');
        }
        out.println(b.append('\t').append(path));
    }

    private static void fields(Engine engine, PrintStream out) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Field f : engine.fields()) {
            if (!seen.add(f.abbrev())) {
                // tshark lists a name once, however many fields share it
                continue;
            }
            if (f.type() == FieldType.PROTOCOL && engine.protocolOf(f) != null && engine.protocolOf(f).field() == f) {
                Protocol p = engine.protocolOf(f);
                out.println("P\t" + p.name() + "\t" + p.filterName());
                continue;
            }
            Protocol p = engine.protocolOf(f);
            out.println("F\t" + f.name() + "\t" + f.abbrev() + "\t" + f.type().wiresharkName() + "\t"
                    + (p != null ? p.filterName() : "") + "\t" + base(f) + "\t0x" + Long.toHexString(f.bitmask()) + "\t"
                    + f.description());
        }
    }

    private static String base(Field f) {
        if (f.type() == FieldType.BOOLEAN) {
            return Integer.toString(f.bitWidth());
        }
        if (f.type().isInteger()) {
            return f.base().wiresharkName();
        }
        if (f.type() == FieldType.ABSOLUTE_TIME) {
            return f.base() == Base.NONE ? "" : f.base().wiresharkName();
        }
        return "";
    }
}
