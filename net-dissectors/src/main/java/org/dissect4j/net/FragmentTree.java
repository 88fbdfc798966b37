package org.dissect4j.net;

import org.dissect4j.api.Field;
import org.dissect4j.api.Tree;

/**
 * Records the reassembly items Wireshark shows on the frame that completed a datagram
 * ({@code [2 IPv4 Fragments (108 bytes): #7(64), #8(44)]}) and on fragments of a datagram
 * completed elsewhere ({@code Reassembled IPv4 in frame: 8}), for either IP version.
 */
final class FragmentTree {
    private final Field fragments;
    private final Field fragment;
    private final Field overlap;
    private final Field overlapConflict;
    private final Field multipleTails;
    private final Field tooLong;
    private final Field count;
    private final Field reassembledIn;
    private final Field reassembledLength;
    private final Field reassembledData;

    FragmentTree(Field fragments, Field fragment, Field overlap, Field overlapConflict, Field multipleTails,
                 Field tooLong, Field count, Field reassembledIn, Field reassembledLength, Field reassembledData) {
        this.fragments = fragments;
        this.fragment = fragment;
        this.overlap = overlap;
        this.overlapConflict = overlapConflict;
        this.multipleTails = multipleTails;
        this.tooLong = tooLong;
        this.count = count;
        this.reassembledIn = reassembledIn;
        this.reassembledLength = reassembledLength;
        this.reassembledData = reassembledData;
    }

    /**
     * The fragment list of a complete datagram; {@code source} is the tree source holding the
     * reassembled bytes. The current source of the tree is restored afterwards.
     */
    void complete(Tree t, FragmentReassembler.Datagram d, int source) {
        int saved = t.currentSource();
        t.useSource(source);
        try {
            int len = d.length();
            t.setFlags(t.open(fragments, 0, len), Tree.GENERATED);
            for (int i = 0, n = d.count(); i < n; i++) {
                // a fragment too long for the datagram keeps its own length, as tshark lists it
                t.setFlags(t.addLong(fragment, d.offset(i), d.fragmentLength(i), d.frame(i)), Tree.GENERATED);
            }
            if (d.overlap) {
                t.addGenerated(overlap, 1);
            }
            if (d.conflict) {
                t.addGenerated(overlapConflict, 1);
            }
            if (d.multipleTails) {
                t.addGenerated(multipleTails, 1);
            }
            if (d.tooLong) {
                t.addGenerated(tooLong, 1);
            }
            t.addGenerated(count, d.count());
            t.addGenerated(reassembledLength, len);
            t.setFlags(t.add(reassembledData, 0, len), Tree.GENERATED);
            t.close();
        } finally {
            t.useSource(saved);
        }
    }

    /** {@code Reassembled in frame N} on a fragment of a datagram completed in another frame. */
    void elsewhere(Tree t, FragmentReassembler.Datagram d) {
        t.addGenerated(reassembledIn, d.reassembledIn());
    }
}
