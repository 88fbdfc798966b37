package org.dissect4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dissect4j.testkit.Conformance;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spark predicates pushed as display filters: {@code explain()} shows them, and the rows are those the
 * predicate selects on the goldens' first occurrences (Spark re-checks what is not exact).
 */
class PushdownTest {
    private static final String FIELDS = "frame.number,ip.src,ip.ttl,tcp.dstport,tcp.stream,tcp.flags.syn,tcp.analysis.ack_rtt,"
            + "tls.handshake.extensions_server_name";
    private static Path publicCaptures;

    @BeforeAll
    static void corpus() {
        Path captures = Conformance.sharedCaptures();
        assumeTrue(captures != null, "the shared corpus ../shared/captures is absent");
        publicCaptures = captures.resolve("public");
    }

    private static Dataset<Row> captures() {
        return TestSpark.session().read().format("dissect4j").option("fields", FIELDS)
                .load(publicCaptures + "/*.{pcap,pcapng}");
    }

    @Test
    void equalityInComparisonAndPresenceArePushedAndSelectTheGoldenRows() throws IOException {
        Dataset<Row> q = captures().where("tcp_dstport = 443 AND tcp_stream IN (0, 1) AND ip_ttl < 100"
                + " AND tls_handshake_extensions_server_name IS NOT NULL");
        String plan = q.queryExecution().executedPlan().toString();
        assertThat(plan).contains("(tcp.dstport == 443)", "(tcp.stream in {0, 1})", "(ip.ttl < 100)",
                "(tls.handshake.extensions_server_name)", "pushedFilters=[");
        expect(q, g -> "443".equals(g.first("tcp.dstport")) && List.of("0", "1").contains(g.first("tcp.stream"))
                && g.first("ip.ttl") != null && Integer.parseInt(g.first("ip.ttl")) < 100
                && g.first("tls.handshake.extensions_server_name") != null, 4);
    }

    @Test
    void booleansAddressesDurationsAndNullsArePushed() throws IOException {
        Dataset<Row> syn = captures().where("tcp_flags_syn = true AND ip_src = '10.77.0.2'");
        assertThat(syn.queryExecution().executedPlan().toString()).contains("(tcp.flags.syn == 1)", "(ip.src == 10.77.0.2)");
        expect(syn, g -> "1".equals(g.first("tcp.flags.syn")) && "10.77.0.2".equals(g.first("ip.src")), 10);

        Dataset<Row> slow = captures().where("tcp_analysis_ack_rtt > 0.0001");
        assertThat(slow.queryExecution().executedPlan().toString()).contains("(tcp.analysis.ack_rtt > 0.0001");
        expect(slow, g -> g.first("tcp.analysis.ack_rtt") != null
                && new BigDecimal(g.first("tcp.analysis.ack_rtt")).compareTo(new BigDecimal("0.0001")) > 0, 10);

        Dataset<Row> notIp = captures().where("ip_src IS NULL");
        assertThat(notIp.queryExecution().executedPlan().toString()).contains("(!ip.src)");
        expect(notIp, g -> g.first("ip.src") == null, 10);
    }

    @Test
    void predicatesThatCannotBeTranslatedStayInSpark() throws IOException {
        Dataset<Row> q = captures().where("tcp_dstport + 1 = 444 OR ip_ttl <> 64");
        assertThat(q.queryExecution().executedPlan().toString()).contains("displayFilter=[]");
        expect(q, g -> "443".equals(g.first("tcp.dstport")) || g.first("ip.ttl") != null && !"64".equals(g.first("ip.ttl")), 10);
    }

    /** The (file, frame number) pairs of the query equal those the goldens select with {@code want}; at least {@code atLeast}. */
    private static void expect(Dataset<Row> q, Predicate<GoldenRow> want, int atLeast) throws IOException {
        List<String> have = new ArrayList<>();
        for (Row r : q.select("capture_file", "frame_number").collectAsList()) {
            have.add(Path.of(r.getString(0)).getFileName() + " #" + r.getLong(1));
        }
        List<String> expected = new ArrayList<>();
        for (Path capture : Conformance.captures(publicCaptures)) {
            Runner.Table golden = Runner.golden(GoldenConformanceTest.golden(capture));
            for (String[] row : golden.rows()) {
                if (want.test(new GoldenRow(golden, row))) {
                    expected.add(capture.getFileName() + " #" + row[golden.column("frame.number")]);
                }
            }
        }
        assertThat(have).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(have).hasSizeGreaterThanOrEqualTo(atLeast);
    }

    /** A golden row's first occurrence of a field (tshark joined all of them with commas), or null when absent. */
    record GoldenRow(Runner.Table golden, String[] row) {
        String first(String field) {
            String cell = row[golden.column(field)];
            return cell.isEmpty() ? null : cell.split(",")[0];
        }
    }
}
