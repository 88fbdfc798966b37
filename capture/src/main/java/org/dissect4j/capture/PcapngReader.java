package org.dissect4j.capture;

import static org.dissect4j.capture.PcapngBlock.*;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.dissect4j.api.Bytes;
import org.dissect4j.api.Frame;

/**
 * Reads pcapng files: any number of sections, each in its own byte order; interfaces with their
 * own link type, snaplen and timestamp resolution ({@code if_tsresol}, decimal or binary) and
 * offset ({@code if_tsoffset}); packets from Enhanced, Simple and obsolete Packet Blocks (with
 * {@code opt_comment}); decryption secrets from DSBs. Name resolution, interface statistics,
 * journal, custom and unknown blocks are validated for framing and skipped. See
 * {@link PcapngBlock} for the layouts.
 *
 * <p>Interfaces are numbered file-wide in order of appearance (a section's interface 0 is the
 * file-wide id {@code sectionFirstInterface}), as Wireshark does. Every block's length, its
 * trailing copy and every inner length are checked against the block before use; a violation
 * ends reading with a {@link CaptureException} after all earlier packets were delivered.
 */
final class PcapngReader extends AbstractReader {
    private static final ValueLayout.OfInt LE32 = Bytes.LE32;
    private static final ValueLayout.OfShort LE16 = Bytes.LE16;
    private static final ValueLayout.OfLong LE64 = Bytes.LE64;

    /** Byte order of the current section. */
    private boolean bigEndian;
    private boolean inSection;
    private int sectionFirstInterface;
    private int sectionInterfaces;
    private Interface[] ifs = new Interface[4];
    private long secretsBytes;
    /** The constructor read the first packet already; {@link #advance()} hands it out first. */
    private boolean primed;

    // option cursor (fields so that walking options allocates nothing)
    private long optAt;
    private int optCode;
    private int optLength;
    private long optValue;

    PcapngReader(String name, Input input) throws CaptureException {
        super(name, input);
        // read the blocks before the first packet: interfaces and secrets are known after open
        if (readNext() != null) {
            primed = true;
        } else {
            ended = true;
        }
    }

    @Override
    public CaptureFormat format() {
        return CaptureFormat.PCAPNG;
    }

    @Override
    Frame advance() throws CaptureException {
        if (primed) {
            primed = false;
            return frame;
        }
        return readNext();
    }

    private Frame readNext() throws CaptureException {
        final Input in = input;
        for (;;) {
            final long at = pos;
            in.release(at);
            long got = in.fill(at, MIN_LENGTH);
            if (got < MIN_LENGTH) {
                if (got == 0) {
                    checkCleanEnd(at);
                    return null;
                }
                throw truncated(at, "block header", MIN_LENGTH, got);
            }
            MemorySegment s = in.segment;
            long b = at - in.base;
            int type = s.get(LE32, b + TYPE_OFFSET);
            if (type == SHB) {
                // the SHB type reads the same in both orders; its byte-order magic sets the section's
                int magic = s.get(LE32, b + SHB_MAGIC_OFFSET);
                if (magic == SHB_BYTE_ORDER_MAGIC) {
                    bigEndian = false;
                } else if (magic == Integer.reverseBytes(SHB_BYTE_ORDER_MAGIC)) {
                    bigEndian = true;
                } else {
                    throw fault(at, "bad byte-order magic in the Section Header Block",
                            String.format("0x%08x", magic));
                }
            } else {
                if (!inSection) {
                    throw fault(at, "the file does not start with a Section Header Block",
                            String.format("block type 0x%08x", type));
                }
                if (bigEndian) {
                    type = Integer.reverseBytes(type);
                }
            }
            long length = u32(s, b + LENGTH_OFFSET);
            if (length < MIN_LENGTH) {
                throw fault(at, "block length " + length + " of the " + blockName(type) + " is less than " + MIN_LENGTH, null);
            }
            if ((length & 3) != 0) {
                throw fault(at, "block length " + length + " of the " + blockName(type) + " is not a multiple of 4", null);
            }
            if (length > Limits.MAX_RECORD_LENGTH) {
                throw fault(at, "implausible block length " + length + " of the " + blockName(type),
                        "the limit is " + Limits.MAX_RECORD_LENGTH + " bytes");
            }
            got = in.fill(at, length);
            if (got < length) {
                throw truncated(at, blockName(type), length, got);
            }
            s = in.segment;
            b = at - in.base;
            long trailer = u32(s, b + length - TRAILER_LENGTH);
            if (trailer != length) {
                throw fault(at, "the " + blockName(type) + " has different leading and trailing lengths",
                        "leading " + length + ", trailing " + trailer);
            }
            pos = at + length;
            switch (type) {
                case EPB -> {
                    if (length < EPB_MIN_LENGTH) {
                        throw tooShort(at, type, length, EPB_MIN_LENGTH);
                    }
                    return packet(s, b, at, length, u32(s, b + EPB_INTERFACE_OFFSET), type);
                }
                case PB -> {
                    if (length < EPB_MIN_LENGTH) {
                        throw tooShort(at, type, length, EPB_MIN_LENGTH);
                    }
                    return packet(s, b, at, length, u16(s, b + EPB_INTERFACE_OFFSET), type);
                }
                case SPB -> {
                    return simplePacket(s, b, at, length);
                }
                case SHB -> section(s, b, at, length);
                case IDB -> interfaceDescription(s, b, at, length);
                case DSB -> decryptionSecrets(s, b, at, length);
                default -> {
                    // NRB, ISB, journal, custom and unknown blocks: framing checked above, skipped
                }
            }
        }
    }

