package org.dissect4j.tunnel.socks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.http.HttpPlugin;
import org.dissect4j.net.NetPlugin;
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.testkit.Conformance;
import org.junit.jupiter.api.Test;

/**
 * SOCKS against tshark 4.0.17: the module's socks.pcap (make_socks.py, regen-golden.sh) on every column of every
 * frame, and Zeek's tunnels--socks.pcap of the shared corpus on the columns its golden has for SOCKS (the protocol
 * chain and the columns). Differences whose cause lies outside SOCKS are listed in socks/known-differences.txt;
 * {@code tcp.stream} is not compared on socks.pcap, for the reason given there.
 */
class SocksCapturesTest {
    static DissectorPlugin[] plugins() {
        return new DissectorPlugin[] {new NetPlugin(), new TcpPlugin(), new HttpPlugin(), new SocksPlugin()};
    }

    static Path resource(String name) throws Exception {
        return Path.of(SocksCapturesTest.class.getResource("/socks/" + name).toURI());
    }

    @Test
    void ownCaptureMatchesTsharkCellForCell() throws Exception {
        // tcp.stream: see known-differences.txt (Wireshark's SOCKS makes TCP conversations of its own)
        Conformance.Result r = Conformance.compare(resource("socks.pcap"), c -> !c.equals("frame.number") && !c.equals("tcp.stream"),
                SocksCapturesTest::plugins);
        List<String> known = Files.readAllLines(resource("known-differences.txt")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        r.mismatches().forEach(m -> System.out.println((known.contains(m) ? "known: " : "") + m));
        assertThat(r.cells()).isGreaterThan(2_000);
        assertThat(r.mismatches()).allMatch(known::contains);
    }

    @Test
    void zeekSocksTraceMatchesTshark() throws Exception {
        Path shared = Conformance.sharedCaptures();
        if (shared == null) {
            return;     // the corpus is beside the repository in development and CI, not in a source release
        }
        Path zeek = shared.resolveSibling("realworld").resolve("zeek").resolve("tunnels--socks.pcap");
        Conformance.Result r = Conformance.compare(zeek, c -> c.equals("frame.protocols") || c.startsWith("_ws.col.")
                || c.startsWith("tcp.") || c.startsWith("http."), SocksCapturesTest::plugins);
        r.mismatches().forEach(System.out::println);
        assertThat(r.cells()).isGreaterThan(500);
        assertThat(r.mismatches()).isEmpty();
    }
}
