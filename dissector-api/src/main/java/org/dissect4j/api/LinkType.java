package org.dissect4j.api;

/**
 * pcap/pcapng link types ({@code LINKTYPE_*} from tcpdump.org) that dissect4j knows by name, and
 * Wireshark's encapsulation names and numbers for them (shown as {@code frame.encap_type}).
 * Unknown link types stay representable: they are plain ints.
 */
public final class LinkType {
    /** BSD loopback: a 4-byte address family in host byte order ({@code LINKTYPE_NULL}). */
    public static final int NULL = 0;
    /** Ethernet ({@code LINKTYPE_ETHERNET}, pcap name {@code EN10MB}). */
    public static final int ETHERNET = 1;
    /** Raw IPv4 or IPv6, told apart by the version nibble ({@code LINKTYPE_RAW}). */
    public static final int RAW = 101;
    /** OpenBSD loopback: a 4-byte address family in network byte order ({@code LINKTYPE_LOOP}). */
    public static final int LOOP = 108;
    /** Linux cooked capture v1 ({@code LINKTYPE_LINUX_SLL}). */
    public static final int LINUX_SLL = 113;
    /** Raw IPv4 ({@code LINKTYPE_IPV4}). */
    public static final int IPV4 = 228;
    /** Raw IPv6 ({@code LINKTYPE_IPV6}). */
    public static final int IPV6 = 229;
    /** Linux cooked capture v2 ({@code LINKTYPE_LINUX_SLL2}). */
    public static final int LINUX_SLL2 = 276;

    private LinkType() {
    }

    /**
     * The pcap name ({@code EN10MB}...), or {@code LINKTYPE_n}.
     *
     * @param linkType a {@code LINKTYPE_*} number
     * @return the name
     */
    public static String name(int linkType) {
        return switch (linkType) {
            case NULL -> "NULL";
            case ETHERNET -> "EN10MB";
            case RAW -> "RAW";
            case LOOP -> "LOOP";
            case LINUX_SLL -> "LINUX_SLL";
            case IPV4 -> "IPV4";
            case IPV6 -> "IPV6";
            case LINUX_SLL2 -> "LINUX_SLL2";
            default -> "LINKTYPE_" + linkType;
        };
    }

    /**
     * Wireshark's encapsulation number ({@code WTAP_ENCAP_*}) shown as {@code frame.encap_type}.
     *
     * @param linkType a {@code LINKTYPE_*} number
     * @return the number, 0 ({@code WTAP_ENCAP_UNKNOWN}) for link types not listed here
     */
    public static int wiresharkEncap(int linkType) {
        return switch (linkType) {
            case NULL -> 15;
            case LOOP -> 174;
            case ETHERNET -> 1;
            case RAW -> 7;
            case IPV4 -> 129;
            case IPV6 -> 130;
            case LINUX_SLL -> 25;
            case LINUX_SLL2 -> 210;
            default -> 0;
        };
    }

    /**
     * Wireshark's description of the encapsulation, e.g. {@code Ethernet}.
     *
     * @param linkType a {@code LINKTYPE_*} number
     * @return the description, {@code Unknown} for link types not listed here
     */
    public static String description(int linkType) {
        return switch (linkType) {
            case NULL, LOOP -> "NULL/Loopback";
            case ETHERNET -> "Ethernet";
            case RAW, IPV4, IPV6 -> "Raw IP";
            case LINUX_SLL -> "Linux cooked-mode capture v1";
            case LINUX_SLL2 -> "Linux cooked-mode capture v2";
            default -> "Unknown";
        };
    }
}