    // ---- packets (hot path: no allocation unless the packet has a comment) ---------------------

    private Frame packet(MemorySegment s, long b, long at, long length, long ifid, int type) throws CaptureException {
        long caplen = u32(s, b + EPB_CAPLEN_OFFSET);
        long origlen = u32(s, b + EPB_ORIGLEN_OFFSET);
        long room = length - EPB_MIN_LENGTH;
        if (caplen > room) {
            throw fault(at, "captured length " + caplen + " exceeds the " + blockName(type),
                    "room for " + room + " bytes");
        }
        if (ifid >= sectionInterfaces) {
            throw noInterface(at, type, ifid);
        }
        int id = sectionFirstInterface + (int) ifid;
        Interface itf = ifs[id];
        long ts = (u32(s, b + EPB_TS_HIGH_OFFSET) << 32) | u32(s, b + EPB_TS_LOW_OFFSET);
        long data = b + EPB_DATA_OFFSET;
        frame.set(++number, s, data, (int) caplen, (int) Math.min(origlen, Integer.MAX_VALUE),
                itf.nanos(ts), id, itf.linkType);
        frame.snaplen(itf.snaplen);
        frame.interfaceName(itf.name);
        long options = data + pad4(caplen);
        long end = b + length - TRAILER_LENGTH;
        if (options + OPTION_HEADER_LENGTH <= end) {
            frame.comment(comments(s, options, end, at, type));
        }
        return frame;
    }

    private Frame simplePacket(MemorySegment s, long b, long at, long length) throws CaptureException {
        if (length < SPB_MIN_LENGTH) {
            throw tooShort(at, SPB, length, SPB_MIN_LENGTH);
        }
        if (sectionInterfaces == 0) {
            throw noInterface(at, SPB, 0);
        }
        int id = sectionFirstInterface;
        Interface itf = ifs[id];
        long origlen = u32(s, b + SPB_ORIGLEN_OFFSET);
        // the captured length is implicit: the original length, cut by the snaplen and the block
        long caplen = Math.min(origlen, length - SPB_MIN_LENGTH);
        if (itf.snaplen > 0 && caplen > itf.snaplen) {
            caplen = itf.snaplen;
        }
        frame.set(++number, s, b + SPB_DATA_OFFSET, (int) caplen, (int) Math.min(origlen, Integer.MAX_VALUE),
                0, id, itf.linkType);
        frame.snaplen(itf.snaplen);
        frame.interfaceName(itf.name);
        return frame;
    }

    /** The packet's {@code opt_comment}s joined by newlines, or {@code null}; allocates only when there is one. */
    private String comments(MemorySegment s, long from, long end, long at, int type) throws CaptureException {
        String result = null;
        optAt = from;
        while (nextOption(s, end, at, type)) {
            if (optCode == OPT_COMMENT) {
                String c = string(s, optValue, optLength);
                result = result == null ? c : result + "\n" + c;
            }
        }
        return result;
    }

    // ---- other blocks (once per block, allocation is fine) -------------------------------------

