package org.dissect4j.example.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureReader;
import org.dissect4j.tls.TlsPlugin;
import org.junit.jupiter.api.Test;

/**
 * MQTT over TLS on port 8883, decrypted with the key log: the plugin's {@code tls.port} entry gets the decrypted
 * application data, as in tshark 4.0.17 with {@code -o tls.keylog_file} (captures/tls, made by
 * make_mqtt_tls_capture.sh, golden beside it). Every column of every frame.
 */
class MqttOverTlsTest {
    @Test
    void decryptedMqttMatchesTshark() throws Exception {
        Path dir = Path.of(MqttOverTlsTest.class.getResource("/captures/tls").toURI());
        Path capture = dir.resolve("mqtt-tls.pcap");
        List<String> lines = Files.readAllLines(dir.resolve("mqtt-tls.pcap.keys.fields.tsv"));
        String[] header = lines.get(0).split("\t", -1);
        Engine e = MqttTestKit.engine(new Settings().set("tls.keylog_file", dir.resolve("mqtt-tls.keys").toString()), new TlsPlugin());
        List<String> bad = new ArrayList<>();
        int row = 0;
        int mqttFrames = 0;
        try (CaptureReader r = CaptureFiles.open(capture)) {
            for (Frame f = r.next(); f != null; f = r.next()) {
                row++;
                Packet p = e.dissect(f);
                String[] want = lines.get(row).split("\t", -1);
                for (int c = 0; c < header.length; c++) {
                    String got = switch (header[c]) {
                        case "frame.number" -> Long.toString(f.number());
                        case "frame.protocols" -> MqttTestKit.protocols(p);
                        case "_ws.col.Protocol" -> p.protocolColumn();
                        case "_ws.col.Info" -> p.info().toString();
                        default -> MqttTestKit.value(e, header[c]);
                    };
                    String w = c < want.length ? want[c] : "";
                    if (!w.equals(got)) {
                        bad.add("#" + row + " " + header[c] + ": want [" + w + "] got [" + got + "]");
                    }
                }
                if (!MqttTestKit.value(e, "mqtt.msgtype").isEmpty()) {
                    mqttFrames++;
                }
            }
        }
        assertThat(bad).isEmpty();
        assertThat(mqttFrames).isEqualTo(3);
    }
}
