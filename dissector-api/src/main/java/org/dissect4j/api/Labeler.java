package org.dissect4j.api;

/**
 * Composes the text of a protocol's tree line from the fields recorded under it
 * ({@code Internet Protocol Version 4, Src: 10.0.0.1, Dst: 10.0.0.2}). Called by outputs only,
 * so dissectors never format strings on the parse path.
 */
@FunctionalInterface
public interface Labeler {
    /**
     * Appends the label of {@code node} (a node of the protocol's field) to {@code out}.
     *
     * @param tree the packet's tree
     * @param node the node being labelled
     * @param out where to append
     */
    void label(TreeView tree, int node, StringBuilder out);

    /**
     * The first node under {@code node} (a child or deeper) whose field is {@code f}, or -1 (for
     * labelers). It returns the node, not its value: read the value with {@link Tree#value(int)}.
     *
     * @param tree the packet's tree
     * @param node the ancestor
     * @param f the field to look for
     * @return the node, or -1 when none was recorded under {@code node}
     */
    static int child(TreeView tree, int node, Field f) {
        for (int n = tree.first(f); n >= 0; n = tree.next(n)) {
            int p = tree.parent(n);
            while (p >= 0 && p != node) {
                p = tree.parent(p);
            }
            if (p == node) {
                return n;
            }
        }
        return -1;
    }

    /**
     * The first node of field {@code f} after {@code node} with the same parent (a checksum's status
     * item beside the checksum), or -1.
     *
     * @param tree the packet's tree
     * @param node the node being labelled
     * @param f the sibling's field
     * @return the sibling node, or -1
     */
    static int sibling(TreeView tree, int node, Field f) {
        int parent = tree.parent(node);
        for (int n = tree.first(f); n >= 0; n = tree.next(n)) {
            if (n > node && tree.parent(n) == parent) {
                return n;
            }
        }
        return -1;
    }

    /**
     * Wireshark's fragment list line ({@code show_fragment_tree}): {@code 3 IPv4 Fragments (164 bytes): #1(18), #3(304),
     * #2(116)} for a node whose children of field {@code part} each hold a fragment's frame number as value and its
     * place in the reassembled data as offset and length.
     *
     * @param tree the packet's tree
     * @param node the fragment list node
     * @param part the field of its fragments
     * @param noun what follows the count, e.g. {@code " IPv4 Fragments ("}
     * @param out where to append
     */
    static void fragmentList(TreeView tree, int node, Field part, String noun, StringBuilder out) {
        int start = out.length();
        int count = 0;
        for (int c = node + 1; c < tree.size(); c++) {
            if (tree.parent(c) == node && tree.field(c) == part) {
                out.append(count == 0 ? ": " : ", ").append('#').append(tree.value(c)).append('(').append(tree.length(c)).append(')');
                count++;
            }
        }
        out.insert(start, " bytes)").insert(start, tree.length(node)).insert(start, noun).insert(start, count);
    }

    /**
     * A fragment's line under {@link #fragmentList}: {@code Frame: 9, payload: 0-2 (3 bytes)}.
     *
     * @param tree the packet's tree
     * @param node the fragment node
     * @param out where to append
     */
    static void fragmentPart(TreeView tree, int node, StringBuilder out) {
        int off = tree.offset(node);
        int len = tree.length(node);
        out.append("Frame: ").append(tree.value(node)).append(", payload: ").append(off).append('-').append(off + len - 1)
                .append(" (").append(len).append(len == 1 ? " byte)" : " bytes)");
    }
}
