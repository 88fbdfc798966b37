package org.dissect4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dissect4j.testkit.Conformance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Captures cut or corrupted in the middle, next to a good one, and gzip: the frames before a fault, the fault named, the job alive. */
class BadCaptureTest {
    private static final int FRAMES_KEPT = 10;
    private static final int PCAP_HEADER = 24;
    private static final int RECORD_HEADER = 16;
    private static final String FIELDS = "frame.number,ip.src,tcp.srcport,tcp.stream,tcp.analysis.ack_rtt,frame.time_epoch";
    private static Path good;
    private static Path other;

    @TempDir
    static Path dir;

    @BeforeAll
    static void corpus() {
        Path captures = Conformance.sharedCaptures();
        assumeTrue(captures != null, "the shared corpus ../shared/captures is absent");
        good = captures.resolve("public/tcp-http-ipv4.pcap").toAbsolutePath().normalize();
        other = captures.resolve("public/tcp-rst.pcap").toAbsolutePath().normalize();
    }

    /** The byte offset of record {@code index} (0-based) in a little-endian pcap. */
    private static int recordOffset(byte[] pcap, int index) {
        ByteBuffer b = ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        int at = PCAP_HEADER;
        for (int i = 0; i < index; i++) {
            at += RECORD_HEADER + b.getInt(at + 8);
        }
        return at;
    }

    private static Dataset<Row> read(String mode, Path... files) {
        return TestSpark.session().read().format("dissect4j").option("fields", FIELDS).option("mode", mode)
                .load(Arrays.stream(files).map(Path::toString).toArray(String[]::new));
    }

    private static List<Row> rowsOf(Dataset<Row> df, Path file) {
        return df.where(df.col("capture_file").equalTo(file.toString())).collectAsList();
    }

    @Test
    void aCorruptRecordHeaderGivesTheFramesBeforeItAndOneErrorRow() throws IOException {
        byte[] pcap = Files.readAllBytes(good);
        int cut = recordOffset(pcap, FRAMES_KEPT);
        byte[] bad = Arrays.copyOf(pcap, cut + RECORD_HEADER + 8);
        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putInt(cut + 8, 0x7fff_ffff).putInt(cut + 12, 0x7fff_ffff);
        Path corrupt = Files.write(dir.resolve("corrupt.pcap"), bad);

        Dataset<Row> df = read("PERMISSIVE", corrupt, other);
        List<Row> rows = rowsOf(df, corrupt);
        assertThat(rows).hasSize(FRAMES_KEPT + 1);
        List<Row> expected = rowsOf(read("PERMISSIVE", good), good).subList(0, FRAMES_KEPT);
        for (int i = 0; i < FRAMES_KEPT; i++) {
            assertThat(rows.get(i).getLong(0)).isEqualTo(i + 1);
            assertThat(fieldsOf(rows.get(i))).isEqualTo(fieldsOf(expected.get(i)));
            assertThat(rows.get(i).isNullAt(rows.get(i).fieldIndex("capture_error"))).isTrue();
        }
        Row fault = rows.get(FRAMES_KEPT);
        assertThat(fault.isNullAt(0)).isTrue();
        assertThat(fault.getString(fault.fieldIndex("capture_error"))).contains(corrupt.toString(), String.valueOf(cut));
        assertThat(rowsOf(df, other)).hasSize(10).allMatch(r -> r.isNullAt(r.fieldIndex("capture_error")));
        // a pushed predicate is applied to the error row too (its field columns are null)
        long withIp = rows.stream().filter(r -> !r.isNullAt(1)).count();
        assertThat(rowsOf(df.where("ip_src IS NOT NULL"), corrupt)).hasSize((int) withIp);
        assertThat(rowsOf(df.where("ip_src IS NULL"), corrupt)).hasSize(FRAMES_KEPT + 1 - (int) withIp);

        assertThat(rowsOf(read("DROPMALFORMED", corrupt), corrupt)).hasSize(FRAMES_KEPT);
        assertThatThrownBy(() -> read("FAILFAST", corrupt, other).collectAsList())
                .hasStackTraceContaining(corrupt.toString()).hasStackTraceContaining(String.valueOf(cut));
    }

    @Test
    void aFileCutInTheMiddleOfARecordGivesTheFramesBeforeIt() throws IOException {
        byte[] pcap = Files.readAllBytes(good);
        int cut = recordOffset(pcap, FRAMES_KEPT) + RECORD_HEADER + 20;
        Path truncated = Files.write(dir.resolve("truncated.pcap"), Arrays.copyOf(pcap, cut));
        List<Row> rows = rowsOf(read("PERMISSIVE", truncated), truncated);
        assertThat(rows).hasSize(FRAMES_KEPT + 1);
        assertThat(rows.get(FRAMES_KEPT - 1).getLong(0)).isEqualTo(FRAMES_KEPT);
        assertThat(rows.get(FRAMES_KEPT).getString(rows.get(FRAMES_KEPT).fieldIndex("capture_error"))).contains(truncated.toString());
    }

    @Test
    void aGzipCaptureGivesTheSameRows() throws IOException {
        Path gz = dir.resolve("tcp-http-ipv4.pcap.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(good, out);
        }
        List<Row> plain = rowsOf(read("FAILFAST", good), good);
        List<Row> unzipped = rowsOf(read("FAILFAST", gz), gz);
        assertThat(unzipped).hasSize(46);
        assertThat(unzipped.stream().map(BadCaptureTest::fieldsOf).toList()).isEqualTo(plain.stream().map(BadCaptureTest::fieldsOf).toList());
    }

    /** The field columns of a row, without capture_file and capture_error. */
    private static List<Object> fieldsOf(Row r) {
        return scala.jdk.javaapi.CollectionConverters.asJava(r.toSeq()).subList(0, r.length() - 2);
    }
}
