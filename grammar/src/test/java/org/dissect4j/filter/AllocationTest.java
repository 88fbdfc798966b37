package org.dissect4j.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Tree;
import org.junit.jupiter.api.Test;

/** Evaluating a compiled filter allocates nothing: measured with the thread's allocation counter. */
class AllocationTest {
    private static final String[] FILTERS = {
        "tcp.port == 443 && tcp.flags.syn == 1",
        "tcp.port != 443 or ip.addr == 10.77.0.0/24",
        "all tcp.port > 1024 xor udp",
        "tcp.payload contains \"HTTP\" or frame contains 16:03:03",
        "tls.handshake.extensions_server_name matches \"^serv.*\\\\.test$\"",
        "tcp matches \"HTTP/1\\\\.[01] 200\"",
        "frame[0:6,12:2] == 02:00:00:77:00:02:08:00 and tcp.payload[-2:] == 0d:0a",
        "upper(tls.handshake.extensions_server_name) == \"SERVER.TEST\"",
        "string(ip.dst) == \"10.77.0.9\" or string(ipv6.src) contains \"77::1\" or string(eth.src) contains \"77\"",
        "tcp.port in {80, 443, 8000..8080} or tls.handshake.extensions_server_name in {\"a\", \"server.test\"}",
        "ip.addr#2 == 10.77.0.1 or tls.handshake.type#[1-2] == 11 or ip.src#[-1] == 10.77.0.1",
        "tcp.srcport + tcp.dstport > 40000 or tcp.len - 1 < 0 or -tcp.window_size_scalefactor == 1",
        "max(tcp.len, 1000) == 1000 and count(ip.addr) == 2 and len(tcp.payload) > 3",
        "tcp.flags & 0x12 == 0x12 or tcp[12:2] & f0:00 == 50:00 or ip.src & 255.255.255.0 == 10.77.0.0",
        "frame.ratio > 2.2 or frame.time_relative > 1.5 or abs(frame.ratio - 1) < 0.3",
        "tls.handshake.session_id > :ff or eth.dst > eth.src or ipv6.src == fd00:77::/64",
        "vals(ip.proto) == \"TCP\" or hex(tcp.flags) == \"0x0012\" or tcp.srcport == ${tcp.srcport}",
        "@tcp.srcport == 01:bb or lower(tls.handshake.extensions_server_name) contains \"server\"",
    };

    @Test
    void evaluationAllocatesNothing() throws FilterException {
        Engine engine = TestStack.engine();
        engine.tree().wantAll(true);
        List<Frame> frames = Corpus.frames();
        DisplayFilter[] filters = new DisplayFilter[FILTERS.length];
        for (int i = 0; i < FILTERS.length; i++) {
            filters[i] = DisplayFilter.compile(FILTERS[i], engine);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = 0;
        long evaluations = 0;
        int hits = 0;
        for (int round = 0; round < 2; round++) {
            allocated = 0;
            evaluations = 0;
            for (Frame f : frames) {
                Tree tree = engine.dissect(f).tree();
                long before = mx.getCurrentThreadAllocatedBytes();
                for (int rep = 0; rep < 600; rep++) {
                    for (DisplayFilter df : filters) {
                        if (df.matches(tree)) {
                            hits++;
                        }
                    }
                }
                allocated += mx.getCurrentThreadAllocatedBytes() - before;
                evaluations += 600L * filters.length;
            }
        }
        assertThat(hits).isPositive();
        assertThat(evaluations).isGreaterThanOrEqualTo(100_000);
        // The counter itself is exact; allow a few bytes for the JVM's own bookkeeping on this thread.
        assertThat(allocated).as("bytes allocated over %d evaluations", evaluations).isLessThan(1024);
    }
}
