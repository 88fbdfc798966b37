package org.dissect4j.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dissect4j.api.Settings;
import org.dissect4j.testkit.Captures;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decryption when something is wrong: a wrong secret, a key log line cut short, a key log of another connection, a
 * record whose ciphertext was altered and a record cut short by the snaplen. Each is shown as tshark shows a record it
 * cannot decrypt (as without keys), nothing is thrown, and the connection's later records still decrypt.
 */
class TlsDecryptionFailureTest {
    static final Path DIR = TlsDecryptionCapturesTest.DIR;
    static final Path CAP = DIR.resolve("tls12-aes128-cbc-sha-etm.pcap");
    static final List<String> COLUMNS = List.of("frame.number", "tls.record.content_type", "tls.handshake.type",
            "tls.alert_message.desc", "tls.app_data", "http.request.method", "_ws.col.Protocol", "_ws.col.Info", "_ws.malformed");

    static List<Captures.Packet> packets;
    static List<String> withoutKeys;
    static List<String> withKeys;
    static int getRow;
    static int lastAlertRow;

    @TempDir
    Path tmp;

    @BeforeAll
    static void baseline() throws IOException {
        packets = Captures.read(CAP);
        withoutKeys = run(new Settings(), packets);
        withKeys = run(keys(DIR.resolve("tls12-aes128-cbc-sha-etm.keys")), packets);
        getRow = -1;
        for (int i = 0; i < withKeys.size(); i++) {
            if (withKeys.get(i).contains("\tGET\t")) {
                getRow = i;
            }
            if (withKeys.get(i).contains("Close Notify")) {
                lastAlertRow = i;
            }
        }
        assertThat(getRow).as("the request decrypts with the right key log").isPositive();
        assertThat(lastAlertRow).isGreaterThan(getRow);
        assertThat(withoutKeys.get(getRow)).doesNotContain("GET");
    }

    static Settings keys(Path file) {
        return new Settings().set("tls.keylog_file", file.toString());
    }

    static List<String> run(Settings s, List<Captures.Packet> pkts) {
        List<String> rows = new ArrayList<>();
        for (String[] r : new Runner(s, TlsGoldens.plugins()).run(pkts, COLUMNS)) {
            rows.add(String.join("\t", Arrays.stream(r).map(v -> v == null ? "" : v).toList()));
        }
        return rows;
    }

    private Path keyLogWith(String text) throws IOException {
        Path f = tmp.resolve("keys.txt");
        Files.writeString(f, text);
        return f;
    }

    private static String keyLogText() throws IOException {
        return Files.readString(DIR.resolve("tls12-aes128-cbc-sha-etm.keys"));
    }

    @Test
    void wrongSecretShowsRecordsAsWithoutKeys() throws IOException {
        String text = keyLogText().strip();
        char last = text.charAt(text.length() - 1);
        String wrong = text.substring(0, text.length() - 1) + (last == '0' ? '1' : '0') + "\n";
        assertThat(run(keys(keyLogWith(wrong)), packets)).isEqualTo(withoutKeys);
    }

    @Test
    void truncatedKeyLogLineIsSkipped() throws IOException {
        String line = keyLogText().lines().filter(l -> l.startsWith("CLIENT_RANDOM")).findFirst().orElseThrow();
        Path f = keyLogWith("# cut\n" + line.substring(0, line.length() - 20) + "\n");
        TlsKeyLog log = new TlsKeyLog();
        log.file(f);
        assertThat(log.badLines()).isEqualTo(1);
        assertThat(run(keys(f), packets)).isEqualTo(withoutKeys);
        // the line cut before its secret (no second space) counts as bad too
        TlsKeyLog two = new TlsKeyLog();
        two.add("CLIENT_RANDOM 0011\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(two.badLines()).isEqualTo(1);
    }

    @Test
    void keyLogOfAnotherConnectionDecryptsNothing() {
        assertThat(run(keys(DIR.resolve("tls12-aes128-ccm.keys")), packets)).isEqualTo(withoutKeys);
    }

    @Test
    void alteredRecordFailsAloneAndLaterRecordsDecrypt() {
        List<Captures.Packet> altered = new ArrayList<>(packets);
        Captures.Packet p = packets.get(getRow);
        byte[] data = p.data().clone();
        data[data.length - 1] ^= 0x01;  // the record's last MAC byte
        altered.set(getRow, new Captures.Packet(data, p.originalLength(), p.timestampNanos(), p.linkType()));
        List<String> rows = run(keys(DIR.resolve("tls12-aes128-cbc-sha-etm.keys")), altered);
        assertThat(rows.get(getRow)).doesNotContain("GET").endsWith("\tTLSv1.2\tApplication Data\t");
        assertThat(rows.get(lastAlertRow)).isEqualTo(withKeys.get(lastAlertRow));
        assertThat(rows.get(lastAlertRow)).contains("Close Notify");
    }

    @Test
    void recordCutShortFailsAloneAndLaterRecordsDecrypt() {
        List<Captures.Packet> cut = new ArrayList<>(packets);
        Captures.Packet p = packets.get(getRow);
        cut.set(getRow, new Captures.Packet(Arrays.copyOf(p.data(), p.data().length - 7), p.originalLength(), p.timestampNanos(),
                p.linkType()));
        List<String> rows = run(keys(DIR.resolve("tls12-aes128-cbc-sha-etm.keys")), cut);
        assertThat(rows.get(getRow)).doesNotContain("GET");
        assertThat(rows.get(lastAlertRow)).isEqualTo(withKeys.get(lastAlertRow));
    }

    @Test
    void keyLogHandedToTheEngineDecryptsLikeTheFile() throws IOException {
        // The Java API: a key log held in memory (what a pcapng Decryption Secrets Block carries).
        Runner r = new Runner(new Settings(), TlsGoldens.plugins());
        assertThat(r.engine().addSecrets(TlsPlugin.TLS_KEY_LOG_SECRETS, Files.readAllBytes(DIR.resolve("tls12-aes128-cbc-sha-etm.keys"))))
                .isTrue();
        List<String> rows = new ArrayList<>();
        for (String[] row : r.run(packets, COLUMNS)) {
            rows.add(String.join("\t", Arrays.stream(row).map(v -> v == null ? "" : v).toList()));
        }
        assertThat(rows).isEqualTo(withKeys);
        assertThat(r.engine().addSecrets(0x12345678L, new byte[1])).as("a secrets type nobody asked for").isFalse();
    }
}
