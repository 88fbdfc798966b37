package org.dissect4j.cli;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.PluginException;
import org.dissect4j.api.Settings;
import org.dissect4j.capture.CaptureException;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureInterface;
import org.dissect4j.capture.CaptureReader;
import org.dissect4j.capture.CaptureSource;
import org.dissect4j.capture.CaptureWriter;
import org.dissect4j.capture.LiveCapture;
import org.dissect4j.capture.LiveDevice;
import org.dissect4j.capture.LiveOptions;
import org.dissect4j.filter.DisplayFilter;
import org.dissect4j.filter.FilterException;

/**
 * The {@code dissect4j} command: tshark's options for what dissect4j supports, printing what tshark
 * prints. Exit status 0 when all went well, 1 for a usage error, 2 for bad input (a corrupt
 * capture, an unknown field, a plugin that cannot load).
 *
 * <p>The fields below are the options, set by {@link Options#parse} (getopt style, as tshark); their help
 * texts are in {@link Options#table()}.
 */
public final class Main implements Callable<Integer> {
    static final String VERSION = "0.1.0";
    /** The tshark release whose options and outputs dissect4j follows (the first line of {@code -v} names it). */
    static final String TSHARK_VERSION = "4.0.17";

    // -r FILE
    String readFile;

    // -i IFACE
    String iface;

    // -f FILTER
    String captureFilter;

    // -s SNAPLEN
    int snaplen = 262144;

    // -p
    boolean noPromisc;

    // -a duration:SECS
    String autostop;

    // -D
    boolean listInterfaces;

    // -c N
    long count = -1;
    /** {@code --report-limit}: connections or conversations a report keeps. */
    int reportLimit = ReportLimits.DEFAULT;

    // -V
    boolean verbose;

    // -x
    boolean hexDump;

    // -T FORMAT
    String outputFormat = "text";

    // -e FIELD
    List<String> fieldNames = new ArrayList<>();

    // -E OPT=VALUE
    List<String> fieldOptions = new ArrayList<>();

    // -t FORMAT
    String timeFormat = "r";

    // -n
    boolean noResolve;

    // -q
    boolean quiet;

    // -l
    boolean flushEachPacket;

    // --color
    boolean color;

    // -C PROFILE
    String profile;

    // -j PROTOCOLS, -J PROTOCOLS
    String jsonFilter;
    boolean jsonFilterChildren;

    // --no-duplicate-keys
    boolean noDuplicateKeys;

    /** {@code -o gui.column.format:...}: the {@code -T psml} columns. */
    List<ColumnSpec> columnFormat;

    // -w FILE
    String writeFile;

    // -F FORMAT
    String writeFormat = "pcapng";

    // -Y FILTER
    String displayFilter;

    // -R FILTER
    String readFilter;

    // -2
    boolean twoPass;

    /** {@code --selected-frame N}: the frame whose values fill the display filter's references with -2; 0 none. */
    long selectedFrame;

    /** The references' values, read in the first pass of -2 when the display filter has references. */
    private SelectedReferences references;

    // --check-filter FILTER
    String checkFilter;

    // -z STATISTICS
    List<String> statistics = new ArrayList<>();

    // --handshakes
    boolean handshakes;

    /** {@code --threads N}: dissection workers; by default {@link #defaultThreads()}. */
    int threads = defaultThreads();

    // --flow FILE.svg
    Path flowSvg;
    /** {@code --flow DIR/}: one SVG per TCP stream. */
    boolean flowPerStream;

    // -d LAYER==VALUE,PROTO
    List<String> decodeAs = new ArrayList<>();

    // -o NAME:VALUE
    List<String> preferences = new ArrayList<>();

    // --disable-protocol PROTO
    List<String> disabledProtocols = new ArrayList<>();

    // --enable-heuristic SHORT_NAME
    List<String> enabledHeuristics = new ArrayList<>();

    // --disable-heuristic SHORT_NAME
    List<String> disabledHeuristics = new ArrayList<>();

    // --plugins DIR
    List<Path> pluginDirs = new ArrayList<>();

    // -G [REPORT] (optional argument, "fields" without it)
    String glossary;

    // -v, --version
    boolean version;

