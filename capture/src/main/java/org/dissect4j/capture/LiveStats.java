package org.dissect4j.capture;

/**
 * Counters of a live capture from {@code pcap_stats} (their exact meaning varies by platform; on
 * Linux they count since the capture was opened).
 *
 * @param received  packets that passed the filter ({@code ps_recv})
 * @param dropped   packets dropped because the buffer was full ({@code ps_drop})
 * @param ifDropped packets dropped by the interface or driver ({@code ps_ifdrop})
 */
public record LiveStats(long received, long dropped, long ifDropped) {
}
