package org.dissect4j.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.dns.DnsTestKit.T0;
import static org.dissect4j.dns.DnsTestKit.engine;
import static org.dissect4j.dns.DnsTestKit.frame;

import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.testkit.Allocation;
import org.junit.jupiter.api.Test;

/**
 * The DNS parse path allocates nothing at steady state: every UDP frame of the module's captures (every RR type,
 * mDNS, LLMNR, the hostile names, malformed and truncated messages), with every field wanted and Info composed,
 * dissected again and again, on the first pass and on the second. A conversation and the growth of its
 * transaction arrays allocate (once per conversation, amortised per transaction): the replays are chosen so
 * that no transaction is added after the warm-up.
 */
class DnsAllocationTest {
    @Test
    void steadyStateDissectionAllocatesNothing() throws Exception {
        List<Frame> queries = new ArrayList<>();
        List<Frame> responses = new ArrayList<>();
        List<Frame> all = new ArrayList<>();
        long n = 0;
        for (byte[] b : DnsBadInputTest.samples()) {
            if (b.length > 44 && b[23] == 17) {            // IPv4/UDP only: a TCP connection replayed is all retransmissions
                Frame f = frame(b, ++n, T0 + n);
                all.add(f);
                ((b[44] & 0x80) == 0 ? queries : responses).add(f);
            }
        }
        // First pass, queries: replayed at the same time, each is a retransmission of the first, which stays unanswered.
        assertSteady(engine(), queries, false, 10_000);
        // First pass, responses: without their queries they are unsolicited, every record type decoded.
        assertSteady(engine(), responses, false, 3_000);
        // Second pass over everything: the transactions are found, none is made.
        Engine e = engine();
        run(e, all, false);
        assertSteady(e, all, true, 3_000);
    }

    private static void assertSteady(Engine e, List<Frame> frames, boolean secondPass, int warmUp) {
        long[] sink = new long[1];
        long allocated = Allocation.steadyState(() -> sink[0] += run(e, frames, secondPass), warmUp, 2_000, 4096);
        assertThat(sink[0]).isPositive();
        // reading the counter allocates a little itself; one allocation per packet would be hundreds of kilobytes
        assertThat(allocated).as("bytes allocated for %d packets", frames.size() * 2_000L).isLessThan(4096);
    }

    private static long run(Engine e, List<Frame> frames, boolean secondPass) {
        long n = 0;
        for (int i = 0, size = frames.size(); i < size; i++) {      // no iterator: the loop must not allocate either
            Packet p = e.dissect(frames.get(i), secondPass);
            n += p.tree().size() + p.info().length();
        }
        return n;
    }
}
