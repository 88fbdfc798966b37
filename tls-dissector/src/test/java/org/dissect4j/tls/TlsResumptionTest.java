package org.dissect4j.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The resumption index against a plain list of the last {@link TlsResumption#CAPACITY} entries, newest first. */
class TlsResumptionTest {
    record Entry(long ep, int kind, long value, long frame) {
    }

    @Test
    void findsTheNewestLiveEntryLikeAScanOfTheRing() {
        TlsResumption r = new TlsResumption();
        List<Entry> all = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 1; i <= 3 * TlsResumption.CAPACITY + 123; i++) {
            // few endpoints and values, so that duplicates, shared buckets and evictions all happen
            Entry e = new Entry(rnd.nextInt(5), 1 + rnd.nextInt(2), rnd.nextInt(3000), i);
            r.remember(e.ep(), e.kind(), e.value(), e.frame());
            all.add(e);
            if (i % 97 == 0) {
                for (int q = 0; q < 50; q++) {
                    long ep = rnd.nextInt(5);
                    int kind = 1 + rnd.nextInt(2);
                    long value = rnd.nextInt(3000);
                    assertThat(r.find(ep, kind, value)).as("after %d entries", i).isEqualTo(reference(all, ep, kind, value));
                }
            }
        }
    }

    private static long reference(List<Entry> all, long ep, int kind, long value) {
        for (int i = all.size() - 1; i >= Math.max(0, all.size() - TlsResumption.CAPACITY); i--) {
            Entry e = all.get(i);
            if (e.ep() == ep && e.kind() == kind && e.value() == value) {
                return e.frame();
            }
        }
        return 0;
    }
}
