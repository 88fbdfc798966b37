package org.dissect4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.dissect4j.testkit.Conformance;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/** The Spark SQL example of the README and spark-datasource/README.md, in Java: its counts equal the goldens'. */
class ReadmeExampleTest {
    @Test
    void clientHellosPerServerName() throws IOException {
        Path captures = Conformance.sharedCaptures();
        assumeTrue(captures != null, "the shared corpus ../shared/captures is absent");
        SparkSession spark = TestSpark.session();
        // as in the README (which loads "../shared/captures/public/*.{pcap,pcapng}" from the repository root)
        Dataset<Row> df = spark.read().format("dissect4j")
                .option("fields", "frame.number,ip.src,tcp.stream,tls.handshake.extensions_server_name")
                .option("filter", "tls.handshake.type == 1")
                .load(captures.resolve("public") + "/*.{pcap,pcapng}");
        df.createOrReplaceTempView("hellos");
        Dataset<Row> sni = spark.sql("SELECT tls_handshake_extensions_server_name, count(*) AS n FROM hellos"
                + " GROUP BY tls_handshake_extensions_server_name ORDER BY n DESC, tls_handshake_extensions_server_name");
        sni.show(20, 40);
        df.explain();

        Map<String, Long> have = new TreeMap<>();
        for (Row r : sni.collectAsList()) {
            have.put(String.valueOf(r.getString(0)), r.getLong(1));
        }
        Map<String, Long> want = new TreeMap<>();
        for (Path capture : Conformance.captures(captures.resolve("public"))) {
            Runner.Table golden = Runner.golden(GoldenConformanceTest.golden(capture));
            for (String[] row : golden.rows()) {
                String type = row[golden.column("tls.handshake.type")];
                if (java.util.List.of(type.split(",")).contains("1")) {
                    String name = row[golden.column("tls.handshake.extensions_server_name")];
                    want.merge(name.isEmpty() ? "null" : name.split(",")[0], 1L, Long::sum);
                }
            }
        }
        assertThat(have).isEqualTo(want).isNotEmpty();
    }
}
