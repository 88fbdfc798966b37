package org.dissect4j.http.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.http.HttpPlugin;
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.testkit.Conformance;
import org.dissect4j.testkit.NetStubs;
import org.junit.jupiter.api.Test;

/**
 * WebSocket against tshark 4.0.17: the module's websocket.pcap (make_websocket.py, regen-golden.sh) on every column
 * of every frame, and Zeek's http--websocket.pcap of the shared corpus on the protocol chain and the columns.
 * Differences whose cause lies outside WebSocket are listed in websocket/known-differences.txt.
 */
class WebSocketCapturesTest {
    static DissectorPlugin[] plugins() {
        return new DissectorPlugin[] {new NetStubs(), new TcpPlugin(), new HttpPlugin(), new WebSocketPlugin()};
    }

    static Path resource(String name) throws Exception {
        return Path.of(WebSocketCapturesTest.class.getResource("/websocket/" + name).toURI());
    }

    @Test
    void ownCaptureMatchesTsharkCellForCell() throws Exception {
        Conformance.Result r = Conformance.compare(resource("websocket.pcap"), c -> !c.equals("frame.number"),
                WebSocketCapturesTest::plugins);
        List<String> known = Files.readAllLines(resource("known-differences.txt")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        r.mismatches().forEach(m -> System.out.println((known.contains(m) ? "known: " : "") + m));
        assertThat(r.cells()).isGreaterThan(1_000);
        assertThat(r.mismatches()).allMatch(known::contains);
    }

    @Test
    void zeekWebSocketTraceMatchesTshark() throws Exception {
        Path shared = Conformance.sharedCaptures();
        if (shared == null) {
            return;     // the corpus is beside the repository in development and CI, not in a source release
        }
        Path zeek = shared.resolveSibling("realworld").resolve("zeek").resolve("http--websocket.pcap");
        Conformance.Result r = Conformance.compare(zeek, c -> c.equals("frame.protocols") || c.startsWith("_ws.col.")
                || c.startsWith("tcp.") || c.startsWith("http."), WebSocketCapturesTest::plugins);
        r.mismatches().forEach(System.out::println);
        assertThat(r.cells()).isGreaterThan(500);
        assertThat(r.mismatches()).isEmpty();
    }
}
