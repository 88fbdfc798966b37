package org.dissect4j.cli;

import java.util.Arrays;
import org.dissect4j.api.Tree;

/**
 * The recorded nodes of a packet as a proper tree (children in the order they were added), for
 * outputs that print structure ({@code -V}, JSON). Builds child lists per packet: an output cost,
 * not a parse-path one.
 */
final class TreeWalk {
    private int[] firstChild = new int[256];
    private int[] nextSibling = new int[256];
    private int[] lastChild = new int[256];
    private int rootFirst;
    private int rootLast;

    void build(Tree t) {
        int n = t.size();
        if (firstChild.length < n) {
            firstChild = new int[n * 2];
            nextSibling = new int[n * 2];
            lastChild = new int[n * 2];
        }
        Arrays.fill(firstChild, 0, n, -1);
        Arrays.fill(nextSibling, 0, n, -1);
        Arrays.fill(lastChild, 0, n, -1);
        rootFirst = -1;
        rootLast = -1;
        for (int i = 0; i < n; i++) {
            int p = t.parent(i);
            if (p < 0 || p >= i) {
                if (rootLast < 0) {
                    rootFirst = i;
                } else {
                    nextSibling[rootLast] = i;
                }
                rootLast = i;
            } else {
                if (lastChild[p] < 0) {
                    firstChild[p] = i;
                } else {
                    nextSibling[lastChild[p]] = i;
                }
                lastChild[p] = i;
            }
        }
    }

    int roots() {
        return rootFirst;
    }

    int firstChild(int node) {
        return firstChild[node];
    }

    int nextSibling(int node) {
        return nextSibling[node];
    }
}
