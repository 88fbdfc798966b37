package org.dissect4j.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.dns.DnsTestKit.T0;
import static org.dissect4j.dns.DnsTestKit.bytes;
import static org.dissect4j.dns.DnsTestKit.cat;
import static org.dissect4j.dns.DnsTestKit.engine;
import static org.dissect4j.dns.DnsTestKit.frame;
import static org.dissect4j.dns.DnsTestKit.query;
import static org.dissect4j.dns.DnsTestKit.response;
import static org.dissect4j.dns.DnsTestKit.tcp;
import static org.dissect4j.dns.DnsTestKit.u16;
import static org.dissect4j.dns.DnsTestKit.values;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.junit.jupiter.api.Test;

/**
 * DNS over TCP through the real TCP reassembly: the same messages come out whatever the segmentation, at every
 * single cut of the server's byte stream (inside the length prefix, inside a message, between two messages).
 */
class DnsSplitTest {
    private static final int SYN = 0x02, ACK = 0x10, PSH = 0x08;

    private static byte[] framed(byte[] m) {
        return cat(u16(m.length), m);
    }

    private static final byte[] REQUESTS = cat(framed(query(0x3001, "example.com", 1)), framed(query(0x3002, "example.org", 1)));
    private static final byte[] RESPONSES = cat(framed(response(0x3001, "example.com", bytes(192, 0, 2, 7))),
            framed(response(0x3002, "example.org", bytes(192, 0, 2, 8), bytes(192, 0, 2, 9))));

    /** The IDs of the messages dissected, in order, when the server's bytes are cut at {@code cuts}. */
    private static List<String> run(Engine e, int... cuts) {
        List<String> ids = new ArrayList<>();
        long n = 0;
        long cs = 1000;
        long ss = 5000;
        e.dissect(frame(tcp(10, 53, 45000, 53, cs++, 0, SYN, new byte[0]), ++n, T0));
        e.dissect(frame(tcp(53, 10, 53, 45000, ss++, cs, SYN | ACK, new byte[0]), ++n, T0));
        e.dissect(frame(tcp(10, 53, 45000, 53, cs, ss, ACK, new byte[0]), ++n, T0));
        Packet p = e.dissect(frame(tcp(10, 53, 45000, 53, cs, ss, ACK | PSH, REQUESTS), ++n, T0));
        ids.addAll(values(e, "dns.id"));
        assertThat(p.malformed()).isFalse();
        cs += REQUESTS.length;
        int from = 0;
        int[] ends = Arrays.copyOf(cuts, cuts.length + 1);
        ends[cuts.length] = RESPONSES.length;
        for (int to : ends) {
            byte[] seg = Arrays.copyOfRange(RESPONSES, from, to);
            p = e.dissect(frame(tcp(53, 10, 53, 45000, ss + from, cs, ACK | PSH, seg), ++n, T0 + n * 1000));
            assertThat(p.malformed()).as("cut %s", Arrays.toString(cuts)).isFalse();
            ids.addAll(values(e, "dns.id"));
            from = to;
        }
        return ids;
    }

    @Test
    void sameMessagesAtEveryCut() {
        List<String> whole = run(engine());
        assertThat(whole).containsExactly("0x3001", "0x3002", "0x3001", "0x3002");
        for (int cut = 1; cut < RESPONSES.length; cut++) {
            assertThat(run(engine(), cut)).as("cut at %d", cut).isEqualTo(whole);
        }
        for (int a = 1; a < RESPONSES.length; a += 3) {
            for (int b = a + 1; b < RESPONSES.length; b += 5) {
                assertThat(run(engine(), a, b)).as("cuts at %d, %d", a, b).isEqualTo(whole);
            }
        }
    }

    @Test
    void withoutDesegmentationACutMessageIsTruncatedNotMalformed() {
        Engine e = engine(new Settings().set("dns.desegment_dns_messages", "FALSE"));
        List<String> ids = run(e, 5);
        assertThat(ids).startsWith("0x3001", "0x3002");
        assertThat(ids).doesNotContain("0x3003");
    }
}
