package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a faulty plugin costs: a dissector that throws is a dissector bug on the frames where it throws, and
 * only there (MQTT goes on in the next frame); a plugin that takes a field name already taken, or uses a
 * dissector table nobody declared, stops the command at start-up with exit status 2 and one line that names
 * the plugin and its jar.
 */
class PluginErrorsTest {
    private static final Path PORT_CAPTURE = PluginJarsTest.CAPTURES.resolve("mqtt-port18830.pcap");

    /** Wraps MQTT on port 18830, and throws on every segment that starts with a PUBLISH to topic "p/v311". */
    private static final String BOOM = """
            package boom;
            import org.dissect4j.api.*;
            public final class BoomPlugin implements DissectorPlugin {
                static final Protocol BOOM = new Protocol("Exploding wrapper", "BOOM", "boom");
                public int apiVersion() { return DissectorPlugin.API_VERSION; }
                public String name() { return "boom"; }
                public void register(Registrar r) { r.protocol(BOOM); }
                public void handoff(Registrar r) {
                    DissectorHandle mqtt = r.dissector("mqtt");
                    r.table("tcp.port").add(18830, r.dissector("boom", BOOM, (p, off, len) -> {
                        if (len > 8 && p.u8(off) >> 4 == 3 && p.u8(off + 3) == 6 && p.u8(off + 6) == 'v' && p.u8(off + 7) == '3') {
                            throw new IllegalStateException("boom: refusing PUBLISH");
                        }
                        return p.call(mqtt, off, len);
                    }));
                }
            }
            """;

    private static final String CLASH = """
            package clash;
            import org.dissect4j.api.*;
            public final class ClashPlugin implements DissectorPlugin {
                static final Protocol CLASH = new Protocol("Clashing plugin", "CLASH", "clash");
                static final Field TOPIC = Field.define("mqtt.topic", "My topic", FieldType.STRING).build();
                public int apiVersion() { return DissectorPlugin.API_VERSION; }
                public String name() { return "clash"; }
                public void register(Registrar r) { r.protocol(CLASH, TOPIC); }
            }
            """;

    private static final String NO_TABLE = """
            package notable;
            import org.dissect4j.api.*;
            public final class NoTablePlugin implements DissectorPlugin {
                static final Protocol P = new Protocol("Table-less plugin", "NOTABLE", "notable");
                public int apiVersion() { return DissectorPlugin.API_VERSION; }
                public String name() { return "notable"; }
                public void register(Registrar r) { r.protocol(P); }
                public void handoff(Registrar r) {
                    r.table("mqtt.nosuch.port").add(1, r.dissector("notable", P, (p, off, len) -> len));
                }
            }
            """;

    @Test
    void aDissectorThatThrowsIsABugOnThatFrameOnly() throws IOException {
        Path boom = PluginJarsTest.buildPlugin("boom", "boom.BoomPlugin", BOOM);
        Path dir = PluginJarsTest.folder("boom", boom, PluginJarsTest.mqttJar());
        Cli r = Cli.run("--plugins", dir.toString(), "-r", PORT_CAPTURE.toString(), "-T", "fields", "-E", "separator=/t",
                "-e", "frame.number", "-e", "frame.protocols", "-e", "mqtt.msgtype", "-e", "_ws.malformed.dissector_bug.message",
                "-e", "_ws.col.Protocol", "-e", "_ws.col.Info");
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> golden = Files.readAllLines(Path.of(PORT_CAPTURE + ".decode-as.fields.tsv"));
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(golden.size() - 1);
        int bugs = 0;
        int mqtt = 0;
        List<String> header = List.of(golden.get(0).split("\t", -1));
        for (String line : lines) {
            String[] c = line.split("\t", -1);
            String[] want = golden.get(Integer.parseInt(c[0])).split("\t", -1);
            String wantType = want[header.indexOf("mqtt.msgtype")];
            String wantInfo = want[header.indexOf("_ws.col.Info")];
            if (wantInfo.contains("[p/v311]")) {
                // the bug is shown on this frame: a malformed mark with the exception, in the tree and the Info column
                bugs++;
                assertThat(c[3]).isEqualTo("Dissector bug, protocol BOOM: java.lang.IllegalStateException: boom: refusing PUBLISH");
                assertThat(c[5]).endsWith("[Dissector bug, protocol BOOM: java.lang.IllegalStateException: boom: refusing PUBLISH]");
            } else if (!wantType.isEmpty()) {
                // every other MQTT frame, before and after, is dissected as without the faulty plugin
                mqtt++;
                assertThat(c[3]).as("frame %s", c[0]).isEmpty();
                assertThat(c[2]).as("frame %s", c[0]).isEqualTo(wantType);
                assertThat(c[1]).isEqualTo("eth:ethertype:ip:tcp:boom:mqtt");
                assertThat(c[4]).isEqualTo("MQTT");
                assertThat(c[5]).isEqualTo(wantInfo);
            }
        }
        assertThat(bugs).isEqualTo(2);     // the publish to the broker and the broker's copy to the subscriber
        assertThat(mqtt).isGreaterThan(20);
    }

    @Test
    void aFieldNameAlreadyTakenStopsTheCommandNamingThePlugin() {
        Path clash = PluginJarsTest.buildPlugin("zz-clash", "clash.ClashPlugin", CLASH);
        Path dir = PluginJarsTest.folder("clash", PluginJarsTest.mqttJar(), clash);
        Cli r = Cli.run("--plugins", dir.toString(), "-r", PORT_CAPTURE.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("dissect4j: plugin clash (").contains("zz-clash.jar", "registers field \"mqtt.topic\"",
                "plugin mqtt (", "mqtt-dissector.jar", "registered already");
    }

    @Test
    void aTableThatDoesNotExistStopsTheCommandNamingThePlugin() {
        Path noTable = PluginJarsTest.buildPlugin("notable", "notable.NoTablePlugin", NO_TABLE);
        Path dir = PluginJarsTest.folder("notable", noTable, PluginJarsTest.mqttJar());
        Cli r = Cli.run("--plugins", dir.toString(), "-r", PORT_CAPTURE.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("dissect4j: plugin notable (").contains("notable.jar",
                "uses dissector table \"mqtt.nosuch.port\", which does not exist", "tcp.port");
    }
}