    private void section(MemorySegment s, long b, long at, long length) throws CaptureException {
        if (length < SHB_MIN_LENGTH) {
            throw tooShort(at, SHB, length, SHB_MIN_LENGTH);
        }
        int major = u16(s, b + SHB_MAJOR_OFFSET);
        int minor = u16(s, b + SHB_MINOR_OFFSET);
        if (major != 1) {
            throw fault(at, "unsupported pcapng version " + major + "." + minor + " in the Section Header Block",
                    "only version 1.x is defined");
        }
        inSection = true;
        sectionFirstInterface = interfaces.size();
        sectionInterfaces = 0;
    }

    private void interfaceDescription(MemorySegment s, long b, long at, long length) throws CaptureException {
        if (length < IDB_MIN_LENGTH) {
            throw tooShort(at, IDB, length, IDB_MIN_LENGTH);
        }
        if (interfaces.size() >= Limits.MAX_INTERFACES) {
            throw fault(at, "too many interfaces", "the limit is " + Limits.MAX_INTERFACES);
        }
        int linkType = u16(s, b + IDB_LINKTYPE_OFFSET);
        long snaplen = u32(s, b + IDB_SNAPLEN_OFFSET);
        String ifName = null;
        String description = null;
        String hardware = null;
        int tsresol = 6;
        long tsoffset = 0;
        optAt = b + IDB_OPTIONS_OFFSET;
        long end = b + length - TRAILER_LENGTH;
        while (nextOption(s, end, at, IDB)) {
            switch (optCode) {
                case OPT_IF_NAME -> ifName = ifName == null ? string(s, optValue, optLength) : ifName;
                case OPT_IF_DESCRIPTION -> description = description == null ? string(s, optValue, optLength) : description;
                case OPT_IF_HARDWARE -> hardware = hardware == null ? string(s, optValue, optLength) : hardware;
                case OPT_IF_TSRESOL -> {
                    if (optLength == 1) {
                        tsresol = Bytes.u8(s, optValue);
                    }
                }
                case OPT_IF_TSOFFSET -> {
                    if (optLength == 8) {
                        long v = s.get(LE64, optValue);
                        tsoffset = bigEndian ? Long.reverseBytes(v) : v;
                    }
                }
                default -> {
                    // if_filter, if_os, if_fcslen, ...: not needed to read packets
                }
            }
        }
        Interface itf = Interface.of(linkType, (int) Math.min(snaplen, Integer.MAX_VALUE), tsresol, tsoffset);
        if (itf == null) {
            throw fault(at, "unsupported if_tsresol in the Interface Description Block",
                    String.format("0x%02x", tsresol));
        }
        // the name Wireshark shows for the interface (cf_get_interface_name): if_name, if_description, if_hardware
        itf.name = ifName != null ? ifName : description != null ? description : hardware != null ? hardware : "unknown";
        int id = interfaces.size();
        if (id == ifs.length) {
            ifs = java.util.Arrays.copyOf(ifs, id * 2);
        }
        ifs[id] = itf;
        interfaces.add(new CaptureInterface(id, linkType, itf.snaplen, ifName, description, itf.units));
        sectionInterfaces++;
    }

