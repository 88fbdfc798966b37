package org.dissect4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.testkit.Allocation;
import org.junit.jupiter.api.Test;

/**
 * The parse path allocates nothing at steady state: after a warm-up, dissecting every frame of the
 * module's captures again (reassembly, conversations, echo matching, ICMP errors, options and
 * extension headers included) with every field wanted and the columns off allocates 0 bytes.
 */
class ZeroAllocationTest {
    @Test
    void steadyStateDissectionAllocatesNothing() throws Exception {
        List<String> allocating = new ArrayList<>();
        for (Path cap : OwnCapturesTest.captures()) {
            // One engine per capture: its frame numbers and times are consistent (reassembly timeouts
            // and echo matching see one capture, as in real use).
            List<Frame> frames = TestCaptures.read(cap);
            Engine e = NetTestKit.engine();
            e.columns(false);
            e.tree().wantAll(true);
            long[] sink = new long[1];
            long allocated = Allocation.steadyState(() -> sink[0] += run(e, frames), 20_000 / frames.size() + 100, 5, 1024);
            assertThat(sink[0]).isPositive();
            // Reading the counter allocates a little itself; one allocation per packet would be far more.
            if (allocated >= 1024) {
                allocating.add(cap.getFileName() + ": " + allocated + " bytes for " + frames.size() * 5 + " frames");
            }
        }
        assertThat(allocating).isEmpty();
    }

    private static long run(Engine e, List<Frame> frames) {
        long n = 0;
        for (int i = 0, size = frames.size(); i < size; i++) {      // no iterator: the loop must not allocate either
            Frame f = frames.get(i);
            n += e.dissect(f).protocolCount();
            e.displayed(f);
        }
        return n;
    }
}
