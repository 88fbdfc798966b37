package org.dissect4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.junit.jupiter.api.Test;

/**
 * The parse path allocates nothing at steady state: after a warm-up, dissecting every frame of the
 * module's captures again (reassembly, conversations, echo matching, ICMP errors, options and
 * extension headers included) with every field wanted and the columns off allocates 0 bytes.
 */
class ZeroAllocationTest {
    @Test
    void steadyStateDissectionAllocatesNothing() throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        List<String> allocating = new ArrayList<>();
        for (Path cap : OwnCapturesTest.captures()) {
            // One engine per capture: its frame numbers and times are consistent (reassembly timeouts
            // and echo matching see one capture, as in real use).
            List<Frame> frames = TestCaptures.read(cap);
            Engine e = NetTestKit.engine();
            e.columns(false);
            e.tree().wantAll(true);
            for (int round = 0; round < 100; round++) {
                run(e, frames);
            }
            long before = mx.getThreadAllocatedBytes(tid);
            long sink = 0;
            for (int round = 0; round < 5; round++) {
                sink += run(e, frames);
            }
            long allocated = mx.getThreadAllocatedBytes(tid) - before;
            assertThat(sink).isPositive();
            // Reading the counter allocates a little itself; one allocation per packet would be far more.
            if (allocated >= 1024) {
                allocating.add(cap.getFileName() + ": " + allocated + " bytes for " + frames.size() * 5 + " frames");
            }
        }
        assertThat(allocating).isEmpty();
    }

    private static long run(Engine e, List<Frame> frames) {
        long n = 0;
        for (Frame f : frames) {
            n += e.dissect(f).protocolCount();
            e.displayed(f);
        }
        return n;
    }
}
