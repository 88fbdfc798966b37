package org.dissect4j.cli;

import java.util.Arrays;
import java.util.BitSet;
import org.dissect4j.api.Tree;

/**
 * The cut lengths of {@link TruncatedCapturesTest}'s boundary sweep, which stands for cutting every frame at every
 * length. Cutting a frame to {@code L} captured bytes changes what a dissector does only where a read or an item
 * crosses {@code L}: every read is a checked read ({@code Packet.require}) that either succeeds with the same bytes
 * as in the uncut frame or throws {@code TRUNCATED}, and every item is clipped to the captured bytes. The tree of the
 * uncut frame records where its items start and end; between two consecutive such boundaries, every cut captures
 * the same set of whole items and cuts the same item. So the lengths cut are every boundary {@code b} of the uncut
 * frame's items (offset and end, data source 0) with {@code b - 1} and {@code b + 1}, and 0: each boundary, and
 * each stretch between two boundaries from both of its ends.
 *
 * <p>What the tree does not show: a read that adds no item (a heuristic peeking at bytes, a length read before
 * its item is added) and a test of {@code Packet.captured(offset)} against a constant. Such a threshold lies
 * inside an item's stretch, so the sweep only meets it where it falls next to a boundary; the sampled passes of
 * the same test and the fuzz targets (inputs cut anywhere) are what meet it elsewhere (docs/robustness.md).
 */
final class Boundaries {
    private Boundaries() {
    }

    /** The sorted cut lengths of a frame of {@code captured} bytes whose uncut tree is {@code t}. */
    static int[] cuts(Tree t, int captured) {
        BitSet lengths = new BitSet(captured);
        mark(lengths, 0, captured);
        for (int n = 0; n < t.size(); n++) {
            if (t.source(n) == 0) {
                mark(lengths, t.offset(n), captured);
                mark(lengths, t.offset(n) + t.length(n), captured);
            }
        }
        mark(lengths, captured, captured);
        return lengths.stream().toArray();
    }

    private static void mark(BitSet lengths, int boundary, int captured) {
        for (int b = boundary - 1; b <= boundary + 1; b++) {
            if (b >= 0 && b < captured) {
                lengths.set(b);
            }
        }
    }

    /** Passes needed: the most cuts of any frame. */
    static int passes(int[][] cuts) {
        return Arrays.stream(cuts).mapToInt(c -> c.length).max().orElse(0);
    }

    /** The index of the last frame that has a cut in pass {@code k}, -1 when none has. */
    static int lastCut(int[][] cuts, int k) {
        for (int i = cuts.length - 1; i >= 0; i--) {
            if (k < cuts[i].length) {
                return i;
            }
        }
        return -1;
    }

    /** Cuts in all. */
    static long total(int[][] cuts) {
        return Arrays.stream(cuts).mapToLong(c -> c.length).sum();
    }

    /** The captured length of every frame in pass {@code k}: its k-th cut, or uncut when it has fewer. */
    static int[] pass(int[][] cuts, int[] captured, int k) {
        int[] cut = new int[cuts.length];
        for (int i = 0; i < cut.length; i++) {
            cut[i] = k < cuts[i].length ? cuts[i][k] : captured[i];
        }
        return cut;
    }
}