    private void decryptionSecrets(MemorySegment s, long b, long at, long length) throws CaptureException {
        if (length < DSB_MIN_LENGTH) {
            throw tooShort(at, DSB, length, DSB_MIN_LENGTH);
        }
        long type = u32(s, b + DSB_TYPE_OFFSET);
        long secretsLength = u32(s, b + DSB_LENGTH_OFFSET);
        long room = length - DSB_MIN_LENGTH;
        if (secretsLength > room) {
            throw fault(at, "secrets length " + secretsLength + " exceeds the Decryption Secrets Block",
                    "room for " + room + " bytes");
        }
        secretsBytes += secretsLength;
        if (secretsBytes > Limits.MAX_SECRETS_BYTES) {
            throw fault(at, "too many decryption secrets", "the limit is " + Limits.MAX_SECRETS_BYTES + " bytes");
        }
        byte[] data = s.asSlice(b + DSB_DATA_OFFSET, secretsLength).toArray(ValueLayout.JAVA_BYTE);
        secrets.add(new DecryptionSecrets(type, data));
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * Steps the option cursor {@link #optAt} to the next option before {@code end} and sets
     * {@link #optCode}, {@link #optLength}, {@link #optValue}; false at {@code opt_endofopt} or
     * when fewer than an option header's bytes are left.
     */
    private boolean nextOption(MemorySegment s, long end, long at, int type) throws CaptureException {
        if (optAt + OPTION_HEADER_LENGTH > end) {
            return false;
        }
        optCode = u16(s, optAt);
        optLength = u16(s, optAt + 2);
        if (optCode == OPT_ENDOFOPT) {
            return false;
        }
        optValue = optAt + OPTION_HEADER_LENGTH;
        if (optValue + optLength > end) {
            throw fault(at, "option " + optCode + " overruns the " + blockName(type),
                    "option length " + optLength + ", " + (end - optValue) + " bytes left");
        }
        optAt = optValue + pad4(optLength);
        return true;
    }

    /** A UTF-8 option string; trailing NULs (written by some tools) are dropped. */
    private static String string(MemorySegment s, long at, int length) {
        while (length > 0 && s.get(ValueLayout.JAVA_BYTE, at + length - 1) == 0) {
            length--;
        }
        return new String(s.asSlice(at, length).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    }

    private CaptureException tooShort(long at, int type, long length, int min) {
        return fault(at, "the " + blockName(type) + " is too short", length + " bytes, need at least " + min);
    }

    private CaptureException noInterface(long at, int type, long ifid) {
        return fault(at, "the " + blockName(type) + " refers to interface " + ifid + " of the section",
                "the section defines " + sectionInterfaces);
    }

    private long u32(MemorySegment s, long at) {
        int v = s.get(LE32, at);
        return (bigEndian ? Integer.reverseBytes(v) : v) & 0xFFFF_FFFFL;
    }

    private int u16(MemorySegment s, long at) {
        short v = s.get(LE16, at);
        return (bigEndian ? Short.reverseBytes(v) : v) & 0xFFFF;
    }

    /**
     * Per-interface state needed per packet: link type, snaplen, and the conversion of the
     * interface's timestamp units to nanoseconds, chosen once so that the per-packet work is a
     * division and a multiply or shift, without overflow for any resolution.
     */
    static final class Interface {
        private static final long NANOS = 1_000_000_000L;
        private static final int MULTIPLY = 0;
        private static final int DIVIDE = 1;
        private static final int SHIFT = 2;

        final int linkType;
        final int snaplen;
        final long units;
        /** {@code if_name}, else {@code if_description}, else {@code if_hardware}, else "unknown". */
        String name;
        private final int mode;
        private final long factor;
        private final int shift;
        private final long offsetNanos;

        private Interface(int linkType, int snaplen, long units, int mode, long factor, int shift, long offsetNanos) {
            this.linkType = linkType;
            this.snaplen = snaplen;
            this.units = units;
            this.mode = mode;
            this.factor = factor;
            this.shift = shift;
            this.offsetNanos = offsetNanos;
        }

        /** Null when {@code tsresol} is not representable (10^19 and up, 2^63 and up). */
        static Interface of(int linkType, int snaplen, int tsresol, long tsoffsetSeconds) {
            long offset = tsoffsetSeconds * NANOS;
            if ((tsresol & TSRESOL_BINARY_MASK) != 0) {
                int n = tsresol & ~TSRESOL_BINARY_MASK;
                if (n > 62) {
                    return null;
                }
                return new Interface(linkType, snaplen, 1L << n, SHIFT, 0, n, offset);
            }
            if (tsresol > 18) {
                return null;
            }
            long units = pow10(tsresol);
            return tsresol <= 9
                    ? new Interface(linkType, snaplen, units, MULTIPLY, pow10(9 - tsresol), 0, offset)
                    : new Interface(linkType, snaplen, units, DIVIDE, pow10(tsresol - 9), 0, offset);
        }

        private static long pow10(int n) {
            long v = 1;
            for (int i = 0; i < n; i++) {
                v *= 10;
            }
            return v;
        }

        /** Nanoseconds since the epoch of an unsigned 64-bit timestamp in this interface's units. */
        long nanos(long ts) {
            long seconds;
            long fraction;
            if (mode == SHIFT) {
                seconds = ts >>> shift;
                long rem = ts & (units - 1);
                // rem * 1e9 needs up to 92 bits: shift the 128-bit product right by n
                fraction = shift == 0 ? 0
                        : (Math.unsignedMultiplyHigh(rem, NANOS) << (64 - shift)) | ((rem * NANOS) >>> shift);
            } else {
                seconds = Long.divideUnsigned(ts, units);
                long rem = ts - seconds * units;
                fraction = mode == MULTIPLY ? rem * factor : rem / factor;
            }
            return seconds * NANOS + fraction + offsetNanos;
        }
    }
}
