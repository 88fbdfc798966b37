package org.dissect4j.net;

/**
 * IPv4 header layout, RFC 791 §3.1: offsets derived from each other.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |    DS / ECN   |          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options (IHL > 5)                          |
 * </pre>
 */
final class Ipv4Header {
    static final int VERSION_IHL_OFFSET = 0;
    static final int DSFIELD_OFFSET = VERSION_IHL_OFFSET + 1;
    static final int TOTAL_LENGTH_OFFSET = DSFIELD_OFFSET + 1;
    static final int ID_OFFSET = TOTAL_LENGTH_OFFSET + 2;
    static final int FLAGS_OFFSET = ID_OFFSET + 2;
    static final int TTL_OFFSET = FLAGS_OFFSET + 2;
    static final int PROTOCOL_OFFSET = TTL_OFFSET + 1;
    static final int CHECKSUM_OFFSET = PROTOCOL_OFFSET + 1;
    static final int SRC_OFFSET = CHECKSUM_OFFSET + 2;
    static final int DST_OFFSET = SRC_OFFSET + 4;
    static final int MIN_LENGTH = DST_OFFSET + 4;

    static final int FLAG_MF = 0x2000;
    static final int FRAGMENT_OFFSET_MASK = 0x1FFF;

    private Ipv4Header() {
    }
}
