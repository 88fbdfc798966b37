package org.dissect4j.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.dns.DnsTestKit.T0;
import static org.dissect4j.dns.DnsTestKit.bytes;
import static org.dissect4j.dns.DnsTestKit.engine;
import static org.dissect4j.dns.DnsTestKit.frame;
import static org.dissect4j.dns.DnsTestKit.query;
import static org.dissect4j.dns.DnsTestKit.response;
import static org.dissect4j.dns.DnsTestKit.udp;
import static org.dissect4j.dns.DnsTestKit.value;

import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Settings;
import org.junit.jupiter.api.Test;

/** Request/response matching through the conversation data, on one pass and on two ({@code -2}). */
class DnsTransactionsTest {
    private static final long MS = 1_000_000L;

    private static List<Frame> exchange() {
        byte[] q = udp(10, 53, 40001, 53, query(0x2001, "a.example.com", 1));
        byte[] r = udp(53, 10, 53, 40001, response(0x2001, "a.example.com", bytes(192, 0, 2, 1)));
        List<Frame> frames = new ArrayList<>();
        frames.add(frame(q, 1, T0));
        frames.add(frame(q, 2, T0 + 1000 * MS));          // retransmitted request
        frames.add(frame(r, 3, T0 + 1200 * MS));
        frames.add(frame(r, 4, T0 + 1210 * MS));          // retransmitted response
        frames.add(frame(q, 5, T0 + 1700 * MS));          // answered before: a new transaction
        frames.add(frame(r, 6, T0 + 1730 * MS));
        frames.add(frame(udp(53, 10, 53, 40001, response(0x2003, "c.example.com")), 7, T0 + 1800 * MS));
        return frames;
    }

    private static List<String> run(Engine e, List<Frame> frames, boolean secondPass, String... fields) {
        List<String> rows = new ArrayList<>();
        for (Frame f : frames) {
            e.dissect(f, secondPass);
            List<String> row = new ArrayList<>();
            for (String field : fields) {
                row.add(value(e, field));
            }
            rows.add(String.join("|", row));
        }
        return rows;
    }

    private static final String[] FIELDS = {"dns.response_in", "dns.response_to", "dns.time", "dns.retransmit_request_in",
        "dns.retransmit_response_in", "dns.retransmission", "dns.unsolicited"};

    @Test
    void onePassAsTshark() {
        assertThat(run(engine(), exchange(), false, FIELDS)).containsExactly(
                "||||||",
                "|||1||1|",
                "|1|1.200000000||||",
                "||||3|1|",
                "||||||",
                "|5|0.030000000||||",
                "||||||1");
    }

    @Test
    void secondPassKnowsTheResponses() {
        Engine e = engine();
        List<Frame> frames = exchange();
        run(e, frames, false, FIELDS);
        assertThat(run(e, frames, true, FIELDS)).containsExactly(
                "3||||||",
                "|||1||1|",
                "|1|1.200000000||||",
                "||||3|1|",
                "6||||||",
                "|5|0.030000000||||",
                "||||||1");
    }

    @Test
    void requestAfterTheTimerIsANewTransaction() {
        Engine e = engine(new org.dissect4j.api.Settings().set("dns.retransmission_timer", "1"));
        byte[] q = udp(10, 53, 40002, 53, query(7, "b.example.com", 1));
        e.dissect(frame(q, 1, T0));
        e.dissect(frame(q, 2, T0 + 1500 * MS));
        assertThat(value(e, "dns.retransmission")).isEmpty();
        e.dissect(frame(udp(53, 10, 53, 40002, response(7, "b.example.com")), 3, T0 + 1600 * MS));
        assertThat(value(e, "dns.response_to")).isEqualTo("2");
    }

    @Test
    void aConversationHoldsABoundedNumberOfTransactions() {
        DnsTransactions.Conversation c = new DnsTransactions.Conversation(null);
        for (int i = 0; i < DnsTransactions.MAX_TRANSACTIONS; i++) {
            c.open(i & 0xFFFF, i + 1, i);
        }
        assertThat(c.size()).isEqualTo(DnsTransactions.MAX_TRANSACTIONS);
        assertThat(c.latest(5)).isEqualTo(5);
        c.open(5, DnsTransactions.MAX_TRANSACTIONS + 1, 0);          // full: starts afresh
        assertThat(c.size()).isEqualTo(1);
        assertThat(c.latest(5)).isZero();
        assertThat(c.latest(6)).isEqualTo(-1);
    }

    @Test
    void theBoundIsAPreferenceAndReachingItIsAnExpertItem() {
        Engine e = engine(new Settings().set("dns.max_transactions", "4"));
        for (int i = 0; i < 4; i++) {
            e.dissect(frame(udp(10, 53, 40003, 53, query(100 + i, "c.example.com", 1)), i + 1, T0 + i * MS));
            assertThat(e.tree().has(DnsExpert.TRANSACTION_LIMIT.field())).isFalse();
        }
        e.dissect(frame(udp(10, 53, 40003, 53, query(200, "c.example.com", 1)), 5, T0 + 5 * MS));
        assertThat(e.tree().has(DnsExpert.TRANSACTION_LIMIT.field())).isTrue();
        // the conversation started afresh: the response to the first query is unsolicited now
        e.dissect(frame(udp(53, 10, 53, 40003, response(100, "c.example.com")), 6, T0 + 6 * MS));
        assertThat(value(e, "dns.response_to")).isEmpty();
    }

    @Test
    void secondPassFindsTheTransactionOfEachFrameAmongManyWithOneId() {
        DnsTransactions.Conversation c = new DnsTransactions.Conversation(null);
        for (int i = 0; i < 1000; i++) {
            c.open(0, 10L * i + 10, i);        // mDNS: every query has ID 0
        }
        assertThat(c.latestUpTo(0, 5)).isEqualTo(-1);
        assertThat(c.latestUpTo(0, 10)).isZero();
        assertThat(c.latestUpTo(0, 15)).isZero();
        assertThat(c.latestUpTo(0, 4005)).isEqualTo(399);
        assertThat(c.latestUpTo(0, 99_999)).isEqualTo(999);
        assertThat(c.latestUpTo(0, 25)).isEqualTo(1);                 // a frame before the cursor: starts over
    }
}
