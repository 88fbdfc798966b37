package org.dissect4j.api;

/**
 * pcap/pcapng link types ({@code LINKTYPE_*} from tcpdump.org) that dissect4j knows by name, and
 * Wireshark's encapsulation names and numbers for them (shown as {@code frame.encap_type}).
 * Unknown link types stay representable: they are plain ints.
 */
public final class LinkType {
    public static final int NULL = 0;
    public static final int ETHERNET = 1;
    public static final int RAW = 101;
    public static final int LOOP = 108;
    public static final int LINUX_SLL = 113;
    public static final int IPV4 = 228;
    public static final int IPV6 = 229;
    public static final int LINUX_SLL2 = 276;

    private LinkType() {
    }

    /** The pcap name ({@code EN10MB}...), or {@code LINKTYPE_n}. */
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

    /** Wireshark's encapsulation number ({@code WTAP_ENCAP_*}) shown as {@code frame.encap_type}. */
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

    /** Wireshark's description of the encapsulation, e.g. {@code Ethernet}. */
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
