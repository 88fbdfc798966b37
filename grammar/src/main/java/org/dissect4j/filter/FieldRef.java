package org.dissect4j.filter;

import org.dissect4j.api.Tree;

/**
 * The occurrences a field reference reads: every registration of one name ({@code ids}), optionally
 * only those in some instances of their protocol ({@code tls.handshake.type#2}, {@code ip.addr#[-1]}).
 *
 * <p>A node's layer is found by walking up its parents to the nearest node of one of the
 * protocols in {@code protocolIds}; when that chain is broken (intermediate nodes nobody
 * wanted are not recorded) the nearest earlier protocol node in dissection order stands in.
 * Its layer is its position among that protocol's occurrences, counting from 1. Ranges follow
 * 4.0's {@code drange_contains_layer}: {@code [i:n]} is layers i..i+n-1, {@code [i-j]} i..j,
 * {@code [i:]} i and above, and a negative start counts back from the highest layer the field
 * occurs in ({@code #[-1]} is that layer).
 */
final class FieldRef {
    final int[] ids;
    private final int[] protocolIds;
    private final int[] rangeKind;
    private final int[] rangeStart;
    private final int[] rangeSecond;
    private final boolean needsLength;

    static final int OFFSET_LENGTH = 0, OFFSET_END = 1, TO_END = 2;

    FieldRef(int[] ids, int[] protocolIds, int[] rangeKind, int[] rangeStart, int[] rangeSecond) {
        boolean negative = false;
        if (rangeStart != null) {
            for (int s : rangeStart) {
                negative |= s < 0;
            }
        }
        this.needsLength = negative;
        this.ids = ids;
        this.protocolIds = protocolIds;
        this.rangeKind = rangeKind;
        this.rangeStart = rangeStart;
        this.rangeSecond = rangeSecond;
    }

    FieldRef(int[] ids) {
        this(ids, null, null, null, null);
    }

    boolean layered() {
        return protocolIds != null;
    }

    /** Whether {@code node} (an occurrence of one of {@link #ids}) passes the layer restriction. */
    boolean accepts(Tree t, int node) {
        if (protocolIds == null) {
            return true;
        }
        int layer = layerOf(t, node);
        if (layer <= 0) {
            return false;
        }
        // 4.0 (dfvm filter_finfo_fvalues): negative offsets count back from the highest layer in
        // which this field occurs, not from the number of protocol layers in the frame.
        int length = needsLength ? highestLayer(t) : 0;
        for (int r = 0; r < rangeKind.length; r++) {
            int lower = rangeStart[r] < 0 ? rangeStart[r] + length + 1 : rangeStart[r];
            long upper = switch (rangeKind[r]) {
                case OFFSET_LENGTH -> (long) lower + rangeSecond[r] - 1;
                case OFFSET_END -> rangeSecond[r];
                default -> Integer.MAX_VALUE;
            };
            if (layer >= lower && layer <= upper) {
                return true;
            }
        }
        return false;
    }

    private int highestLayer(Tree t) {
        int max = 0;
        for (int id : ids) {
            for (int n = t.first(id); n >= 0; n = t.next(n)) {
                max = Math.max(max, layerOf(t, n));
            }
        }
        return max;
    }

    /** The layer (from 1) of the protocol instance {@code node} belongs to, 0 if none. */
    private int layerOf(Tree t, int node) {
        int protoNode = -1;
        int protoId = -1;
        for (int p = node; p >= 0; p = t.parent(p)) {
            int f = t.fieldId(p);
            if (isProtocol(f)) {
                protoNode = p;
                protoId = f;
                break;
            }
        }
        if (protoNode < 0) {
            for (int pid : protocolIds) {
                for (int q = t.first(pid); q >= 0 && q <= node; q = t.next(q)) {
                    if (q > protoNode) {
                        protoNode = q;
                        protoId = pid;
                    }
                }
            }
            if (protoNode < 0) {
                return 0;
            }
        }
        int count = 0;
        for (int q = t.first(protoId); q >= 0; q = t.next(q)) {
            count++;
            if (q == protoNode) {
                return count;
            }
        }
        return 0;
    }

    private boolean isProtocol(int fieldId) {
        for (int p : protocolIds) {
            if (p == fieldId) {
                return true;
            }
        }
        return false;
    }

    /** Whether the field occurs (in the wanted layers). */
    boolean exists(Tree t) {
        for (int id : ids) {
            for (int n = t.first(id); n >= 0; n = t.next(n)) {
                if (accepts(t, n)) {
                    return true;
                }
            }
        }
        return false;
    }
}
