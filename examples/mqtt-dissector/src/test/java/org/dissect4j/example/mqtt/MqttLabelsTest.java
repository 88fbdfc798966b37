package org.dissect4j.example.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Tree;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureReader;
import org.junit.jupiter.api.Test;

/**
 * The fixed header's {@code -V} line ({@link MqttFields#HDRFLAGS}'s labeler) against what tshark 4.0.17 prints
 * for every MQTT message of the project's captures ({@code NAME.header-flags.txt}, regen-goldens.sh).
 */
class MqttLabelsTest {

    @Test
    void headerFlagsLinesAreTsharks() throws IOException, URISyntaxException {
        int compared = 0;
        for (Path capture : MqttCapturesTest.captures()) {
            Path golden = capture.resolveSibling(capture.getFileName() + ".header-flags.txt");
            List<String> expected = Files.readAllLines(golden);
            assertThat(headerFlags(capture)).as("%s", capture.getFileName()).isEqualTo(expected);
            compared += expected.size();
        }
        assertThat(compared).isGreaterThan(200);
    }

    private static List<String> headerFlags(Path capture) throws IOException {
        Engine engine = MqttTestKit.engine();
        Tree t = engine.tree();
        t.wantAll(true);
        t.wantLabels(true);
        List<String> lines = new ArrayList<>();
        try (CaptureReader reader = CaptureFiles.open(capture)) {
            Frame f;
            while ((f = reader.next()) != null) {
                engine.dissect(f);
                for (int n = t.first(MqttFields.HDRFLAGS); n >= 0; n = t.next(n)) {
                    lines.add(t.label(n));
                }
            }
        }
        return lines;
    }
}
