package org.dissect4j.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** How a PDU's buffer grows: once to an announced length, by doubling otherwise, always within the budget. */
class SegmentBufferTest {
    private static final MemorySegment SEGMENT = MemorySegment.ofArray(new byte[1460]);

    @Test
    void anAnnouncedLengthIsAllocatedOnce() {
        ReassemblyBudget budget = new ReassemblyBudget(1 << 20, 1 << 20);
        SegmentBuffer b = new SegmentBuffer();
        b.expected = 16_389; // a full TLS record and its header
        assertThat(b.add(SEGMENT, 0, 0, 1460, false, 1, budget)).isTrue();
        assertThat(b.capacity()).isEqualTo(16_389);
        for (int off = 1460; off < 16_389; off += 1460) {
            int len = Math.min(1460, 16_389 - off);
            assertThat(b.add(SEGMENT, 0, off, len, off + len == 16_389, 2, budget)).isTrue();
            assertThat(b.capacity()).isEqualTo(16_389);
        }
        assertThat(b.complete()).isTrue();
        assertThat(budget.used).isEqualTo(16_389);
    }

    @Test
    void anUnknownOrHugeLengthGrowsByDoubling() {
        ReassemblyBudget budget = new ReassemblyBudget(64 << 20, 32 << 20);
        SegmentBuffer b = new SegmentBuffer();
        assertThat(b.add(SEGMENT, 0, 0, 1000, false, 1, budget)).isTrue();
        assertThat(b.capacity()).isEqualTo(1024);

        SegmentBuffer huge = new SegmentBuffer();
        huge.expected = 10 << 20; // a Content-Length of 10 MiB is not trusted with 10 MiB at once
        assertThat(huge.add(SEGMENT, 0, 0, 1000, false, 1, budget)).isTrue();
        assertThat(huge.capacity()).isEqualTo(1024);
    }

    @Test
    void resetForgetsTheAnnouncedLength() {
        ReassemblyBudget budget = new ReassemblyBudget(1 << 20, 1 << 20);
        SegmentBuffer b = new SegmentBuffer();
        b.expected = 4000;
        b.reset(budget);
        assertThat(b.add(SEGMENT, 0, 0, 300, false, 1, budget)).isTrue();
        assertThat(b.capacity()).isEqualTo(512);
    }
}
