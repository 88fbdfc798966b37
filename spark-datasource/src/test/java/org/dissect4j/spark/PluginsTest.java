package org.dissect4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party plugin (the MQTT example, kept off the test class path) from the {@code plugins} folder:
 * the driver resolves its fields, every executor task loads it, the values equal the example's goldens.
 */
class PluginsTest {
    private static final Path CAPTURE = Path.of("../examples/mqtt-dissector/src/test/resources/captures/mqtt311.pcap");
    /** The example's compiled classes (the reactor builds the module first: it is a test dependency). */
    private static final Path CLASSES = Path.of("../examples/mqtt-dissector/target/classes");

    @TempDir
    static Path folder;

    /** The plugins folder: one jar of the example's classes, as a third party ships it. */
    @BeforeAll
    static void pluginJar() throws IOException {
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(folder.resolve("mqtt-dissector.jar")));
             Stream<Path> files = Files.walk(CLASSES)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                jar.putNextEntry(new JarEntry(CLASSES.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, jar);
                jar.closeEntry();
            }
        }
    }

    @Test
    void thePluginsFolderWorksOnTheExecutors() throws IOException {
        Dataset<Row> df = TestSpark.session().read().format("dissect4j").option("plugins", folder.toString())
                .option("fields", "frame.number,mqtt.msgtype,mqtt.topic").option("filter", "mqtt.msgtype == 3")
                .load(CAPTURE.toString());
        List<String> have = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            have.add(r.getLong(0) + " " + r.getInt(1) + " " + r.getString(2));
        }
        Runner.Table golden = Runner.golden(Path.of(CAPTURE + ".fields.tsv"));
        List<String> want = new ArrayList<>();
        for (String[] row : golden.rows()) {
            if (List.of(row[golden.column("mqtt.msgtype")].split(",")).contains("3")) {
                want.add(row[golden.column("frame.number")] + " " + row[golden.column("mqtt.msgtype")].split(",")[0] + " "
                        + row[golden.column("mqtt.topic")].split(",")[0]);
            }
        }
        assertThat(want).isNotEmpty();
        assertThat(have).isEqualTo(want);
    }

    @Test
    void withoutThePluginItsFieldsAreUnknown() {
        assertThatThrownBy(() -> TestSpark.session().read().format("dissect4j").option("fields", "frame.number,mqtt.msgtype")
                .load(CAPTURE.toString()).collectAsList()).hasMessageContaining("mqtt.msgtype");
    }
}
