package org.dissect4j.filter;

import org.dissect4j.api.Tree;

/** A compiled test: true or false for the packet in {@code tree}. Evaluation allocates nothing. */
abstract class Node {
    abstract boolean eval(Tree t);
}
