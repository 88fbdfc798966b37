package org.dissect4j.capture;

/**
 * pcapng block types and the generic block layout (draft-ietf-opsawg-pcapng). Block types are
 * open wire codes: unknown ones are skipped by length.
 *
 * <pre>
 *  0                   1                   2                   3
 *  +---------------------------------------------------------------+
 *  |                          Block Type                           |  TYPE_OFFSET
 *  |                      Block Total Length                       |  LENGTH_OFFSET
 *  /                          Block Body                           /  BODY_OFFSET
 *  |                      Block Total Length                       |  length - TRAILER_LENGTH
 *  +---------------------------------------------------------------+
 * </pre>
 * The total length counts the whole block and is a multiple of 4. Options follow the fixed part
 * of a body: {@code code:u16, length:u16, value} padded to 4 bytes, ended by code 0.
 */
final class PcapngBlock {
    static final int SHB = 0x0A0D0D0A;
    static final int IDB = 0x00000001;
    static final int PB = 0x00000002;
    static final int SPB = 0x00000003;
    static final int NRB = 0x00000004;
    static final int ISB = 0x00000005;
    static final int EPB = 0x00000006;
    static final int SJE = 0x00000009;
    static final int DSB = 0x0000000A;
    static final int CB_COPY = 0x00000BAD;
    static final int CB_NO_COPY = 0x40000BAD;

    static final int TYPE_OFFSET = 0;
    static final int LENGTH_OFFSET = TYPE_OFFSET + 4;
    static final int BODY_OFFSET = LENGTH_OFFSET + 4;
    static final int TRAILER_LENGTH = 4;
    static final int MIN_LENGTH = BODY_OFFSET + TRAILER_LENGTH;

    /** Section Header Block: byte-order magic, version, section length, options. */
    static final int SHB_BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int SHB_MAGIC_OFFSET = BODY_OFFSET;
    static final int SHB_MAJOR_OFFSET = SHB_MAGIC_OFFSET + 4;
    static final int SHB_MINOR_OFFSET = SHB_MAJOR_OFFSET + 2;
    static final int SHB_SECTION_LENGTH_OFFSET = SHB_MINOR_OFFSET + 2;
    static final int SHB_OPTIONS_OFFSET = SHB_SECTION_LENGTH_OFFSET + 8;
    static final int SHB_MIN_LENGTH = SHB_OPTIONS_OFFSET + TRAILER_LENGTH;

    /** Interface Description Block: link type, reserved, snaplen, options. */
    static final int IDB_LINKTYPE_OFFSET = BODY_OFFSET;
    static final int IDB_RESERVED_OFFSET = IDB_LINKTYPE_OFFSET + 2;
    static final int IDB_SNAPLEN_OFFSET = IDB_RESERVED_OFFSET + 2;
    static final int IDB_OPTIONS_OFFSET = IDB_SNAPLEN_OFFSET + 4;
    static final int IDB_MIN_LENGTH = IDB_OPTIONS_OFFSET + TRAILER_LENGTH;

    /** Enhanced Packet Block (and, with a 16-bit interface id and drop count, the obsolete Packet Block). */
    static final int EPB_INTERFACE_OFFSET = BODY_OFFSET;
    static final int PB_DROPS_OFFSET = EPB_INTERFACE_OFFSET + 2;
    static final int EPB_TS_HIGH_OFFSET = EPB_INTERFACE_OFFSET + 4;
    static final int EPB_TS_LOW_OFFSET = EPB_TS_HIGH_OFFSET + 4;
    static final int EPB_CAPLEN_OFFSET = EPB_TS_LOW_OFFSET + 4;
    static final int EPB_ORIGLEN_OFFSET = EPB_CAPLEN_OFFSET + 4;
    static final int EPB_DATA_OFFSET = EPB_ORIGLEN_OFFSET + 4;
    static final int EPB_MIN_LENGTH = EPB_DATA_OFFSET + TRAILER_LENGTH;

    /** Simple Packet Block: original length, data; interface 0 of the section, no timestamp. */
    static final int SPB_ORIGLEN_OFFSET = BODY_OFFSET;
    static final int SPB_DATA_OFFSET = SPB_ORIGLEN_OFFSET + 4;
    static final int SPB_MIN_LENGTH = SPB_DATA_OFFSET + TRAILER_LENGTH;

    /** Decryption Secrets Block: secrets type, secrets length, data, options. */
    static final int DSB_TYPE_OFFSET = BODY_OFFSET;
    static final int DSB_LENGTH_OFFSET = DSB_TYPE_OFFSET + 4;
    static final int DSB_DATA_OFFSET = DSB_LENGTH_OFFSET + 4;
    static final int DSB_MIN_LENGTH = DSB_DATA_OFFSET + TRAILER_LENGTH;

    // option codes
    static final int OPT_ENDOFOPT = 0;
    static final int OPT_COMMENT = 1;
    static final int OPT_SHB_USERAPPL = 4;
    static final int OPT_IF_NAME = 2;
    static final int OPT_IF_DESCRIPTION = 3;
    static final int OPT_IF_HARDWARE = 15;
    static final int OPT_IF_TSRESOL = 9;
    static final int OPT_IF_TSOFFSET = 14;
    static final int OPTION_HEADER_LENGTH = 4;

    /** Bit 7 of {@code if_tsresol}: the rest is a power of two, not of ten. */
    static final int TSRESOL_BINARY_MASK = 0x80;

    private PcapngBlock() {
    }

    /** Bytes of padding after {@code length} bytes to reach a multiple of 4. */
    static long pad4(long length) {
        return (length + 3) & ~3L;
    }

    /** The block's name for messages, e.g. {@code Enhanced Packet Block}. */
    static String blockName(int type) {
        return switch (type) {
            case SHB -> "Section Header Block";
            case IDB -> "Interface Description Block";
            case PB -> "Packet Block";
            case SPB -> "Simple Packet Block";
            case NRB -> "Name Resolution Block";
            case ISB -> "Interface Statistics Block";
            case EPB -> "Enhanced Packet Block";
            case SJE -> "systemd Journal Export Block";
            case DSB -> "Decryption Secrets Block";
            case CB_COPY, CB_NO_COPY -> "Custom Block";
            default -> String.format("block of type 0x%08x", type);
        };
    }
}
