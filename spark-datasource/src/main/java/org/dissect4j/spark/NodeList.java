package org.dissect4j.spark;

import java.util.Arrays;
import org.dissect4j.api.Field;
import org.dissect4j.api.TreeView;

/** The nodes of a column's fields in one packet, in tree order (several fields may share a name), reused per row. */
final class NodeList {
    int size;
    private int[] nodes = new int[16];

    /** Collects every occurrence, or only the first one in tree order when {@code all} is false. */
    void collect(TreeView t, Field[] fields, boolean all) {
        size = 0;
        for (Field f : fields) {
            for (int n = t.first(f); n >= 0; n = t.next(n)) {
                if (size == nodes.length) {
                    nodes = Arrays.copyOf(nodes, size * 2);
                }
                nodes[size++] = n;
                if (!all) {
                    break;  // the first of this field; with one field that is the column's value
                }
            }
        }
        if (fields.length > 1) {
            Arrays.sort(nodes, 0, size);
        }
        if (!all && size > 1) {
            size = 1;
        }
    }

    int at(int i) {
        return nodes[i];
    }
}
