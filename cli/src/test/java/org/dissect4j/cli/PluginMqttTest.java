package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MQTT example plugin dropped into a plugins folder ({@code --plugins DIR}), used like a built-in
 * dissector: {@code -T fields} equals tshark 4.0.17's goldens for the project's MQTT captures, {@code -Y}
 * selects the frames tshark selects, {@code -V} shows its tree, {@code -G} lists its fields, protocol, plugin,
 * table entry and heuristic, and Decode As, {@code --disable-protocol} and {@code --enable/--disable-heuristic}
 * apply to it.
 */
class PluginMqttTest {
    private static Path plugins;

    @BeforeAll
    static void pluginFolder() {
        plugins = PluginJarsTest.folder("mqtt", PluginJarsTest.mqttJar());
    }

    static List<Path> captures() throws IOException {
        try (Stream<Path> s = Files.list(PluginJarsTest.CAPTURES)) {
            return s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
    }

    static List<String> known() throws IOException {
        return Files.readAllLines(PluginJarsTest.CAPTURES.resolve("known-differences.txt")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }

    private static Cli dissect(String... args) {
        List<String> all = new ArrayList<>(List.of("--plugins", plugins.toString()));
        all.addAll(Arrays.asList(args));
        return Cli.run(all.toArray(String[]::new));
    }

    /** Runs {@code -T fields} with the golden's columns and tshark's -E options; returns mismatching cells. */
    static List<String> compare(Path capture, Path golden, Cli run) throws IOException {
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        List<String> want = Files.readAllLines(golden);
        List<String> got = run.out().lines().toList();
        assertThat(got).hasSameSizeAs(want);
        String[] header = want.get(0).split("\t", -1);
        List<String> bad = new ArrayList<>();
        for (int row = 0; row < want.size(); row++) {
            String[] w = want.get(row).split("\t", -1);
            String[] g = got.get(row).split("\t", -1);
            for (int c = 0; c < header.length; c++) {
                String wc = c < w.length ? w[c] : "";
                String gc = c < g.length ? g[c] : "";
                if (!wc.equals(gc)) {
                    bad.add(capture.getFileName() + " #" + row + " " + header[c] + ": want [" + wc + "] got [" + gc + "]");
                }
            }
        }
        return bad;
    }

    static String[] fieldsArgs(Path capture, Path golden, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("-r", capture.toString()));
        args.addAll(Arrays.asList(extra));
        args.addAll(List.of("-T", "fields", "-E", "header=y", "-E", "separator=/t", "-E", "occurrence=a", "-E",
                "aggregator=,", "-E", "quote=n"));
        for (String column : Files.readAllLines(golden).get(0).split("\t", -1)) {
            args.add("-e");
            args.add(column);
        }
        return args.toArray(String[]::new);
    }

    @Test
    void fieldsEqualTsharkGoldensForTheProjectsMqttCaptures() throws IOException {
        List<String> known = known();
        int cells = 0;
        List<String> bad = new ArrayList<>();
        for (Path cap : captures()) {
            Path golden = Path.of(cap + ".fields.tsv");
            List<String> mismatches = compare(cap, golden, dissect(fieldsArgs(cap, golden)));
            bad.addAll(mismatches);
            for (String line : Files.readAllLines(golden).subList(1, Files.readAllLines(golden).size())) {
                for (String cell : line.split("\t", -1)) {
                    cells += cell.isEmpty() ? 0 : 1;
                }
            }
        }
        System.out.println("dissect4j --plugins: " + bad.size() + " of " + cells + " non-empty golden cells differ from tshark,"
                + " all known: " + known.containsAll(bad));
        assertThat(cells).isGreaterThan(6_000);
        assertThat(bad).allMatch(known::contains);
    }

    @Test
    void mqttOnAnotherPortWithTheHeuristicOrDecodeAsEqualsTsharksDecodeAs() throws IOException {
        Path cap = PluginJarsTest.CAPTURES.resolve("mqtt-port18830.pcap");
        Path golden = Path.of(cap + ".decode-as.fields.tsv");
        assertThat(compare(cap, golden, dissect(fieldsArgs(cap, golden, "--enable-heuristic", "mqtt_tcp")))).isEmpty();
        assertThat(compare(cap, golden, dissect(fieldsArgs(cap, golden, "-d", "tcp.port==18830,mqtt")))).isEmpty();
        // by default, as tshark: TCP data
        Path plain = Path.of(cap + ".fields.tsv");
        assertThat(compare(cap, plain, dissect(fieldsArgs(cap, plain)))).isEmpty();
    }

    @Test
    void displayFilterSelectsTheFramesTsharkSelects() throws IOException {
        for (Path cap : captures()) {
            Cli r = dissect("-r", cap.toString(), "-Y", "mqtt.msgtype == 3", "-T", "fields", "-e", "frame.number");
            assertThat(r.err()).isEmpty();
            assertThat(r.out().lines().toList()).as(cap.getFileName().toString())
                    .isEqualTo(Files.readAllLines(Path.of(cap + ".publish-frames.txt")));
        }
        Path cap = PluginJarsTest.CAPTURES.resolve("mqtt-port18830.pcap");
        List<String> want = Files.readAllLines(Path.of(cap + ".decode-as.publish-frames.txt"));
        assertThat(dissect("-r", cap.toString(), "--enable-heuristic", "mqtt_tcp", "-Y", "mqtt.msgtype == 3", "-T", "fields",
                "-e", "frame.number").out().lines().toList()).isEqualTo(want);
        assertThat(dissect("-r", cap.toString(), "-d", "tcp.port==18830,mqtt", "-Y", "mqtt.msgtype == 3", "-T", "fields",
                "-e", "frame.number").out().lines().toList()).isEqualTo(want);
        // filters on the plugin's strings, integers and booleans select what tshark selects (its answers, 4.0.17)
        Path v5 = PluginJarsTest.CAPTURES.resolve("mqtt5.pcap");
        Cli r = dissect("-r", v5.toString(), "-Y", "mqtt.topic == \"d4j5/big\" && mqtt.qos == 2 && mqtt.retain == 0", "-T",
                "fields", "-e", "frame.number", "-e", "mqtt.topic");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("99\td4j5/big\n105\td4j5/big\n");
        // "!field" is "the field is absent", as in Wireshark: frames without a PUBLISH
        r = dissect("-r", v5.toString(), "-Y", "!mqtt.retain && mqtt", "-T", "fields", "-e", "mqtt.msgtype");
        assertThat(r.out().lines().toList()).isNotEmpty().noneMatch(l -> Arrays.asList(l.split(",")).contains("3"));
    }

    @Test
    void verboseTreeShowsTheMqttLayer() throws IOException {
        Path v5 = PluginJarsTest.CAPTURES.resolve("mqtt5.pcap");
        Cli r = dissect("-r", v5.toString(), "-V", "-Y", "mqtt.clientid == \"sub5\"");
        assertThat(r.status()).isZero();
        // at the top level of the tree, indented as tshark 4.0.17 draws its own MQTT dissector's lines
        assertThat(r.out()).contains("\nMQ Telemetry Transport Protocol, Connect Command\n",
                "    Header Flags: 0x10, Message Type: Connect Command\n",
                "        0001 .... = Message Type: Connect Command (1)\n", "    Msg Len: 95\n",
                "    Version: MQTT v5.0 (5)\n", "        .... .1.. = Will Flag: Set\n",
                "        ID: Session Expiry Interval (0x11)\n", "    Will Topic: d4j5/will\n",
                "    Client ID: sub5\n");
    }

    @Test
    void glossariesListThePlugin() throws IOException {
        List<String> fields = dissect("-G", "fields").out().lines().toList();
        List<String> tshark = Files.readAllLines(PluginJarsTest.CAPTURES.resolve("glossary-fields.txt"));
        // tshark's type for the content type is FT_UINT_STRING, which dissector-api does not have (see the README)
        for (String line : tshark) {
            assertThat(fields).as(line).contains(line.replace("FT_UINT_STRING", "FT_STRING"));
        }
        assertThat(dissect("-G", "protocols").out()).contains("MQ Telemetry Transport Protocol\tMQTT\tmqtt\n");
        assertThat(dissect("-G", "plugins").out()).containsPattern(
                "(?m)^mqtt\tapi 1\tdissector\t.*mqtt-dissector\\.jar\torg\\.dissect4j\\.example\\.mqtt\\.MqttPlugin$");
        assertThat(dissect("-G", "decodes").out()).contains("tcp.port\t1883\tmqtt\n");
        assertThat(dissect("-G", "dissector-tables").out()).contains("tcp.port\tTCP port\tFT_UINT16\tBASE_DEC\tTCP\tDecode As supported");
        assertThat(dissect("-G", "heuristic-decodes").out()).contains("tcp\tmqtt\tF\n");
        assertThat(dissect("--enable-heuristic", "mqtt_tcp", "-G", "heuristic-decodes").out()).contains("tcp\tmqtt\tT\n");
    }

    @Test
    void disablingTheProtocolOrTheHeuristic() throws IOException {
        Path v311 = PluginJarsTest.CAPTURES.resolve("mqtt311.pcap");
        Cli r = dissect("-r", v311.toString(), "--disable-protocol", "mqtt", "-T", "fields", "-e", "frame.protocols",
                "-e", "mqtt.msgtype");
        assertThat(r.status()).isZero();
        assertThat(r.out()).doesNotContain("mqtt").contains("eth:ethertype:ip:tcp:data\t\n");
        Path port = PluginJarsTest.CAPTURES.resolve("mqtt-port18830.pcap");
        r = dissect("-r", port.toString(), "--enable-heuristic", "mqtt_tcp", "--disable-heuristic", "mqtt_tcp", "-T", "fields",
                "-e", "frame.protocols");
        assertThat(r.out()).doesNotContain("mqtt");
        r = dissect("-r", port.toString(), "--enable-heuristic", "mqtt_nosuch");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("mqtt_nosuch");
    }

    @Test
    void decodeAsOnTheMqttOverTlsPort(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        // The 18830 capture with every 18830 rewritten to 8883 (TCP checksums are not checked by default).
        Path cap = PluginJarsTest.CAPTURES.resolve("mqtt-port18830.pcap");
        Path moved = tmp.resolve("mqtt-port8883.pcap");
        Files.write(moved, rewritePort(Files.readAllBytes(cap), 18830, 8883));
        Path golden = Path.of(cap + ".decode-as.fields.tsv");
        Cli r = dissect(fieldsArgs(moved, golden, "-d", "tcp.port==8883,mqtt"));
        List<String> bad = compare(moved, golden, r);
        // ports differ by design; every MQTT cell and the Protocol column must not
        assertThat(bad).isNotEmpty().allMatch(m -> m.contains(" tcp.") || m.contains(" _ws.col.Info:"));
        assertThat(bad).noneMatch(m -> m.contains("_ws.col.Info: want [Connect") || m.contains("_ws.col.Info: want [Publish"));
        assertThat(r.out()).contains("\tMQTT\tPublish Message (id=1) [p/v5]");
    }

    @Test
    void withoutThePluginItsFieldsAreUnknown() {
        Cli r = Cli.run("-r", PluginJarsTest.CAPTURES.resolve("mqtt311.pcap").toString(), "-T", "fields", "-e", "mqtt.topic");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Some fields aren't valid", "mqtt.topic");
    }

    /** A classic little-endian pcap of Ethernet/IPv4/TCP frames with port {@code from} replaced by {@code to}. */
    static byte[] rewritePort(byte[] pcap, int from, int to) {
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).isEqualTo(0xa1b2c3d4);
        int at = 24;
        while (at + 16 <= pcap.length) {
            int caplen = b.getInt(at + 8);
            int frame = at + 16;
            int ip = frame + 14;
            if (caplen >= 54 && (pcap[ip + 9] & 0xff) == 6) {
                int tcp = ip + (pcap[ip] & 0x0f) * 4;
                for (int port = tcp; port <= tcp + 2; port += 2) {
                    if (((pcap[port] & 0xff) << 8 | (pcap[port + 1] & 0xff)) == from) {
                        pcap[port] = (byte) (to >> 8);
                        pcap[port + 1] = (byte) to;
                    }
                }
            }
            at = frame + caplen;
        }
        return pcap;
    }
}
