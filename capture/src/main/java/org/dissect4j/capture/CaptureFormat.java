package org.dissect4j.capture;

/**
 * The container format of a capture file, as detected from its first bytes (never from its
 * name). Compression is not a format: a gzip-compressed pcapng file reports {@link #PCAPNG}.
 */
public enum CaptureFormat {
    /** Classic libpcap format: one 24-byte file header, then 16-byte record headers and data. */
    PCAP,
    /** pcap Next Generation: a sequence of typed blocks in one or more sections. */
    PCAPNG
}
