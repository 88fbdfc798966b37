package org.dissect4j.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code dissect4j}, parsed the way getopt_long parses tshark's: short options may be
 * clustered ({@code -nr FILE}, {@code -qz conv,tcp}); an option's argument is the rest of its word
 * ({@code -c10}, {@code -Yframe}) or the next word, even one that starts with '-'
 * ({@code -Y '-tcp.window_size_scalefactor == 1'}); long options take {@code --name value} or
 * {@code --name=value}; {@code --} ends the options. {@code -G} has an optional argument: the rest of its word,
 * or the next word when that is not an option, else {@code fields}. Repeated options: the last one wins
 * (the repeatable ones accumulate). Words that are not options are a usage error.
 *
 * <p>Hand-written on purpose: no reflection, annotations or proxies, so nothing here costs start-up time
 * and everything can be archived in the JVM's AOT cache. The option table below is used only for
 * {@code -h} and for the labels in error messages; parsing is two {@code switch}es.
 */
final class Options {
    static final String DESCRIPTION = "Dissect packets from a capture file or a live interface, like tshark.";
    private static final int WIDTH = 100;
    private static final int COLUMN = 30;

    private Options() {
    }

    /** A command line that cannot be parsed: reported as {@code dissect4j: MESSAGE}, exit status 1. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    /** Sets {@code main}'s option fields from {@code args}. */
    static void parse(String[] args, Main main) throws UsageException {
        List<Integer> unmatched = null;
        int i = 0;
        while (i < args.length) {
            String a = args[i++];
            if (a.length() < 2 || a.charAt(0) != '-') {
                // "" and "-" too: not options (for -r -, "-" is the argument and never gets here)
                unmatched = addTo(unmatched, i - 1);
                continue;
            }
            if (a.charAt(1) == '-') {
                if (a.length() == 2) {
                    // "--": what follows is not options
                    while (i < args.length) {
                        unmatched = addTo(unmatched, i++);
                    }
                    break;
                }
                int eq = a.indexOf('=');
                String name = eq < 0 ? a : a.substring(0, eq);
                switch (longArity(name)) {
                    case 0 -> {
                        if (eq >= 0) {
                            throw new UsageException("Option '" + name + "' takes no value (got '" + a.substring(eq + 1) + "')");
                        }
                        set(main, name, null);
                    }
                    case 1 -> {
                        String value;
                        if (eq >= 0) {
                            value = a.substring(eq + 1);
                        } else if (i < args.length) {
                            value = args[i++];
                        } else {
                            throw missing(name);
                        }
                        set(main, name, value);
                    }
                    default -> throw new UsageException("Unknown option: '" + name + "'");
                }
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char c = a.charAt(j);
                int arity = shortArity(c);
                if (arity < 0) {
                    throw new UsageException("Unknown option: '-" + c + "'" + (a.length() > 2 ? " (in '" + a + "')" : ""));
                }
                String name = shortName(c);
                if (arity == 0) {
                    set(main, name, null);
                    continue;
                }
                String value;
                if (j + 1 < a.length()) {
                    value = a.substring(j + 1);
                } else if (arity == 2) {
                    // -G's argument is optional: the next word only when it is not an option
                    value = i < args.length && !args[i].startsWith("-") ? args[i++] : "fields";
                } else if (i < args.length) {
                    value = args[i++];
                } else {
                    throw missing(name);
                }
                set(main, name, value);
                break;
            }
        }
        if (unmatched != null) {
            throw unmatched(args, unmatched);
        }
    }

    private static List<Integer> addTo(List<Integer> list, int index) {
        List<Integer> l = list != null ? list : new ArrayList<>();
        l.add(index);
        return l;
    }

