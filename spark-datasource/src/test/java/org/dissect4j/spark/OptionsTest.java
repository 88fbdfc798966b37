package org.dissect4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dissect4j.testkit.Conformance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The options' errors and effects: names, types, arrays, preferences, bad filters, paths. */
class OptionsTest {
    private static Path capture;

    @BeforeAll
    static void corpus() {
        Path captures = Conformance.sharedCaptures();
        assumeTrue(captures != null, "the shared corpus ../shared/captures is absent");
        capture = captures.resolve("public/tcp-http-ipv4.pcap");
    }

    private static DataFrameReader reader(String fields) {
        return TestSpark.session().read().format("dissect4j").option("fields", fields);
    }

    @Test
    void columnsAreNamedForSqlAndTypedFromTheFieldTypes() {
        StructType schema = reader("frame.number,frame.time_epoch,ip.src,tcp.srcport,tcp.flags.syn,tcp.analysis.ack_rtt,"
                + "tcp.options.sack_le").option("arrays", "tcp.options.sack_le").load(capture.toString()).schema();
        assertThat(schema.fieldNames()).containsExactly("frame_number", "frame_time_epoch", "ip_src", "tcp_srcport", "tcp_flags_syn",
                "tcp_analysis_ack_rtt", "tcp_options_sack_le", "capture_file", "capture_error");
        assertThat(schema.apply("frame_number").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(schema.apply("frame_time_epoch").dataType()).isEqualTo(DataTypes.TimestampType);
        assertThat(schema.apply("ip_src").dataType()).isEqualTo(DataTypes.StringType);
        assertThat(schema.apply("tcp_srcport").dataType()).isEqualTo(DataTypes.IntegerType);
        assertThat(schema.apply("tcp_flags_syn").dataType()).isEqualTo(DataTypes.BooleanType);
        assertThat(schema.apply("tcp_analysis_ack_rtt").dataType()).isEqualTo(DataTypes.createDecimalType(38, 9));
        assertThat(schema.apply("tcp_options_sack_le").dataType()).isEqualTo(DataTypes.createArrayType(DataTypes.LongType, false));
        assertThat(schema.apply("ip_src").metadata().getString("wireshark_field")).isEqualTo("ip.src");
    }

    @Test
    void unknownNamesColumnsAndBadFiltersFailBeforeAnyTask() {
        assertThatThrownBy(() -> reader("frame.number,ip.nope").load(capture.toString())).hasMessageContaining("ip.nope");
        assertThatThrownBy(() -> reader("_ws.col.Info").load(capture.toString())).hasMessageContaining("not a field");
        assertThatThrownBy(() -> reader("ip.src").option("arrays", "ip.dst").load(capture.toString()))
                .hasMessageContaining("ip.dst");
        assertThatThrownBy(() -> reader("ip.src").option("filter", "ip.src ==").load(capture.toString()).collectAsList())
                .hasMessageContaining("bad display filter").hasMessageContaining("^");
        assertThatThrownBy(() -> reader("ip.src").load(capture.getParent().resolve("nothing-*.pcap").toString()).collectAsList())
                .hasMessageContaining("path does not exist");
        assertThatThrownBy(() -> reader("ip.src").load("hdfs://x/y.pcap").collectAsList()).hasMessageContaining("file:");
        assertThatThrownBy(() -> reader("ip.src").option("mode", "LENIENT").load(capture.toString())).hasMessageContaining("LENIENT");
    }

    @Test
    void preferencesAreDissectorSettings() {
        List<Row> relative = reader("frame.number,tcp.seq").load(capture.toString()).where("tcp_seq IS NOT NULL").collectAsList();
        List<Row> absolute = reader("frame.number,tcp.seq").option("o.tcp.relative_sequence_numbers", "FALSE")
                .load(capture.toString()).where("tcp_seq IS NOT NULL").collectAsList();
        assertThat(relative.get(0).getLong(1)).isZero();
        assertThat(absolute.get(0).getLong(1)).isNotZero();
        assertThatThrownBy(() -> reader("ip.src").option("o.tcp.no_such_preference", "1").load(capture.toString()))
                .hasMessageContaining("tcp.no_such_preference");
    }
}
