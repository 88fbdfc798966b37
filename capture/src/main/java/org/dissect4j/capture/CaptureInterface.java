package org.dissect4j.capture;

/**
 * One capture interface of a capture: the single implicit interface of a pcap file, a pcapng
 * Interface Description Block, or the device of a live capture.
 *
 * <p>{@code id} is the value frames carry in {@link org.dissect4j.api.Frame#interfaceId()}. In a
 * pcapng file with several sections, interface numbers restart in every section on the wire;
 * readers renumber them file-wide in order of appearance (as Wireshark does), so {@code id} is
 * also the interface's index in {@link CaptureReader#interfaces()}.
 *
 * @param id                         file-wide interface number (0-based)
 * @param linkType                   {@code LINKTYPE_*} value (see {@link org.dissect4j.api.LinkType}), FCS bits masked off
 * @param snaplen                    snapshot length in bytes; 0 means "not set"
 * @param name                       pcapng {@code if_name} or the live device name, or {@code null}
 * @param description                pcapng {@code if_description} or the device description, or {@code null}
 * @param tsResolutionUnitsPerSecond timestamp units per second in the file: 1,000,000 for
 *                                   microsecond pcap and the pcapng default, 1,000,000,000 for
 *                                   nanosecond pcap or {@code if_tsresol=9}, 2^n for a binary
 *                                   {@code if_tsresol}. Frames always carry nanoseconds.
 */
public record CaptureInterface(int id, int linkType, int snaplen, String name, String description,
                               long tsResolutionUnitsPerSecond) {
    /** Microsecond resolution: classic pcap and the pcapng default. */
    public static final long MICROSECONDS = 1_000_000L;
    /** Nanosecond resolution: nanosecond pcap, {@code if_tsresol=9}, what the writers use. */
    public static final long NANOSECONDS = 1_000_000_000L;
}
