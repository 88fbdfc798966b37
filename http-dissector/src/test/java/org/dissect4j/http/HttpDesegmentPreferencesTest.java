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
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.testkit.Feed;
import org.dissect4j.testkit.NetStubs;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/**
 * {@code http.desegment_headers}, {@code http.desegment_body} and {@code tcp.desegment_tcp_streams}, as
 * tshark 4.0 applies them to a response whose headers say {@code Content-Length: 11} and whose body comes
 * in two segments, then FIN. The expected lines are what tshark 4.0.17 prints for the same six frames
 * written to a pcap ({@code -T fields -e _ws.col.Protocol -e _ws.col.Info -e frame.protocols}).
 */
class HttpDesegmentPreferencesTest {
    private static final int C = 0x0a630002, S = 0x0a630001;
    private static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nhello"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAIL = " world".getBytes(StandardCharsets.US_ASCII);

    /** Per response frame (head, tail, FIN): its Protocol column, Info column and the protocols under TCP. */
    private static List<String> run(String... preferences) {
        Settings settings = new Settings();
        for (int i = 0; i < preferences.length; i += 2) {
            settings.set(preferences[i], preferences[i + 1]);
        }
        Runner r = new Runner(settings, new NetStubs(), new TcpPlugin(), new HttpPlugin());
        Feed f = new Feed(r.engine());
        f.next(tcp(C, S, 50000, 80, 0, 0, SYN, 100, new byte[0], new byte[0]));
        f.next(tcp(S, C, 80, 50000, 0, 1, SYN | ACK, 100, new byte[0], new byte[0]));
        f.next(tcp(C, S, 50000, 80, 1, 1, PSH | ACK, 100, new byte[0], REQUEST));
        int ack = 1 + REQUEST.length;
        List<String> seen = new ArrayList<>();
        seen.add(summary(r, f.next(tcp(S, C, 80, 50000, 1, ack, PSH | ACK, 100, new byte[0], HEAD))));
        seen.add(summary(r, f.next(tcp(S, C, 80, 50000, 1 + HEAD.length, ack, PSH | ACK, 100, new byte[0], TAIL))));
        seen.add(summary(r, f.next(tcp(S, C, 80, 50000, 1 + HEAD.length + TAIL.length, ack, FIN | ACK, 100, new byte[0],
                new byte[0]))));
        assertThat(settings.unread()).as("the preferences are known").isEmpty();
        return seen;
    }

    private static String summary(Runner r, Packet p) {
        String protocols = r.render(p, "frame.protocols");
        int tcp = protocols.indexOf(":tcp");
        return p.protocolColumn() + " | " + p.info() + " | " + protocols.substring(tcp + 1);
    }

    @Test
    void byDefaultTheBodyIsReassembledByItsContentLength() {
        assertThat(run()).containsExactly("TCP | HTTP/1.1 200 OK  [TCP segment of a reassembled PDU] | tcp",
                "HTTP | HTTP/1.1 200 OK  (text/plain) | tcp:http:data-text-lines",
                "TCP | 80 → 50000 [FIN, ACK] Seq=77 Ack=28 Win=100 Len=0 | tcp");
    }

    @Test
    void withoutHeaderDesegmentationAResponseIsReassembledUntilFin() {
        // Content-Length is read for reassembly only while headers are reassembled
        assertThat(run("http.desegment_headers", "FALSE")).containsExactly("TCP | HTTP/1.1 200 OK  [TCP segment of a reassembled PDU] | tcp",
                "TCP | 80 → 50000 [PSH, ACK] Seq=71 Ack=28 Win=100 Len=6 [TCP segment of a reassembled PDU] | tcp",
                "HTTP | HTTP/1.1 200 OK  (text/plain) | tcp:http:data-text-lines");
    }

    @Test
    void withoutBodyDesegmentationTheFirstSegmentIsTheMessage() {
        // tshark 4.0 still hands the rest to TCP's reassembly (a PDU that never completes)
        assertThat(run("http.desegment_body", "FALSE")).containsExactly("HTTP | HTTP/1.1 200 OK  (text/plain) | tcp:http:data-text-lines",
                "TCP | 80 → 50000 [PSH, ACK] Seq=71 Ack=28 Win=100 Len=6 [TCP segment of a reassembled PDU] | tcp",
                "TCP | 80 → 50000 [FIN, ACK] Seq=77 Ack=28 Win=100 Len=0 | tcp");
    }

    @Test
    void withoutTcpDesegmentationTheRestIsAContinuationShownAsData() {
        // the continuation has no headers: its bytes are data, whatever the last message's Content-Type said
        assertThat(run("tcp.desegment_tcp_streams", "FALSE")).containsExactly("HTTP | HTTP/1.1 200 OK  (text/plain) | tcp:http:data-text-lines",
                "HTTP | Continuation | tcp:http:data",
                "TCP | 80 → 50000 [FIN, ACK] Seq=77 Ack=28 Win=100 Len=0 | tcp");
    }
}
