package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A pcapng Decryption Secrets Block between packets applies to the packets after it, as in tshark 4.0.17: a
 * connection whose keys are made after the block (TLS 1.3: at its ServerHello) decrypts, even when its ClientHello
 * came before the block; one whose keys were due before it does not; one block may hold the secrets of several
 * connections. The captures are public ones with the block inserted after N packets ({@link #withSecretsAfter}, as
 * golden/dsb-later/insert-dsb.py does for make-goldens.sh); one thread and {@code --threads 2} print the same.
 */
class DecryptionSecretsLaterTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/dsb-later");

    @ParameterizedTest(name = "{0} with the key log block after {1} packets")
    @CsvSource({"tls13-psk-resume, 0", "tls13-psk-resume, 10", "tls13-full-alpn-sni, 5", "tls13-full-alpn-sni, 6"})
    void blockAppliesToThePacketsAfterIt(String name, int after, @TempDir Path tmp) throws IOException {
        assertThat(ReportRun.SHARED).as("../shared/captures/public").isNotNull();
        Path cap = tmp.resolve(name + ".pcapng");
        Files.write(cap, withSecretsAfter(Files.readAllBytes(ReportRun.SHARED.resolve(name + ".pcapng")), after,
                Files.readAllBytes(ReportRun.SHARED.resolve(name + ".keys"))));
        String golden = Files.readString(GOLDEN.resolve(name + ".dsb-after-" + after + ".fields.tsv"));
        String[] fields = {"-T", "fields", "-e", "frame.number", "-e", "tls.record.content_type", "-e", "tls.handshake.type",
            "-e", "tls.app_data_proto", "-e", "http.request.method", "-e", "http.response.code"};
        for (String threads : new String[] {"1", "2"}) {
            String[] args = new String[fields.length + 4];
            System.arraycopy(new String[] {"-r", cap.toString(), "--threads", threads}, 0, args, 0, 4);
            System.arraycopy(fields, 0, args, 4, fields.length);
            Cli r = Cli.run(args);
            assertThat(r.status()).isZero();
            assertThat(r.out()).as("--threads " + threads).isEqualTo(golden);
        }
    }

    /** Checks the goldens say what the test is about (a wrong golden would make the test above vacuous). */
    @ParameterizedTest(name = "golden {0}")
    @CsvSource({"tls13-psk-resume.dsb-after-0, 2", "tls13-psk-resume.dsb-after-10, 1"})
    void goldensDecryptTheConnectionsAfterTheBlock(String golden, int requests) throws IOException {
        assertThat(Files.readString(GOLDEN.resolve(golden + ".fields.tsv")).lines().filter(l -> l.contains("\tGET\t")))
                .hasSize(requests);
        assertThat(Files.readString(GOLDEN.resolve("tls13-full-alpn-sni.dsb-after-5.fields.tsv"))).contains("\t2,8,11,15\t");
        assertThat(Files.readString(GOLDEN.resolve("tls13-full-alpn-sni.dsb-after-6.fields.tsv"))).doesNotContain("\t2,8,11,15\t");
    }

    /**
     * A little-endian pcapng file with a TLS key log Decryption Secrets Block (type 0x0A, secrets type "TLSK") inserted
     * after its first {@code after} packets (Enhanced or Simple Packet Blocks).
     */
    static byte[] withSecretsAfter(byte[] pcapng, int after, byte[] keyLog) {
        int padded = (keyLog.length + 3) & ~3;
        ByteBuffer dsb = ByteBuffer.allocate(20 + padded + 4).order(ByteOrder.LITTLE_ENDIAN);
        dsb.putInt(0x0A).putInt(dsb.capacity()).putInt(0x544c534b).putInt(keyLog.length).put(keyLog);
        dsb.position(20 + padded);
        dsb.putInt(dsb.capacity());
        ByteBuffer in = ByteBuffer.wrap(pcapng).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int packets = 0;
        boolean inserted = false;
        for (int at = 0; at + 8 <= pcapng.length;) {
            int type = in.getInt(at);
            int length = in.getInt(at + 4);
            boolean packet = type == 6 || type == 3;
            if (!inserted && packet && packets == after) {
                out.write(dsb.array(), 0, dsb.capacity());
                inserted = true;
            }
            out.write(pcapng, at, length);
            packets += packet ? 1 : 0;
            at += length;
        }
        if (!inserted) {
            out.write(dsb.array(), 0, dsb.capacity());
        }
        return out.toByteArray();
    }
}
