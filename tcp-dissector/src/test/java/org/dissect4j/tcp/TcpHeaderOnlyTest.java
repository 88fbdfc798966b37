package org.dissect4j.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.Field;
import org.dissect4j.api.Settings;
import org.dissect4j.testkit.Captures;
import org.dissect4j.testkit.NetStubs;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/**
 * When nothing but TCP header values is wanted (a filter on flags or ports with {@code -T fields}),
 * the dissector skips conversations and hand-offs: the values must be those of the full path.
 */
class TcpHeaderOnlyTest {
    private static final List<String> HEADER = List.of("tcp.srcport", "tcp.dstport", "tcp.port", "tcp.seq_raw",
            "tcp.ack_raw", "tcp.len", "tcp.hdr_len", "tcp.flags", "tcp.flags.syn", "tcp.flags.ack", "tcp.flags.fin",
            "tcp.flags.reset", "tcp.flags.str", "tcp.window_size_value", "tcp.checksum", "tcp.checksum.status",
            "tcp.urgent_pointer");

    @Test
    void headerFieldsAreTheSameWithoutConversations() throws Exception {
        int compared = 0;
        for (Path cap : TcpOwnCapturesTest.captures()) {
            List<Captures.Packet> packets = Captures.read(cap);
            Runner full = new Runner(new Settings(), new NetStubs(), new TcpPlugin());
            Runner light = headerOnly(HEADER);
            List<String[]> expected = full.run(packets, HEADER);
            List<String[]> actual = light.run(packets, HEADER);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i)).as("%s frame %d", cap.getFileName(), i + 1).containsExactly(expected.get(i));
                compared += expected.get(i)[0].isEmpty() ? 0 : 1;
            }
            assertThat(tcp(light).conversationCount()).as("no conversation kept").isZero();
            assertThat(tcp(full).conversationCount()).isPositive();
        }
        assertThat(compared).isGreaterThan(50);
    }

    @Test
    void anythingElseWantedKeepsTheFullPath() throws Exception {
        List<Captures.Packet> packets = Captures.read(TcpOwnCapturesTest.captures().get(0));
        for (String other : List.of("tcp.stream", "tcp.seq", "tcp.options.mss_val", "tcp.analysis.flags",
                "tcp.payload")) {
            List<String> wanted = new ArrayList<>(List.of("tcp.flags.syn"));
            wanted.add(other);
            Runner r = headerOnly(wanted);
            r.run(packets, wanted);
            assertThat(tcp(r).conversationCount()).as("wanting %s", other).isPositive();
        }
        Runner columns = headerOnly(List.of("tcp.flags.syn"));
        columns.engine().columns(true);
        columns.run(packets, List.of("tcp.flags.syn"));
        assertThat(tcp(columns).conversationCount()).as("columns need the Info text").isPositive();
    }

    private static Runner headerOnly(List<String> wanted) {
        Runner r = new Runner(new Settings(), new NetStubs(), new TcpPlugin());
        r.engine().columns(false);
        r.engine().tree().wantAll(false);
        r.engine().tree().clearWants();
        for (String name : wanted) {
            for (Field f : r.engine().fields(name)) {
                r.engine().tree().want(f);
            }
        }
        return r;
    }

    private static TcpDissector tcp(Runner r) {
        return (TcpDissector) r.engine().dissector("tcp").dissector();
    }
}
