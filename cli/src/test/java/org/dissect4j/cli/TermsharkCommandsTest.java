package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tshark command lines termshark 2.4 runs (its {@code pkg/pcap/cmds.go}, {@code utils.go},
 * {@code pkg/shark/columnformat.go}, as logged from a real session on a capture), replayed on the sample capture
 * and compared with tshark 4.0.17's answers ({@code src/test/resources/golden/termshark}, made with TZ=UTC), or
 * with the patterns termshark parses them with.
 */
class TermsharkCommandsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/termshark");
    /** termshark's default columns, with the leading "No." it always adds. */
    private static final String COLUMNS = "gui.column.format:\"No.\",\"%m\",\"No.\",\"%m\",\"Time\",\"%t\",\"Source\",\"%s\","
            + "\"Dest\",\"%d\",\"Proto\",\"%p\",\"Length\",\"%L\",\"Info\",\"%i\"";

    @Test
    void versionNamesTheTsharkReleaseFirst() {
        for (String option : List.of("--version", "-v")) {
            Cli r = Cli.run(option);
            assertThat(r.status()).isZero();
            // utils.go TSharkVersionFromOutput
            Matcher m = Pattern.compile("^TShark .*?(\\d+\\.\\d+\\.\\d+)").matcher(r.out());
            assertThat(m.find()).isTrue();
            assertThat(m.group(1)).isEqualTo("4.0.17");
            assertThat(r.out().lines().findFirst().orElseThrow()).contains("dissect4j " + Main.VERSION);
        }
    }

    @Test
    void columnFormatsAreTsharks() throws IOException {
        assertThat(Cli.run("-G", "column-formats").out()).isEqualTo(Files.readString(GOLDEN.resolve("column-formats.txt")));
    }

    @Test
    void packetListIsTsharks() throws IOException {
        Cli r = Cli.run("-T", "psml", "-o", COLUMNS, "-r", Cli.SAMPLE.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(GOLDEN.resolve("psml-columns.xml")));
    }

    @Test
    void searchByFilterIsTsharks() throws IOException {
        // ui/searchbyfilter.go: numbers only
        Cli r = Cli.run("-T", "psml", "-o", "gui.column.format:\"No.\",\"%m\"", "-r", Cli.SAMPLE.toString(), "-Y", "tcp");
        assertThat(r.out()).isEqualTo(Files.readString(GOLDEN.resolve("psml-search.xml")));
    }

    @Test
    void detailsHaveTsharksFrameAndGeneralInformation() throws IOException {
        Cli r = Cli.run("-T", "pdml", "-r", Cli.SAMPLE.toString(), "-Y", "(frame.number >= 1) and (frame.number < 5)");
        assertThat(r.status()).isZero();
        String golden = Files.readString(GOLDEN.resolve("pdml.xml"));
        Pattern proto = Pattern.compile("(?ms)^  <proto name=\"(geninfo|frame|arp)\".*?^  </proto>\n");
        assertThat(matches(proto, r.out())).isEqualTo(matches(proto, golden)).hasSizeGreaterThan(8);
        Pattern names = Pattern.compile("(?m)^ *<(?:proto|field) name=\"([^\"]*)\"");
        // the element structure termshark walks: the same protocols and fields in the same order
        assertThat(all(names, r.out().replaceAll("(?m)^.*_resolved.*\n", "")).subList(0, 60))
                .isEqualTo(all(names, golden.replaceAll("(?m)^.*_resolved.*\n", "")).subList(0, 60));
    }

    @Test
    void colorIsOfferedAndColorsAsTshark(@TempDir Path dir) throws IOException {
        // utils.go TSharkSupportsColor: status 0 on the empty capture makes termshark add --color to its psml and pdml runs
        Path empty = dir.resolve("empty.pcap");
        Files.write(empty, new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 4, 0, 1, 0, 0, 0});
        Cli probe = Cli.run("-r", empty.toString(), "-T", "psml", "--color");
        assertThat(probe.status()).isZero();
        // tshark -r empty.pcap -T psml
        assertThat(probe.out()).isEqualTo("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<psml version=\"0\" creator=\"wireshark/4.0.17\">\n<structure>\n<section>No.</section>\n<section>Time</section>\n"
                + "<section>Source</section>\n<section>Destination</section>\n<section>Protocol</section>\n"
                + "<section>Length</section>\n<section>Info</section>\n</structure>\n\n</psml>\n");
        // the packet list's foreground and background, and the rule in the details, from Wireshark's default rules
        assertThat(Cli.run("-T", "psml", "--color", "-o", COLUMNS, "-r", Cli.SAMPLE.toString()).out())
                .isEqualTo(Files.readString(GOLDEN.resolve("psml-color.xml")));
        String rules = Cli.run("-T", "pdml", "--color", "-r", Cli.SAMPLE.toString()).out().lines()
                .filter(l -> l.contains("coloring_rule")).map(l -> l + "\n").reduce("", String::concat);
        assertThat(rules).isEqualTo(Files.readString(GOLDEN.resolve("pdml-coloring-rules.txt"))).isNotEmpty();
    }

    @Test
    void foldersAndInterfacesParseAsTermsharkReadsThem() {
        // utils.go TsharkSettings: "NAME:<spaces>VALUE"
        Cli folders = Cli.run("-G", "folders");
        assertThat(folders.status()).isZero();
        assertThat(folders.out()).containsPattern("(?m)^Personal configuration:\\s*/.*wireshark$")
                .containsPattern("(?m)^Global configuration:\\s*/");
        // utils.go interfacesFrom: "N. name (description)"
        Cli d = Cli.run("-D");
        if (d.status() == 0) {
            assertThat(d.out().lines()).allMatch(l -> l.matches("^[0-9]+\\.\\s+[^\\s]+(\\s*\\([^)]+\\))?.*"));
        }
    }

    @Test
    void filterCheckExitsAsTshark(@TempDir Path dir) throws IOException {
        // widgets/filter/filter.go validates a filter by its exit status on the empty capture
        Path empty = dir.resolve("empty.pcap");
        Files.write(empty, new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 4, 0, 1, 0, 0, 0});
        assertThat(Cli.run("-Y", "tcp.port == 80", "-r", empty.toString()).status()).isZero();
        assertThat(Cli.run("-Y", "tcp.port ==", "-r", empty.toString()).status()).isNotZero();
        assertThat(Cli.run("-l", "-C", "Default", "-r", empty.toString()).status()).isZero();
    }

    private static List<String> matches(Pattern p, String s) {
        return p.matcher(s).results().map(m -> m.group()).toList();
    }

    private static List<String> all(Pattern p, String s) {
        return p.matcher(s).results().map(m -> m.group(1)).toList();
    }
}
