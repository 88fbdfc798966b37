package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The getopt-style command line: what {@link Options#parse} sets, and the usage errors {@link Main#run} reports. */
class OptionsTest {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    private static Main parse(String... args) throws Options.UsageException {
        Main m = new Main(NOWHERE, NOWHERE);
        Options.parse(args, m);
        return m;
    }

    @Test
    void defaults() throws Exception {
        Main m = parse();
        assertThat(m.snaplen).isEqualTo(262144);
        assertThat(m.count).isEqualTo(-1);
        assertThat(m.outputFormat).isEqualTo("text");
        assertThat(m.timeFormat).isEqualTo("r");
        assertThat(m.writeFormat).isEqualTo("pcapng");
        assertThat(m.readFile).isNull();
        assertThat(m.glossary).isNull();
        assertThat(m.fieldNames).isEmpty();
        assertThat(m.quiet || m.verbose || m.help || m.version || m.twoPass || m.handshakes).isFalse();
    }

    @Test
    void selectedFrameIsAcceptedAsTshark() throws Exception {
        Main m = parse("-r", "x.pcap", "-2", "-R", "ip.src == ${ip.src#1}", "--selected-frame", "3");
        assertThat(m.readFilter).isEqualTo("ip.src == ${ip.src#1}");
        assertThat(parse("--selected-frame=3", "-r", "x.pcap").readFile).isEqualTo("x.pcap");
    }

    @Test
    void clusteredShortOptions() throws Exception {
        Main m = parse("-nr", "x.pcap", "-qz", "conv,tcp", "-Vx2p");
        assertThat(m.noResolve).isTrue();
        assertThat(m.readFile).isEqualTo("x.pcap");
        assertThat(m.quiet).isTrue();
        assertThat(m.statistics).containsExactly("conv,tcp");
        assertThat(m.verbose && m.hexDump && m.twoPass && m.noPromisc).isTrue();
    }

    @Test
    void attachedArguments() throws Exception {
        Main m = parse("-c10", "-Yframe", "-ecol", "-eip.src", "-Tfields", "-Eheader=y", "-nqrfile", "-s65535");
        assertThat(m.count).isEqualTo(10);
        assertThat(m.displayFilter).isEqualTo("frame");
        assertThat(m.fieldNames).containsExactly("col", "ip.src");
        assertThat(m.outputFormat).isEqualTo("fields");
        assertThat(m.fieldOptions).containsExactly("header=y");
        assertThat(m.noResolve && m.quiet).isTrue();
        assertThat(m.readFile).isEqualTo("file");
        assertThat(m.snaplen).isEqualTo(65535);
    }

    @Test
    void argumentsMayStartWithADash() throws Exception {
        Main m = parse("-Y", "-tcp.window_size_scalefactor == 1", "-r", "-", "-w", "-n", "-c", "-1");
        assertThat(m.displayFilter).isEqualTo("-tcp.window_size_scalefactor == 1");
        assertThat(m.readFile).isEqualTo("-");
        assertThat(m.writeFile).isEqualTo("-n");
        assertThat(m.noResolve).isFalse();
        assertThat(m.count).isEqualTo(-1);
        assertThat(parse("--check-filter", "-tcp").checkFilter).isEqualTo("-tcp");
    }

    @Test
    void longOptions() throws Exception {
        Main m = parse("--check-filter=tcp.port == 80", "--flow", "out.svg", "--plugins=a", "--plugins", "b",
                "--disable-protocol", "http", "--enable-heuristic=mqtt_tcp", "--disable-heuristic", "x_udp",
                "--handshakes", "--version", "--help");
        assertThat(m.checkFilter).isEqualTo("tcp.port == 80");
        assertThat(m.flowSvg).isEqualTo(Path.of("out.svg"));
        assertThat(m.pluginDirs).containsExactly(Path.of("a"), Path.of("b"));
        assertThat(m.disabledProtocols).containsExactly("http");
        assertThat(m.enabledHeuristics).containsExactly("mqtt_tcp");
        assertThat(m.disabledHeuristics).containsExactly("x_udp");
        assertThat(m.handshakes && m.version && m.help).isTrue();
        assertThat(parse("--check-filter=").checkFilter).isEmpty();
        assertThat(parse("--check-filter=a=b").checkFilter).isEqualTo("a=b");
    }

    @Test
    void repeatableOptionsAccumulateAndTheLastSingleOneWins() throws Exception {
        Main m = parse("-r", "a", "-r", "b", "-n", "-n", "-d", "tcp.port==1,http", "-d", "udp.port==2,dns",
                "-o", "a:1", "-o", "b:2", "-z", "expert", "-z", "conv,ip");
        assertThat(m.readFile).isEqualTo("b");
        assertThat(m.decodeAs).containsExactly("tcp.port==1,http", "udp.port==2,dns");
        assertThat(m.preferences).containsExactly("a:1", "b:2");
        assertThat(m.statistics).containsExactly("expert", "conv,ip");
    }

    @Test
    void doubleDashEndsTheOptions() {
        Cli r = Cli.run("-r", Cli.SAMPLE.toString(), "--", "-c", "1");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("Unmatched arguments from index 3: '-c', '1'");
        Cli nothingAfter = Cli.run("-r", Cli.SAMPLE.toString(), "-c", "1", "--");
        assertThat(nothingAfter.status()).as(nothingAfter.err()).isZero();
        assertThat(nothingAfter.out().lines()).hasSize(1);
    }

    @Test
    void glossaryTakesAnOptionalArgument() throws Exception {
        assertThat(parse("-G").glossary).isEqualTo("fields");
        assertThat(parse("-G", "protocols").glossary).isEqualTo("protocols");
        assertThat(parse("-Gprotocols").glossary).isEqualTo("protocols");
        Main m = parse("-G", "-n");
        assertThat(m.glossary).isEqualTo("fields");
        assertThat(m.noResolve).isTrue();
        assertThat(parse("-nG").glossary).isEqualTo("fields");
        assertThat(parse("-G", "--plugins", "d").glossary).isEqualTo("fields");
        assertThat(Cli.run("-G").out()).contains("F\tSource Port\ttcp.srcport\t");
        assertThat(Cli.run("-G", "protocols").out()).contains("User Datagram Protocol\tUDP\tudp");
    }

    @Test
    void unknownOption() {
        for (String[] args : List.of(new String[] {"-Q"}, new String[] {"-nQ"}, new String[] {"--no-such-option"},
                new String[] {"--no-such-option=1"})) {
            Cli r = Cli.run(args);
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).endsWith("Try 'dissect4j -h' for more information.\n");
        }
        assertThat(Cli.run("-Q").err()).isEqualTo("dissect4j: Unknown option: '-Q'\nTry 'dissect4j -h' for more information.\n");
        assertThat(Cli.run("-nQ").err()).startsWith("dissect4j: Unknown option: '-Q'");
        assertThat(Cli.run("--no-such-option=1").err()).startsWith("dissect4j: Unknown option: '--no-such-option'\n");
        assertThat(Cli.run("--version=yes").status()).isEqualTo(1);
    }

    @Test
    void missingArgument() {
        Cli r = Cli.run("-r");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("dissect4j: Missing required parameter for option '-r' (FILE)\n"
                + "Try 'dissect4j -h' for more information.\n");
        assertThat(Cli.run("-nr").err()).startsWith("dissect4j: Missing required parameter for option '-r' (FILE)");
        assertThat(Cli.run("-r", Cli.SAMPLE.toString(), "--flow").err())
                .startsWith("dissect4j: Missing required parameter for option '--flow' (FILE.svg|DIR/)");
    }

    @Test
    void numbers() throws Exception {
        for (String[] args : List.of(new String[] {"-c", "ten"}, new String[] {"-cx"}, new String[] {"-c", ""},
                new String[] {"-s", "99999999999"}, new String[] {"-c", "0x10"})) {
            Cli r = Cli.run(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.err()).startsWith("dissect4j: Invalid value for option '-" + args[0].charAt(1) + "'");
        }
        assertThat(Cli.run("-c", "ten").err()).startsWith("dissect4j: Invalid value for option '-c' (N): 'ten' is not a number\n");
        assertThat(parse("-c", "+5").count).isEqualTo(5);
    }

    @Test
    void wordsThatAreNotOptionsAreAnError() {
        Cli r = Cli.run("-r", Cli.SAMPLE.toString(), "tcp", "port", "80");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("dissect4j: Unmatched arguments from index 2: 'tcp', 'port', '80'");
        assertThat(Cli.run("foo", "-r", Cli.SAMPLE.toString()).err()).startsWith("dissect4j: Unmatched argument at index 0: 'foo'");
        assertThat(Cli.run("foo", "-r", Cli.SAMPLE.toString(), "bar").err())
                .startsWith("dissect4j: Unmatched arguments at indexes 0, 3: 'foo', 'bar'");
    }

    @Test
    void helpListsEveryOption() {
        Cli r = Cli.run("-h");
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Usage: dissect4j ");
        List<String> lines = r.out().lines().toList();
        String[] options = {"-r FILE", "-i IFACE", "-f FILTER", "-s SNAPLEN", "-p", "-a duration:SECS", "-D", "-c N", "-V", "-x",
            "-T FORMAT", "-e FIELD", "-j PROTOCOLS", "-J PROTOCOLS", "--no-duplicate-keys", "-E OPT=VALUE", "-t FORMAT",
            "-n", "-q", "-l", "--color", "-C PROFILE", "-w FILE", "-F FORMAT", "-Y FILTER", "-R FILTER", "-2",
            "--selected-frame N", "--check-filter FILTER", "-z STATISTICS", "--threads N", "--handshakes", "--flow FILE.svg|DIR/",
            "--report-limit N",
            "-d LAYER==VALUE,PROTO", "-o NAME:VALUE",
            "--disable-protocol PROTO", "--enable-heuristic SHORT_NAME", "--disable-heuristic SHORT_NAME", "--plugins DIR",
            "-G [REPORT]", "-v, --version", "-h, --help"};
        for (String o : options) {
            assertThat(lines).as(o).anyMatch(l -> l.strip().equals(o) || l.strip().startsWith(o + "  "));
        }
        assertThat(r.out()).contains("Read packets from FILE (pcap, pcapng, gzip-compressed; - for stdin).");
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
        // descriptions start in one column: after the option, or on the next line when the option is too long
        int column = lines.stream().filter(l -> l.startsWith("  -r ")).findFirst().orElseThrow().indexOf("Read");
        for (int k = 0; k < lines.size(); k++) {
            String l = lines.get(k);
            if (l.startsWith("  -") || l.startsWith("      --")) {
                String d = l.strip().contains("  ") ? l : lines.get(k + 1);
                assertThat(d.substring(0, column)).as(l).endsWith("  ");
                assertThat(d.charAt(column)).as(l).isNotEqualTo(' ');
            }
        }
        assertThat(lines).filteredOn(l -> l.startsWith("  -") || l.startsWith("      --")).hasSize(options.length);
        assertThat(Cli.run("--help").out()).isEqualTo(r.out());
        assertThat(Cli.run("-vh").out()).isEqualTo(r.out());
    }

    @Test
    void everyOptionInTheHelpIsParsed() throws Exception {
        for (String[] o : Options.table()) {
            for (String name : o[0].split(", ")) {
                List<String> args = o[1].isEmpty() ? List.of(name) : List.of(name, "1");
                Options.parse(args.toArray(String[]::new), new Main(NOWHERE, NOWHERE));
                if (!o[1].isEmpty() && !name.equals("-G")) {
                    assertThatThrownBy(() -> parse(name)).as(name).isInstanceOf(Options.UsageException.class)
                            .hasMessageContaining("(" + o[1] + ")");
                }
            }
        }
    }

    @Test
    void versionFromRun() {
        Cli r = Cli.run("-v");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("TShark (Wireshark) 4.0.17 (dissect4j " + Main.VERSION + ")\n")
                .contains("\ndissect4j " + Main.VERSION + " (Java ");
    }

    @Test
    void tsharkOptionsOfItsCallers() throws Exception {
        Main m = parse("-l", "-C", "Default", "-J", "ip tcp", "--no-duplicate-keys", "-T", "jsonraw");
        assertThat(m.flushEachPacket).isTrue();
        assertThat(m.profile).isEqualTo("Default");
        assertThat(m.jsonFilter).isEqualTo("ip tcp");
        assertThat(m.jsonFilterChildren).isTrue();
        assertThat(m.noDuplicateKeys).isTrue();
        assertThat(parse("-j", "ip").jsonFilterChildren).isFalse();
        assertThat(JsonOptions.filter(" ip  tcp ")).containsExactly("ip", "tcp");
        assertThat(Cli.run("-T", "psml", "-o", "gui.column.format:\"No.\"", "-r", "x").status()).isEqualTo(1);
        assertThat(Cli.run("-T", "psml", "-o", "gui.column.format:\"No.\",\"%zz\"", "-r", "x").err()).contains("unknown column format");
    }
}
