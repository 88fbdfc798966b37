package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The edge cases of Zeek's traces (issue 16's last cells) against tshark 4.0.17's goldens beside them: the
 * {@code -T fields} cells that differed, and the {@code -V} sections of the protocols those fixes touch, line for line
 * (TLS sections holding X.509 items are left out: their labels are drawn elsewhere).
 */
class ZeekEdgeCasesTest {
    private static Path zeek(String name) {
        assumeTrue(ReportRun.SHARED != null, "shared corpus is absent: skipped");
        Path file = ReportRun.SHARED.getParent().getParent().resolve("realworld/zeek").resolve(name);
        assumeTrue(Files.exists(file), "realworld/zeek is absent: skipped");
        return file;
    }

    @ParameterizedTest(name = "{0} frame {1} {2}")
    @CsvSource({
        // a chunk size of 2^64 reads as 0xffffffff: malformed
        "http--261--variant-01-chunk_2pow64_overflow.pcap, 4, _ws.col.Info",
        // a line that is no header ends the headers; the rest is a second message, "Continuation"
        "http--connect-with-smtp.pcap, 4, frame.protocols",
        "http--connect-with-smtp.pcap, 4, _ws.col.Info",
        // MLDv2 reports whose records announce more than the message holds
        "icmp--icmp6-mldv2.pcap, 3, _ws.col.Info",
        "icmp--icmp6-mldv2.pcap, 5, _ws.col.Info",
        // SSL 2.0 SERVER-HELLO
        "tls--ssl-v2.pcap, 6, tls.handshake.version",
        // TLS 1.3 early data before the ServerHello
        "tls--tls-13draft19-early-data.pcap, 27, tls.record.content_type",
        "tls--tls-13draft19-early-data.pcap, 27, _ws.col.Protocol",
        // after a Certificate that claims more than it holds, the next message is a fragment that swallows the rest
        "tls--tls1.2-protocol-violation.pcap, 8, tls.handshake.type",
        "tls--tls1.2-protocol-violation.pcap, 8, _ws.col.Info",
        "tls--tls1.2-protocol-violation.pcap, 11, _ws.col.Info",
        // TCP with fewer than 4 captured bytes leaves the column to IPv4
        "trunc--ip-discarder-truncated-tcp-oob.pcapng, 1, _ws.col.Protocol",
        // an Ethernet header cut at 8 bytes shows no address
        "trunc--trunc-hdr.pcap, 1, eth.dst",
    })
    void cellIsTsharks(String name, int frame, String field) {
        Path file = zeek(name);
        Map<String, String> golden = GoldenFields.of(file).rows().get(frame - 1);
        Cli run = Cli.run("-r", file.toString(), "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=,", "-e", field);
        assertThat(run.status()).isZero();
        List<String> ours = run.out().lines().toList();
        assertThat(ours.get(frame - 1)).isEqualTo(golden.get(field));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
        "icmp--icmp6-mldv1.pcap; Internet Control Message Protocol v6",
        "icmp--icmp6-mldv2.pcap; Internet Control Message Protocol v6|[Malformed",
        "icmp--icmp6-mld-query.pcap; Internet Control Message Protocol v6",
        "trunc--trunc-hdr.pcap; Frame |Ethernet|[",
        "tls--ssl-v2.pcap; Transport Layer Security",
        "tls--tls-13draft19-early-data.pcap; Transport Layer Security",
        "http--261--variant-01-chunk_2pow64_overflow.pcap; Hypertext Transfer Protocol|[Malformed",
        "http--curl_http_09.pcap; Hypertext Transfer Protocol",
        "http--fake-content-length.pcap; Hypertext Transfer Protocol",
    })
    void sectionsAreTsharks(String name, String prefixes) throws IOException {
        Path file = zeek(name);
        List<String> wanted = List.of(prefixes.split("\\|"));
        List<Map<String, List<String>>> golden = VerboseSectionsTest.packets(Files.readString(Path.of(file + ".verbose.txt")));
        Cli run = Cli.run("-r", file.toString(), "-V");
        assertThat(run.status()).isZero();
        List<Map<String, List<String>>> ours = VerboseSectionsTest.packets(run.out());
        assertThat(ours).hasSameSizeAs(golden);
        int compared = 0;
        for (int i = 0; i < golden.size(); i++) {
            for (Map.Entry<String, List<String>> e : golden.get(i).entrySet()) {
                boolean x509 = e.getValue().stream().anyMatch(l -> l.contains("signedCertificate") || l.contains("RDNSequence item"));
                if (!x509 && wanted.stream().anyMatch(e.getKey()::startsWith)) {
                    assertThat(ours.get(i).get(e.getKey())).as("%s packet %d: %s", name, i + 1, e.getKey()).isEqualTo(e.getValue());
                    compared++;
                }
            }
        }
        assertThat(compared).isPositive();
    }
}
