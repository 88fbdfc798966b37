package org.dissect4j.api;

import java.util.Arrays;

/**
 * One protocol's header-only shortcut: the fields its dissector records from the header alone
 * (declared with {@link Registrar#headerFields}), and what the current wanted set needs beyond
 * them, worked out once per wanted set. {@link Packet#wantsOnlyHeader()} asks it on every packet.
 */
final class HeaderOnly {
    private final int protocolId;
    private boolean[] own = new boolean[0];
    /** The wanted set the answer below was worked out for ({@link Tree#wantedOwners()}). */
    private int[][] wanted;
    /** The distinct protocols owning wanted fields outside {@link #own}. */
    private int[] beyond = new int[0];
    /** Whether a wanted field outside {@link #own} has no owner, needs the whole packet, or is the protocol's own. */
    private boolean uncovered;

    HeaderOnly(int protocolId) {
        this.protocolId = protocolId;
    }

    void declare(Field f) {
        if (f.id() >= own.length) {
            own = Arrays.copyOf(own, f.id() + 1);
        }
        own[f.id()] = true;
    }

    /**
     * Whether nothing wanted lies beyond the header: every wanted field is a declared header field
     * or belongs to a protocol already in the packet's chain ({@code protocols[0..count)}).
     */
    boolean nothingBeyond(int[][] wantedOwners, int[] protocols, int count) {
        if (wantedOwners != wanted) {
            workOut(wantedOwners);
        }
        if (uncovered) {
            return false;
        }
        next:
        for (int owner : beyond) {
            for (int k = 0; k < count; k++) {
                if (protocols[k] == owner) {
                    continue next;
                }
            }
            return false;
        }
        return true;
    }

    private void workOut(int[][] wantedOwners) {
        int[] ids = wantedOwners[0];
        int[] owners = wantedOwners[1];
        int[] distinct = new int[ids.length];
        int n = 0;
        boolean out = false;
        for (int i = 0; i < ids.length && !out; i++) {
            int id = ids[i];
            if (id < own.length && own[id]) {
                continue;
            }
            int owner = owners[i];
            // no owner, the whole packet, or this protocol's own state (tcp.stream): the full path is needed
            out = owner < 0 || owner == protocolId;
            boolean seen = false;
            for (int k = 0; k < n && !seen; k++) {
                seen = distinct[k] == owner;
            }
            if (!seen && !out) {
                distinct[n++] = owner;
            }
        }
        beyond = Arrays.copyOf(distinct, n);
        uncovered = out;
        wanted = wantedOwners;
    }
}
