package org.dissect4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.testkit.Packets.ACK;
import static org.dissect4j.testkit.Packets.FIN;
import static org.dissect4j.testkit.Packets.PSH;
import static org.dissect4j.testkit.Packets.SYN;
import static org.dissect4j.testkit.Packets.tcp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.api.Tree;
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.testkit.Feed;
import org.dissect4j.testkit.NetStubs;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/** HTTP over TCP reassembly, with the message split at every byte boundary and reordered. */
class HttpSplitTest {
    private static final int C = 0x0a630002, S = 0x0a630001;
    private static final byte[] REQUEST = ("POST /upload?x=1 HTTP/1.1\r\nHost: example.test\r\nUser-Agent: split/1\r\n"
            + "Content-Length: 11\r\n\r\nhello world").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    /** What one connection produced: per frame, the HTTP fields of interest. */
    private record Seen(List<String> methods, List<String> uris, List<Long> codes, List<String> bodies, List<String> info) {
    }

    private static Seen run(int port, List<byte[]> clientSegments, List<Integer> order, byte[] response, int responseSplit) {
        return run(new Settings(), port, clientSegments, order, response, responseSplit);
    }

    private static Seen run(Settings settings, int port, List<byte[]> clientSegments, List<Integer> order, byte[] response,
                            int responseSplit) {
        Runner r = new Runner(settings, new NetStubs(), new TcpPlugin(), new HttpPlugin());
        Feed f = new Feed(r.engine());
        Seen seen = new Seen(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        f.next(tcp(C, S, 50000, port, 0, 0, SYN, 100, new byte[0], new byte[0]));
        f.next(tcp(S, C, port, 50000, 0, 1, SYN | ACK, 100, new byte[0], new byte[0]));
        long[] seqs = new long[clientSegments.size()];
        long seq = 1;
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = seq;
            seq += clientSegments.get(i).length;
        }
        for (int i : order) {
            collect(r, f.next(tcp(C, S, 50000, port, seqs[i], 1, PSH | ACK, 100, new byte[0], clientSegments.get(i))), seen);
        }
        byte[] a = java.util.Arrays.copyOfRange(response, 0, responseSplit);
        byte[] b = java.util.Arrays.copyOfRange(response, responseSplit, response.length);
        collect(r, f.next(tcp(S, C, port, 50000, 1, seq, PSH | ACK, 100, new byte[0], a)), seen);
        if (b.length > 0) {
            collect(r, f.next(tcp(S, C, port, 50000, 1 + a.length, seq, PSH | ACK | FIN, 100, new byte[0], b)), seen);
        }
        return seen;
    }

    private static void collect(Runner r, Packet p, Seen seen) {
        Tree t = p.tree();
        String m = r.render(p, "http.request.method");
        if (!m.isEmpty()) {
            seen.methods().add(m);
            seen.uris().add(r.render(p, "http.request.uri"));
        }
        if (t.has(HttpFields.RESPONSE_CODE)) {
            seen.codes().add(t.valueOr(HttpFields.RESPONSE_CODE, -1));
        }
        for (int n = t.first(HttpFields.FILE_DATA); n >= 0; n = t.next(n)) {
            seen.bodies().add(t.string(n));
        }
        if (t.has(HttpFields.DECHUNK_LIMIT.field())) {
            seen.bodies().add("(limit)");
        }
        seen.info().add(p.info().toString());
    }

    @Test
    void requestSplitAtEveryByteBoundary() {
        for (int port : new int[] {80, 8000}) {
            for (int split = 1; split < REQUEST.length; split++) {
                List<byte[]> segs = List.of(java.util.Arrays.copyOfRange(REQUEST, 0, split),
                        java.util.Arrays.copyOfRange(REQUEST, split, REQUEST.length));
                Seen s = run(port, segs, List.of(0, 1), RESPONSE, RESPONSE.length);
                boolean heuristicCanSeeIt = port == 80 || split > REQUEST_LINE_END;
                if (heuristicCanSeeIt) {
                    assertThat(s.methods()).as("port %d split %d", port, split).containsExactly("POST");
                    assertThat(s.uris()).containsExactly("/upload?x=1");
                    assertThat(s.bodies()).contains("hello world");
                }
                assertThat(s.codes()).as("port %d split %d", port, split).containsExactly(200L);
                assertThat(s.bodies()).contains("hello world");
            }
        }
    }

    /** Offset of the CR ending the request line: the heuristic needs the whole line in the first segment. */
    private static final int REQUEST_LINE_END = "POST /upload?x=1 HTTP/1.1\r\n".length() - 1;

    @Test
    void chunkedResponseSplitAtEveryByteBoundary() {
        List<byte[]> req = List.of(REQUEST);
        for (int split = 1; split <= RESPONSE.length; split++) {
            Seen s = run(80, req, List.of(0), RESPONSE, split);
            assertThat(s.codes()).as("split %d: %s", split, s.info()).containsExactly(200L);
            assertThat(s.bodies()).as("split %d", split).containsExactly("hello world", "hello world");
            assertThat(s.info().get(s.info().size() - 1)).isEqualTo("HTTP/1.1 200 OK  (text/plain)");
        }
    }

    @Test
    void deChunkingStopsAtItsBoundWithAnExpertItem() {
        Seen s = run(new Settings().set("http.max_dechunked_bytes", "8"), 80, List.of(REQUEST), List.of(0), RESPONSE,
                RESPONSE.length);
        assertThat(s.codes()).containsExactly(200L);
        assertThat(s.bodies()).containsExactly("hello world", "hello wo", "(limit)");     // the request's body, then the response's
    }

    @Test
    void requestInThreeSegmentsAnyOrder() {
        int a = 10, b = 40;
        List<byte[]> segs = List.of(java.util.Arrays.copyOfRange(REQUEST, 0, a),
                java.util.Arrays.copyOfRange(REQUEST, a, b), java.util.Arrays.copyOfRange(REQUEST, b, REQUEST.length));
        // Out-of-order segments are not reassembled by default (as Wireshark); in-order delivery is.
        Seen inOrder = run(80, segs, List.of(0, 1, 2), RESPONSE, RESPONSE.length);
        assertThat(inOrder.methods()).containsExactly("POST");
        for (List<Integer> order : List.of(List.of(0, 2, 1), List.of(1, 0, 2), List.of(2, 1, 0), List.of(1, 2, 0))) {
            Seen s = run(80, segs, order, RESPONSE, RESPONSE.length);
            assertThat(s.codes()).as("order %s", order).containsExactly(200L);
        }
    }
}