    // -h, --help
    boolean help;

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(java.io.FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, out, err);
        out.flush();
        System.exit(status);
    }

    /** Runs the command with {@code args}; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Main main = new Main(out, err);
        try {
            Options.parse(args, main);
        } catch (Options.UsageException e) {
            err.println("dissect4j: " + e.getMessage());
            err.println("Try 'dissect4j -h' for more information.");
            return 1;
        }
        if (main.help) {
            Options.printHelp(out);
            return 0;
        }
        int status;
        try {
            status = main.call();
        } catch (RuntimeException e) {
            err.println("dissect4j: internal error: " + e);
            e.printStackTrace(err);
            status = 2;
        }
        out.flush();
        return status;
    }

    @Override
    public Integer call() {
        if (version) {
            // tools that drive tshark (termshark, pyshark) read the release from the first line
            out.println("TShark (Wireshark) " + TSHARK_VERSION + " (dissect4j " + VERSION + ")");
            out.println();
            out.println("dissect4j " + VERSION + " (Java " + Runtime.version() + ", dissector API "
                    + org.dissect4j.api.DissectorPlugin.API_VERSION + ")");
            out.println("A Wireshark-style packet dissector framework for the JVM. Apache-2.0.");
            out.println("Options and outputs follow TShark " + TSHARK_VERSION + ".");
            return 0;
        }
        Integer usage = checkUsage();
        if (usage != null) {
            return usage;
        }
        Settings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            err.println("dissect4j: " + e.getMessage());
            return 1;
        }
        Engine engine;
        try {
            engine = buildEngine(settings);
        } catch (PluginException | IllegalArgumentException e) {
            err.println("dissect4j: " + e.getMessage());
            return 2;
        }
        // as tshark: a preference no loaded dissector knows (a typo, a protocol not loaded) is a usage error
        for (String name : settings.unread()) {
            for (String pref : preferences) {
                if (pref.startsWith(name + ":")) {
                    err.println("dissect4j: -o flag \"" + pref + "\" specifies unknown preference");
                    return 1;
                }
            }
        }
        if (glossary != null) {
            if (!Glossary.print(glossary, engine, out)) {
                err.println("dissect4j: invalid -G report \"" + glossary
                        + "\"; use fields, protocols, plugins, dissector-tables, heuristic-decodes, decodes, column-formats or folders");
                return 1;
            }
            return 0;
        }
        if (listInterfaces) {
            return listDevices();
        }
        if (checkFilter != null) {
            try {
                out.println(DisplayFilter.compile(checkFilter, engine).explain());
                return 0;
            } catch (FilterException e) {
                err.println("dissect4j: invalid filter: " + e.getMessage());
                return 2;
            }
        }
        DisplayFilter display;
        DisplayFilter read;
        try {
            display = displayFilter == null ? null : DisplayFilter.compile(displayFilter, engine);
            read = readFilter == null ? null : DisplayFilter.compile(readFilter, engine);
            if (display != null && twoPass && selectedFrame > 0) {
                List<String> names = DisplayFilter.referenceNames(displayFilter);
                references = names.isEmpty() ? null : new SelectedReferences(engine, names, selectedFrame);
            }
        } catch (FilterException e) {
            err.println("dissect4j: invalid filter: " + e.getMessage());
            return 2;
        }
        return dissect(engine, display, read);
    }

    /**
     * The {@code -o} preferences as {@link Settings} (a new object: an engine marks what it read), and
     * {@code gui.column.format} into {@link #columnFormat}.
     *
     * @throws IllegalArgumentException for a malformed {@code -o}
     */
    Settings settings() {
        Settings settings = new Settings();
        for (String pref : preferences) {
            int colon = pref.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("Invalid -o flag \"" + pref + "\"");
            }
            String name = pref.substring(0, colon);
            if (name.equals("gui.column.format")) {
                try {
                    columnFormat = ColumnSpec.parse(pref.substring(colon + 1));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Invalid -o flag \"" + pref + "\": " + e.getMessage(), e);
                }
                continue;
            }
            settings.set(name, pref.substring(colon + 1));
        }
        return settings;
    }

    private Integer checkUsage() {
        if (!Columns.isValid(timeFormat)) {
            err.println("dissect4j: invalid -t format \"" + timeFormat + "\"; use r, a, ad, adoy, d, dd, e, u, ud or udoy");
            return 1;
        }
        switch (outputFormat) {
            case "text", "fields", "json", "jsonraw", "ek", "pdml", "psml" -> {
            }
            default -> {
                err.println("dissect4j: invalid -T format \"" + outputFormat + "\"; use text, fields, json, jsonraw, ek, pdml or psml");
                return 1;
            }
        }
        if (outputFormat.equals("fields") && fieldNames.isEmpty()) {
            err.println("dissect4j: -T fields was specified, but no fields were specified with -e");
            return 1;
        }
        if (!fieldNames.isEmpty() && !List.of("fields", "json", "jsonraw", "ek").contains(outputFormat)) {
            err.println("dissect4j: -e requires -T fields, -T json, -T jsonraw or -T ek");
            return 1;
        }
        if (!writeFormat.equals("pcapng") && !writeFormat.equals("pcap")) {
            err.println("dissect4j: invalid -F format \"" + writeFormat + "\"; use pcapng or pcap");
            return 1;
        }
        if (readFilter != null && !twoPass) {
            err.println("dissect4j: -R without -2 is not supported; for single-pass filtering use -Y");
            return 1;
        }
        if (twoPass && (readFile == null || readFile.equals("-"))) {
            err.println("dissect4j: -2 needs a capture file (-r FILE): the file is read twice");
            return 1;
        }
        if (glossary == null && !listInterfaces && checkFilter == null && readFile == null && iface == null) {
            err.println("dissect4j: no input: use -r FILE (or -r - for stdin) or -i IFACE; -h for help");
            return 1;
        }
        if (readFile != null && iface != null) {
            err.println("dissect4j: use either -r or -i, not both");
            return 1;
        }
        return null;
    }

    Engine buildEngine(Settings settings) {
        Engine.Builder b = Engine.builder().settings(settings);
        String env = System.getenv("DISSECT4J_PLUGINS");
        if (env != null && !env.isBlank()) {
            for (String dir : env.split(java.io.File.pathSeparator)) {
                if (!dir.isBlank()) {
                    b.pluginsDirectory(Path.of(dir));
                }
            }
        }
        for (Path dir : pluginDirs) {
            b.pluginsDirectory(dir);
        }
        Engine engine = b.build();
        for (String spec : decodeAs) {
            applyDecodeAs(engine, spec);
        }
        for (String p : disabledProtocols) {
            engine.enableProtocol(p, false);
        }
        for (String h : enabledHeuristics) {
            engine.enableHeuristic(h, true);
        }
        for (String h : disabledHeuristics) {
            engine.enableHeuristic(h, false);
        }
        if (secretsMayCome) {
            // a Decryption Secrets Block may come between packets: TLS notes every connection's randoms from the start
            engine.addSecrets(org.dissect4j.capture.DecryptionSecrets.TLS_KEY_LOG, new byte[0]);
        }
        return engine;
    }

    /** {@code -d tcp.port==8443,tls} (also {@code tcp.port==8443-8445,tls} and {@code tcp.port:8443,tls}). */
    static void applyDecodeAs(Engine engine, String spec) {
        int comma = spec.lastIndexOf(',');
        int eq = spec.indexOf("==");
        int sepLen = 2;
        if (eq < 0) {
            eq = spec.indexOf(':');
            sepLen = 1;
        }
        if (comma < 0 || eq <= 0 || eq > comma) {
            throw new IllegalArgumentException("invalid -d \"" + spec + "\": expected layer==value,protocol (e.g. tcp.port==8443,tls)");
        }
        String table = spec.substring(0, eq).trim();
        String value = spec.substring(eq + sepLen, comma).trim();
        String proto = spec.substring(comma + 1).trim();
        var t = engine.table(table);
        int dash = value.indexOf('-', 1);
        if (t != null && !t.isStringTable() && dash > 0) {
            long from = Long.decode(value.substring(0, dash).trim());
            long to = Long.decode(value.substring(dash + 1).trim());
            if (to < from || to - from > 65535) {
                throw new IllegalArgumentException("invalid -d range \"" + value + "\"");
            }
            for (long k = from; k <= to; k++) {
                engine.decodeAs(table, Long.toString(k), proto);
            }
            return;
        }
        engine.decodeAs(table, value, proto);
    }

    private int listDevices() {
        try {
            List<LiveDevice> devices = LiveCapture.devices();
            int i = 1;
            for (LiveDevice d : devices) {
                out.println(i++ + ". " + d.name() + (d.description() != null && !d.description().isEmpty()
                        ? " (" + d.description() + ")" : d.loopback() ? " (Loopback)" : ""));
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("dissect4j: " + e.getMessage());
            return 2;
        }
    }

    private int dissect(Engine engine, DisplayFilter display, DisplayFilter read) {
        CaptureSource source;
        CaptureReader reader = null;
        try {
            if (readFile != null) {
                reader = readFile.equals("-") ? CaptureFiles.open(System.in, "-") : CaptureFiles.open(Path.of(readFile));
                source = reader;
            } else {
                source = openLive();
            }
        } catch (IOException | RuntimeException e) {
            err.println("dissect4j: " + message(e));
            return 2;
        }
        final CaptureReader files = reader;
        if (reader != null && reader.format() == org.dissect4j.capture.CaptureFormat.PCAPNG) {
            secretsMayCome = true;
            engine.addSecrets(org.dissect4j.capture.DecryptionSecrets.TLS_KEY_LOG, new byte[0]);
        }
        secretsHanded = 0;
        FieldsSink.DigitsSource digits = f -> timeDigits(files, f);
        Columns columns = new Columns(timeFormat, !noResolve);
        List<Sink> sinks = new ArrayList<>();
        List<Sink> reports = List.of();
        CaptureWriter writer = null;
        OutputStream writerOut = null;
        try {
            if (writeFile != null) {
                writerOut = writeFile.equals("-") ? out : new BufferedOutputStream(Files.newOutputStream(Path.of(writeFile)), 1 << 16);
                writer = openWriter(writerOut, files, source);
            }
            Outputs outputs = new Outputs(this, out, err);
            reports = outputs.reports(columns, digits);
            if (!quiet && !outputs.reportsOnly() && !(writeFile != null && writeFile.equals("-"))) {
                Sink s = outputs.packetSink(columns, digits, writeFile != null);
                if (s != null) {
                    sinks.add(s);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            err.println("dissect4j: " + e.getMessage());
            closeQuietly(source);
            return 2;
        }
        if (!validateFields(engine)) {
            closeQuietly(source);
            return 2;
        }
        try {
            for (Sink s : sinks) {
                s.prime(engine);
            }
            for (Sink s : reports) {
                s.prime(engine);
            }
        } catch (IllegalArgumentException e) {
            // a report's filter or field that does not compile (-z io,stat)
            err.println("dissect4j: " + e.getMessage());
            closeQuietly(source);
            return 2;
        }
        if (display != null) {
            display.prime(engine.tree());
        }
        if (read != null) {
            read.prime(engine.tree());
        }
        int status = 0;
        try {
            java.util.BitSet dropped = null;
            if (twoPass) {
                // the first pass builds the per-connection state the second one reads
                engine.keepState(true);
                dropped = firstPass(engine, source, read);
                closeQuietly(source);
                source = CaptureFiles.open(Path.of(readFile));
                if (references != null) {
                    display = withReferences(engine);
                }
            }
            if (parallel(reports)) {
                Progress progress = Progress.forOutput(files, err, System.console());
                try {
                    new ParallelOutputs(this, engine, display, out, err, sinks.isEmpty() ? null : sinks.get(0), writer, progress)
                            .run(files, threads);
                } finally {
                    progress.done();
                }
            } else {
                status = secondPass(engine, source, files == null ? null : (CaptureReader) source, display, dropped, sinks, reports,
                        writer, columns);
            }
        } catch (CaptureException e) {
            err.println("dissect4j: " + e.getMessage());
            status = 2;
        } catch (IOException e) {
            err.println("dissect4j: " + message(e));
            status = 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("dissect4j: interrupted");
            status = 2;
        } finally {
            try {
                for (Sink s : sinks) {
                    s.finish();
                }
                // tshark prints -z tables in reverse order of the command line
                for (int i = reports.size() - 1; i >= 0; i--) {
                    reports.get(i).finish();
                }
                if (writer != null) {
                    writer.close();
                    if (writerOut != out) {
                        writerOut.close();
                    }
                }
            } catch (IOException e) {
                err.println("dissect4j: " + message(e));
                status = 2;
            }
            closeQuietly(source);
            out.flush();
        }
        return status;
    }

    /**
     * One worker per core from 4 cores on, else 1: a one-thread run already keeps about 1.8 cores busy (the JIT
     * compiles on the second), so on 2 cores a second worker has no core of its own (measured in BENCHMARKS.md,
     * "Threads": 1.06x summaries, 0.85x SNI with {@code --threads 2}).
     */
    static int defaultThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        return cores >= 4 ? cores : 1;
    }

    /**
     * Whether this run dissects on {@link #threads} workers ({@link ParallelOutputs}): a capture file (or
     * stdin), one pass, and no report. {@code -2}, {@code -z}, {@code --handshakes} and {@code --flow} keep
     * one thread: their state spans every conversation and has no merge yet; live capture too.
     */
    private boolean parallel(List<Sink> reports) {
        return threads > 1 && readFile != null && !twoPass && reports.isEmpty();
    }

    /** {@code -2}: dissects every frame once so per-connection state sees the whole capture; returns the frames {@code -R} drops. */
    private java.util.BitSet firstPass(Engine engine, CaptureSource source, DisplayFilter read) throws IOException {
        java.util.BitSet dropped = new java.util.BitSet();
        boolean columns = engine.columns();
        engine.columns(false);
        Frame f;
        long n = 0;
        while ((count < 0 || n < count) && (f = source.next()) != null) {
            n++;
            handSecrets(engine, source);
            engine.dissect(f);
            if (references != null) {
                references.capture(f.number(), engine.tree());
            }
            if (read != null && !read.matches(engine.tree())) {
                dropped.set((int) Math.min(Integer.MAX_VALUE, f.number()));
            }
        }
        engine.columns(columns);
        return dropped;
    }

    /** The display filter again, its references filled with the selected frame's values (read by the first pass). */
    private DisplayFilter withReferences(Engine engine) throws IOException {
        try {
            DisplayFilter filled = DisplayFilter.compile(displayFilter, engine, references::values);
            filled.prime(engine.tree());
            return filled;
        } catch (FilterException e) {
            // a value of the selected frame that its field's type cannot read back (tshark stops the same way)
            throw new IOException("invalid filter: " + e.getMessage(), e);
        }
    }

    /** The file read is pcapng: engines are told that decryption secrets may come between packets. */
    private boolean secretsMayCome;

    /** Decryption Secrets Blocks the reader handed to the engine so far (the second pass of -2 has them all). */
    private int secretsHanded;

    /**
     * Hands the engine the pcapng Decryption Secrets Blocks read since the last frame (a TLS key log), as tshark
     * applies a block to the packets after it: at the first frame, those before the first packet.
     */
    private void handSecrets(Engine engine, CaptureSource source) {
        if (source instanceof CaptureReader r) {
            List<org.dissect4j.capture.DecryptionSecrets> all = r.secrets();
            for (; secretsHanded < all.size(); secretsHanded++) {
                engine.addSecrets(all.get(secretsHanded).type(), all.get(secretsHanded).data());
            }
        }
    }

    /** The pass that prints: dissects, filters with {@code -Y}, and feeds the outputs and the writer. */
    private int secondPass(Engine engine, CaptureSource source, CaptureReader progressOf, DisplayFilter display,
                           java.util.BitSet dropped, List<Sink> sinks, List<Sink> reports, CaptureWriter writer,
                           Columns columns) throws IOException {
        Progress progress = Progress.forOutput(progressOf, err, System.console());
        // arrays, not lists: an iterator per packet and list would be garbage on every frame
        Sink[] outputs = sinks.toArray(Sink[]::new);
        Sink[] counted = reports.stream().filter(Sink::seesEveryPacket).toArray(Sink[]::new);
        Sink[] shownOnly = reports.stream().filter(s -> !s.seesEveryPacket()).toArray(Sink[]::new);
        long n = 0;
        try {
            Frame f;
            while ((count < 0 || n < count) && (f = source.next()) != null) {
                n++;
                if (dropped == null) {
                    handSecrets(engine, source);
                }
                if (dropped != null && dropped.get((int) Math.min(Integer.MAX_VALUE, f.number()))) {
                    continue;
                }
                columns.frameRead(f);
                Packet p = engine.dissect(f, dropped != null);
                // -z statistics count every packet read, as tshark's do; -Y selects what is printed,
                // and what --handshakes and --flow show
                for (Sink s : counted) {
                    s.packet(f, p);
                }
                boolean shown = display == null || display.matches(p.tree());
                if (shown) {
                    for (Sink s : shownOnly) {
                        s.packet(f, p);
                    }
                    for (Sink s : outputs) {
                        s.packet(f, p);
                    }
                    if (flushEachPacket) {
                        out.flush();
                    }
                    if (writer != null) {
                        writer.write(f);
                    }
                    engine.displayed(f);
                }
                columns.frameDone(f, shown);
                progress.update(n);
            }
        } finally {
            progress.done();
        }
        return 0;
    }

    private boolean validateFields(Engine engine) {
        List<String> bad = new ArrayList<>();
        for (String name : fieldNames) {
            if (!FieldsSink.isColumn(name) && engine.fields(name).isEmpty()) {
                bad.add(name);
            }
        }
        if (bad.isEmpty()) {
            return true;
        }
        err.println("dissect4j: Some fields aren't valid:");
        for (String b : bad) {
            err.println("\t" + b);
        }
        return false;
    }

    private CaptureWriter openWriter(OutputStream os, CaptureReader files, CaptureSource source) throws IOException {
        boolean nanos = true;
        int linkType;
        int snap;
        List<CaptureInterface> ifaces;
        if (files != null) {
            ifaces = files.interfaces();
        } else {
            LiveCapture live = (LiveCapture) source;
            ifaces = List.of(new CaptureInterface(0, live.linkType(), snaplen, iface, "", 1_000_000_000L));
        }
        if (writeFormat.equals("pcapng")) {
            return CaptureWriter.pcapng(os, ifaces);
        }
        if (ifaces.isEmpty()) {
            throw new IOException("cannot write pcap: the input declares no interface");
        }
        linkType = ifaces.get(0).linkType();
        snap = ifaces.get(0).snaplen() > 0 ? ifaces.get(0).snaplen() : 262144;
        nanos = ifaces.get(0).tsResolutionUnitsPerSecond() > 1_000_000L;
        return CaptureWriter.pcap(os, linkType, snap, nanos);
    }

    private CaptureSource openLive() throws IOException {
        String device = iface;
        if (device.matches("[0-9]+")) {
            List<LiveDevice> devices = LiveCapture.devices();
            int i = Integer.parseInt(device);
            if (i < 1 || i > devices.size()) {
                throw new IOException("there is no interface number " + i + " (see dissect4j -D)");
            }
            device = devices.get(i - 1).name();
        }
        long durationMillis = -1;
        if (autostop != null) {
            if (!autostop.startsWith("duration:")) {
                throw new IllegalArgumentException("invalid -a \"" + autostop + "\": only duration:SECS is supported");
            }
            durationMillis = (long) (Double.parseDouble(autostop.substring("duration:".length())) * 1000);
        }
        LiveOptions opts = LiveOptions.defaults().withSnaplen(snaplen).withPromisc(!noPromisc).withFilter(captureFilter);
        if (durationMillis >= 0) {
            opts = opts.withDurationMillis(durationMillis);
        }
        LiveCapture live = LiveCapture.open(device, opts);
        return live;
    }

    static int timeDigits(CaptureReader files, Frame f) {
        if (files == null) {
            return 9;
        }
        List<CaptureInterface> ifs = files.interfaces();
        if (f.interfaceId() >= ifs.size()) {
            return 6;
        }
        long units = ifs.get(f.interfaceId()).tsResolutionUnitsPerSecond();
        int d = 0;
        for (long u = units; u >= 10 && u % 10 == 0; u /= 10) {
            d++;
        }
        return units == pow10(d) ? d : 9;
    }

    private static long pow10(int d) {
        long v = 1;
        for (int i = 0; i < d; i++) {
            v *= 10;
        }
        return v;
    }

    private static String message(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static void closeQuietly(CaptureSource s) {
        try {
            s.close();
        } catch (Exception ignored) {
            // closing after an error: the first error is the one reported
        }
    }
}
