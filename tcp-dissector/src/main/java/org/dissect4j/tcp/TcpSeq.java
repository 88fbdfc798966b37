package org.dissect4j.tcp;

/**
 * Sequence-number arithmetic modulo 2^32 (RFC 793 §3.3, Wireshark's {@code LT_SEQ} family): numbers are
 * Java ints holding the unsigned 32-bit value, and {@code a} is "before" {@code b} when the signed
 * difference {@code a - b} is negative, which stays right across the wrap at 2^32.
 */
final class TcpSeq {
    private TcpSeq() {
    }

    static boolean lt(int a, int b) {
        return a - b < 0;
    }

    static boolean le(int a, int b) {
        return a - b <= 0;
    }

    static boolean gt(int a, int b) {
        return b - a < 0;
    }

    static boolean ge(int a, int b) {
        return b - a <= 0;
    }

    static long unsigned(int v) {
        return v & 0xffff_ffffL;
    }
}
