package org.dissect4j.capture;

/** Bounds that keep hostile files from costing memory: no length field is trusted beyond these. */
final class Limits {
    /**
     * Largest record (pcap captured length, pcapng block) accepted: 256 MiB, Wireshark's largest
     * packet size. A larger declared length is reported as corrupt, without allocating anything.
     */
    static final long MAX_RECORD_LENGTH = 256L << 20;
    /** Most interfaces a pcapng file may define (all sections together). */
    static final int MAX_INTERFACES = 1 << 16;
    /** Most bytes of decryption secrets kept from one file. */
    static final long MAX_SECRETS_BYTES = 64L << 20;

    private Limits() {
    }
}