    /** 0: a flag; 1: takes an argument; 2: takes an optional argument; -1: not an option. */
    private static int shortArity(char c) {
        return switch (c) {
            case 'p', 'D', 'V', 'x', 'n', 'q', '2', 'v', 'h', 'l' -> 0;
            case 'r', 'i', 'f', 's', 'a', 'c', 'T', 'e', 'E', 't', 'w', 'F', 'Y', 'R', 'z', 'd', 'o', 'C', 'j', 'J' -> 1;
            case 'G' -> 2;
            default -> -1;
        };
    }

    private static int longArity(String name) {
        return switch (name) {
            case "--version", "--help", "--handshakes", "--no-duplicate-keys", "--color" -> 0;
            case "--check-filter", "--flow", "--disable-protocol", "--enable-heuristic", "--disable-heuristic",
                 "--plugins", "--report-limit", "--threads", "--selected-frame" -> 1;
            default -> -1;
        };
    }

    private static String shortName(char c) {
        return new String(new char[] {'-', c});
    }

    private static void set(Main m, String name, String v) throws UsageException {
        switch (name) {
            case "-r" -> m.readFile = v;
            case "-i" -> m.iface = v;
            case "-f" -> m.captureFilter = v;
            case "-s" -> m.snaplen = (int) number(name, v, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "-p" -> m.noPromisc = true;
            case "-a" -> m.autostop = v;
            case "-D" -> m.listInterfaces = true;
            case "-c" -> m.count = number(name, v, Long.MIN_VALUE, Long.MAX_VALUE);
            case "-V" -> m.verbose = true;
            case "-x" -> m.hexDump = true;
            case "-T" -> m.outputFormat = v;
            case "-e" -> m.fieldNames.add(v);
            case "-E" -> m.fieldOptions.add(v);
            case "-t" -> m.timeFormat = v;
            case "-n" -> m.noResolve = true;
            case "-q" -> m.quiet = true;
            case "-l" -> m.flushEachPacket = true;
            case "-C" -> m.profile = v;
            case "-j" -> {
                m.jsonFilter = v;
                m.jsonFilterChildren = false;
            }
            case "-J" -> {
                m.jsonFilter = v;
                m.jsonFilterChildren = true;
            }
            case "--no-duplicate-keys" -> m.noDuplicateKeys = true;
            case "--color" -> m.color = true;
            case "-w" -> m.writeFile = v;
            case "-F" -> m.writeFormat = v;
            case "-Y" -> m.displayFilter = v;
            case "-R" -> m.readFilter = v;
            case "-2" -> m.twoPass = true;
            case "--check-filter" -> m.checkFilter = v;
            // with -2, the display filter's ${field} references take this frame's values (SelectedReferences)
            case "--selected-frame" -> m.selectedFrame = number(name, v, 1, Integer.MAX_VALUE);
            case "-z" -> m.statistics.add(v);
            case "--handshakes" -> m.handshakes = true;
            case "--report-limit" -> m.reportLimit = (int) number(name, v, 1, Integer.MAX_VALUE - 8);
            case "--threads" -> m.threads = (int) number(name, v, 1, 1024);
            case "--flow" -> {
                m.flowSvg = path(name, v);
                m.flowPerStream = FlowSvg.isFolder(v);
            }
            case "-d" -> m.decodeAs.add(v);
            case "-o" -> m.preferences.add(v);
            case "--disable-protocol" -> m.disabledProtocols.add(v);
            case "--enable-heuristic" -> m.enabledHeuristics.add(v);
            case "--disable-heuristic" -> m.disabledHeuristics.add(v);
            case "--plugins" -> m.pluginDirs.add(path(name, v));
            case "-G" -> m.glossary = v;
            case "-v", "--version" -> m.version = true;
            case "-h", "--help" -> m.help = true;
            default -> throw new IllegalStateException("option without a field: " + name);
        }
    }

    private static long number(String name, String v, long min, long max) throws UsageException {
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw invalid(name, v, "is not a number");
        }
        if (n < min || n > max) {
            throw invalid(name, v, "is out of range");
        }
        return n;
    }

