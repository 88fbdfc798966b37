package org.dissect4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sinks a command line asks for: the per-packet output ({@code -T}, {@code -V}, {@code -x}, summaries)
 * and the reports ({@code -z}, {@code --handshakes}, {@code --flow}), made from {@link Main}'s options.
 */
final class Outputs {
    private final Main o;
    private final PrintStream out;
    private final PrintStream err;

    Outputs(Main options, PrintStream out, PrintStream err) {
        this.o = options;
        this.out = out;
        this.err = err;
    }

    /** The per-packet output, or {@code null} when only a capture file is written. */
    Sink packetSink(Columns columns, FieldsSink.DigitsSource digits, boolean writing) {
        switch (o.outputFormat) {
            case "fields" -> {
                FieldsSink.Options e = new FieldsSink.Options();
                for (String spec : o.fieldOptions) {
                    e.set(spec);
                }
                return new FieldsSink(out, o.fieldNames, e, columns, digits);
            }
            case "json", "jsonraw" -> {
                return new JsonSink(out, jsonOptions(), new SelectedFields(o.fieldNames, columns, digits));
            }
            case "ek" -> {
                return new EkSink(out, jsonOptions(), new SelectedFields(o.fieldNames, columns, digits));
            }
            case "pdml" -> {
                PdmlSink pdml = new PdmlSink(out, o.readFile, JsonOptions.filter(o.jsonFilter), o.jsonFilterChildren);
                pdml.colors = o.color ? new ColorRules() : null;
                return pdml;
            }
            case "psml" -> {
                PsmlSink psml = new PsmlSink(out, o.columnFormat != null ? o.columnFormat : ColumnSpec.parse(ColumnSpec.DEFAULT), columns, digits);
                psml.colors = o.color ? new ColorRules() : null;
                return psml;
            }
            default -> {
                if (writing && !o.verbose && !o.hexDump) {
                    return null;
                }
                if (o.verbose || o.hexDump) {
                    DetailSink details = new DetailSink(out, o.verbose, o.hexDump, null);
                    details.colors = o.color ? new ColorRules() : null;
                    return details;
                }
                return new SummarySink(out, columns, digits).colored(o.color && trueColorTerminal() ? new ColorRules() : null);
            }
        }
    }

    /**
     * Whether {@code --color} colors summary lines: as tshark, only on a terminal that says it shows 24-bit color
     * ({@code COLORTERM=truecolor} or {@code 24bit}); into a pipe or a file the lines stay plain.
     */
    private static boolean trueColorTerminal() {
        String ct = System.getenv("COLORTERM");
        return System.console() != null && System.console().isTerminal() && ("truecolor".equals(ct) || "24bit".equals(ct));
    }

    private JsonOptions jsonOptions() {
        boolean raw = o.outputFormat.equals("jsonraw");
        return new JsonOptions(JsonOptions.filter(o.jsonFilter), o.jsonFilterChildren, o.noDuplicateKeys, raw || o.hexDump, !raw);
    }

    /**
     * {@code --o.handshakes} and {@code --flow} print no per-packet summaries: only the report, unless the
     * packets were asked for in another form ({@code -V}, {@code -x}, {@code -T fields|ek}, or {@code -T json}
     * without {@code --o.handshakes}, for which it selects the report's JSON).
     */
    boolean reportsOnly() {
        if (!o.handshakes && o.flowSvg == null) {
            return false;
        }
        boolean asked = o.verbose || o.hexDump || List.of("fields", "ek", "pdml", "psml", "jsonraw").contains(o.outputFormat)
                || (o.outputFormat.equals("json") && !o.handshakes);
        return !asked;
    }

    /** The {@code -z}, {@code --o.handshakes} and {@code --flow} reports, in command-line order. */
    List<Sink> reports(Columns columns, FieldsSink.DigitsSource digits) {
        List<Sink> sinks = new ArrayList<>();
        for (String z : o.statistics) {
            if (z.startsWith("conv,")) {
                sinks.add(new ConversationStats(out, z.substring("conv,".length()), o.timeFormat, !o.noResolve, o.reportLimit, err));
            } else if (z.equals("expert") || z.startsWith("expert,")) {
                sinks.add(new ExpertStats(out, ExpertStats.level(z.equals("expert") ? null : z.substring("expert,".length()))));
            } else if (z.startsWith("follow,")) {
                sinks.add(new FollowStream(out, z.substring("follow,".length()), o.reportLimit, err));
            } else if (z.startsWith("io,stat,")) {
                sinks.add(new IoStat(out, z, o.timeFormat, o.reportLimit, err));
            } else if (z.equals("flow,tcp,standard") || z.equals("flow,tcp,network")) {
                sinks.add(new FlowText(out, columns, digits));
            } else {
                throw new IllegalArgumentException("invalid -z \"" + z
                        + "\"; supported: conv,eth|ip|ipv6|tcp|udp, expert[,error|warn|note|chat|comment], flow,tcp,standard, "
                        + "follow,tcp|udp|tls|http,ascii|hex|raw|yaml,N, io,stat,INTERVAL[,FILTER]...");
            }
        }
        if (o.handshakes) {
            sinks.add(new HandshakeReport(out, "json".equals(o.outputFormat), o.reportLimit, err));
        }
        if (o.flowSvg != null) {
            String name = o.readFile != null ? Path.of(o.readFile).getFileName().toString() : o.iface;
            sinks.add(new FlowSvg(o.flowSvg, o.flowPerStream, name, columns, digits, err));
        }
        return sinks;
    }
}
