package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.http.HttpPlugin;
import org.dissect4j.net.NetPlugin;
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.testkit.Conformance;
import org.dissect4j.tls.TlsPlugin;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP's tunnels on Zeek's traces against their tshark 4.0.17 goldens, every one of the 77 columns of every frame:
 * after {@code CONNECT host:443} and {@code 200 Connection Established} the connection's bytes are TLS below HTTP
 * ({@code http:tls}, "[TCP segment of a reassembled PDU]" where TLS waits), and after {@code 101 Switching Protocols}
 * they are data with TCP's Protocol column and Info.
 */
class HttpTunnelCapturesTest {
    @ParameterizedTest
    @ValueSource(strings = {"http--connect-with-header.pcap", "http--docker-http-upgrade.pcap"})
    void everyCellMatchesTshark(String name) throws Exception {
        Path shared = Conformance.sharedCaptures();
        Assumptions.assumeTrue(shared != null, "the shared corpus is absent");
        Path capture = shared.getParent().resolve("realworld/zeek").resolve(name);
        assertThat(capture).satisfies(p -> assertThat(Files.isRegularFile(p)).isTrue());
        Conformance.Result r = Conformance.compare(capture, c -> true,
                () -> new DissectorPlugin[] {new NetPlugin(), new TcpPlugin(), new HttpPlugin(), new TlsPlugin()});
        r.mismatches().stream().limit(20).forEach(System.out::println);
        assertThat(r.cells()).isGreaterThan(1_000);
        assertThat(r.mismatches()).isEmpty();
    }
}
