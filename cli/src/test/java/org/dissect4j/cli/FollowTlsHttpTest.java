package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code -z follow,tls|http,MODE,N} byte for byte against tshark 4.0.17: every TCP stream of the public TLS and HTTP
 * captures, in the four modes, the TLS captures with their key log (decrypted application data) and without (tshark
 * then prints an empty stream). The goldens and their CASES list were made by golden/follow-tls-http/make-goldens.sh.
 */
class FollowTlsHttpTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/follow-tls-http");

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> all = new ArrayList<>();
        for (String line : Files.readAllLines(GOLDEN.resolve("CASES"))) {
            String[] f = line.split("\\|");
            all.add(Arguments.of(f[0], f[1].equals("yes"), f[2]));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} keys={1} -z {2}")
    @MethodSource("cases")
    void equalsTshark(String capture, boolean keys, String z) throws IOException {
        assertThat(ReportRun.SHARED).as("../shared/captures/public").isNotNull();
        Path cap = ReportRun.SHARED.resolve(capture);
        List<String> args = new ArrayList<>(List.of("-r", cap.toString(), "-q", "-z", z));
        if (keys) {
            args.addAll(List.of("-o", "tls.keylog_file:" + cap.toString().replaceAll("\\.pcap(ng)?$", ".keys")));
        }
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(GOLDEN.resolve(capture + "." + (keys ? "yes" : "no") + "." + z + ".txt")));
    }

    @Test
    void casesCoverDecryptedDataAndHttpBodies() throws IOException {
        assertThat(Files.readAllLines(GOLDEN.resolve("CASES"))).hasSizeGreaterThanOrEqualTo(260);
        assertThat(Files.readString(GOLDEN.resolve("tls13-full-alpn-sni.pcapng.yes.follow,tls,ascii,0.txt")))
                .contains("Node 0: 10.77.0.1:443\nNode 1: :0\n\t18\nGET / HTTP/1.0\r\n");
        assertThat(Files.readString(GOLDEN.resolve("tcp-http-ipv4.pcap.no.follow,http,ascii,0.txt")))
                .contains("\n\t203\nHTTP/1.1 200 OK", "\n\t24000\n");
    }
}