    private static Path path(String name, String v) throws UsageException {
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw invalid(name, v, "is not a path: " + e.getReason());
        }
    }

    private static UsageException invalid(String name, String v, String why) {
        return new UsageException("Invalid value for option '" + name + "'" + label(name) + ": '" + v + "' " + why);
    }

    private static UsageException missing(String name) {
        return new UsageException("Missing required parameter for option '" + name + "'" + label(name));
    }

    /** Words that are not options nor their arguments (tshark would take them as a capture filter). */
    private static UsageException unmatched(String[] args, List<Integer> at) {
        StringBuilder b = new StringBuilder();
        int first = at.get(0);
        if (at.size() == 1) {
            b.append("Unmatched argument at index ").append(first);
        } else if (at.get(at.size() - 1) - first == at.size() - 1) {
            b.append("Unmatched arguments from index ").append(first);
        } else {
            b.append("Unmatched arguments at indexes ");
            for (int k = 0; k < at.size(); k++) {
                b.append(k > 0 ? ", " : "").append(at.get(k));
            }
        }
        b.append(": ");
        for (int k = 0; k < at.size(); k++) {
            b.append(k > 0 ? ", '" : "'").append(args[at.get(k)]).append('\'');
        }
        return new UsageException(b.append(" (a capture filter goes with -f)").toString());
    }

    /** " (LABEL)" for an option that takes an argument. */
    private static String label(String name) {
        for (String[] o : table()) {
            for (String n : o[0].split(", ")) {
                if (n.equals(name)) {
                    return o[1].isEmpty() ? "" : " (" + o[1] + ")";
                }
            }
        }
        return "";
    }

    /** Every option: its names, its argument's label ("" for none) and what it does; for {@code -h}. */
    static String[][] table() {
        return new String[][] {
            {"-r", "FILE", "Read packets from FILE (pcap, pcapng, gzip-compressed; - for stdin)."},
            {"-i", "IFACE", "Capture live on interface IFACE (name or number from -D)."},
            {"-f", "FILTER", "Capture filter (BPF syntax) for live capture."},
            {"-s", "SNAPLEN", "Snapshot length for live capture (default 262144)."},
            {"-p", "", "Don't capture in promiscuous mode."},
            {"-a", "duration:SECS", "Stop live capture after SECS seconds."},
            {"-D", "", "List the interfaces available for live capture and exit."},
            {"-c", "N", "Stop after N packets."},
            {"-V", "", "Print the packet details tree."},
            {"-x", "", "Print a hex and ASCII dump of the packet data."},
            {"-T", "FORMAT", "Output format: text (default), fields, json, jsonraw, ek, pdml, psml."},
            {"-e", "FIELD", "Field to print with -T fields/json/ek (repeatable)."},
            {"-j", "PROTOCOLS", "-T json/jsonraw/ek/pdml: only the subtrees of these protocols (space-separated)."},
            {"-J", "PROTOCOLS", "As -j, with everything below each listed protocol."},
            {"--no-duplicate-keys", "", "-T json: a key's values in one array instead of repeated keys."},
            {"-E", "OPT=VALUE", "-T fields options: header=y|n, separator=/t|/s|C, occurrence=f|l|a|N, "
                    + "aggregator=,|/s|C, quote=d|s|n."},
            {"-t", "FORMAT", "Time column format: r (default), a, ad, adoy, d, dd, e, u, ud, udoy."},
            {"-n", "", "Disable name resolution (MAC names such as Broadcast)."},
            {"-q", "", "Quiet: no per-packet output (statistics only)."},
            {"-l", "", "Flush the output after each packet."},
            {"--color", "", "Wireshark's default coloring rules: -T psml/pdml colors, ANSI colors on a true-color terminal."},
            {"-C", "PROFILE", "Configuration profile (accepted for tshark's callers; dissect4j reads no profile)."},
            {"-w", "FILE", "Write the packets to FILE (- for stdout)."},
            {"-F", "FORMAT", "Format for -w: pcapng (default) or pcap."},
            {"-Y", "FILTER", "Display filter: print only packets that match (Wireshark syntax)."},
            {"-R", "FILTER", "Read filter for the first pass (needs -2)."},
            {"-2", "", "Two passes: dissect every packet first, so fields that depend on later packets are known."},
            {"--selected-frame", "N", "With -2: ${field} references in the display filter take frame N's values, as tshark's."},
            {"--check-filter", "FILTER", "Compile FILTER, print how it was understood (like dftest) and exit: 0 if valid, 2 if not."},
            {"-z", "STATISTICS", "Statistics after the packets (repeatable): conv,eth|ip|ipv6|tcp|udp, expert[,LEVEL], "
                    + "flow,tcp,standard, follow,tcp|udp|tls|http,ascii|hex|raw|yaml,STREAM[,RANGE] "
                    + "(or ADDR:PORT,ADDR:PORT for STREAM), "
                    + "io,stat,INTERVAL[,COLUMN]... (COLUMN: a filter, or COUNT|SUM|MIN|MAX|AVG|LOAD(FIELD)[FILTER])."},
            {"--threads", "N", "Dissect on N threads (default: one per core from 4 cores, else 1); the output is the same as with 1."},
            {"--handshakes", "", "Per TCP connection: handshake, options, how it ended, bytes, TLS (with -T json: JSON)."},
            {"--flow", "FILE.svg|DIR/", "Call-flow (ladder) diagram as SVG; DIR/: one SVG per TCP stream."},
            {"--report-limit", "N", "Connections (or conversations) --handshakes and -z conv keep: the first N (default 100000)."},
            {"-d", "LAYER==VALUE,PROTO", "Decode As, e.g. tcp.port==8443,tls (repeatable)."},
            {"-o", "NAME:VALUE", "Set a dissector preference (repeatable); gui.column.format sets the -T psml columns."},
            {"--disable-protocol", "PROTO", "Do not dissect PROTO (repeatable)."},
            {"--enable-heuristic", "SHORT_NAME", "Enable a heuristic dissector (repeatable)."},
            {"--disable-heuristic", "SHORT_NAME", "Disable a heuristic dissector (repeatable)."},
            {"--plugins", "DIR", "Also load the plugin jars in DIR (also: DISSECT4J_PLUGINS)."},
            {"-G", "[REPORT]", "Print a glossary and exit: fields (default), protocols, plugins, dissector-tables, "
                    + "heuristic-decodes, decodes, column-formats, folders."},
            {"-v, --version", "", "Print the version and exit."},
            {"-h, --help", "", "Print this help and exit."},
        };
    }

    /**
     * The {@code -h} text: one entry per option, descriptions from column {@value #COLUMN} (on the next line when the
     * option and its label are too long for that), wrapped at {@value #WIDTH} columns.
     */
    static void printHelp(PrintStream out) {
        StringBuilder b = new StringBuilder();
        b.append("Usage: dissect4j [OPTION]...\n");
        b.append(DESCRIPTION).append("\n\n");
        for (String[] o : table()) {
            // long-only options line up with the long names of "-v, --version"
            b.append(o[0].startsWith("--") ? "      " : "  ").append(o[0]);
            if (!o[1].isEmpty()) {
                b.append(' ').append(o[1]);
            }
            int at = b.length() - b.lastIndexOf("\n") - 1;
            if (at > COLUMN - 2) {
                b.append('\n');
                at = 0;
            }
            for (String word : o[2].split(" ")) {
                if (at > COLUMN && at + 1 + word.length() > WIDTH) {
                    b.append('\n');
                    at = 0;
                }
                if (at < COLUMN) {
                    b.repeat(' ', COLUMN - at);
                    at = COLUMN;
                } else {
                    b.append(' ');
                    at++;
                }
                b.append(word);
                at += word.length();
            }
            b.append('\n');
        }
        out.print(b);
        out.flush();
    }
}
