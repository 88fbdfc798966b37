package org.dissect4j.tcp;

/**
 * The bounds on bytes buffered for reassembly: per stream direction and in total for one dissector
 * (one engine). Buffers count with their capacity, so the bound holds for memory actually held.
 */
final class ReassemblyBudget {
    final long maxTotal;
    final int maxStream;
    long used;

    ReassemblyBudget(long maxTotal, int maxStream) {
        this.maxTotal = maxTotal;
        this.maxStream = maxStream;
    }

    boolean take(long bytes) {
        if (used + bytes > maxTotal) {
            return false;
        }
        used += bytes;
        return true;
    }

    void give(long bytes) {
        used -= bytes;
    }
}
