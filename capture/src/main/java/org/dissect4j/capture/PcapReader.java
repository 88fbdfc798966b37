package org.dissect4j.capture;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.dissect4j.api.Bytes;
import org.dissect4j.api.Frame;

/**
 * Reads classic pcap files (tcpdump/libpcap format) of either byte order, with microsecond or
 * nanosecond timestamps.
 *
 * <pre>
 * File header (24 bytes, in the writer's byte order):
 *   0  magic          a1b2c3d4 = microseconds, a1b23c4d = nanoseconds (byte-swapped: other order)
 *   4  version_major  2
 *   6  version_minor  4
 *   8  thiszone       (always 0 in practice, ignored)
 *  12  sigfigs        (ignored)
 *  16  snaplen
 *  20  linktype       bits 0-15 LINKTYPE_*, bits 16-31 FCS length and reserved bits (masked off)
 * Record header (16 bytes), then incl_len bytes of packet data:
 *   0  ts_sec   (unsigned: good until 2106)
 *   4  ts_usec  or ts_nsec
 *   8  incl_len captured length
 *  12  orig_len length on the wire
 * </pre>
 *
 * Frames are views of the input at the record's data; nothing is allocated per record.
 */
final class PcapReader extends AbstractReader {
    static final int MAGIC_MICROSECONDS = 0xa1b2c3d4;
    static final int MAGIC_NANOSECONDS = 0xa1b23c4d;
    static final int VERSION_MAJOR = 2;
    static final int VERSION_MINOR = 4;

    static final int MAGIC_OFFSET = 0;
    static final int VERSION_MAJOR_OFFSET = MAGIC_OFFSET + 4;
    static final int VERSION_MINOR_OFFSET = VERSION_MAJOR_OFFSET + 2;
    static final int THISZONE_OFFSET = VERSION_MINOR_OFFSET + 2;
    static final int SIGFIGS_OFFSET = THISZONE_OFFSET + 4;
    static final int SNAPLEN_OFFSET = SIGFIGS_OFFSET + 4;
    static final int LINKTYPE_OFFSET = SNAPLEN_OFFSET + 4;
    static final int HEADER_LENGTH = LINKTYPE_OFFSET + 4;

    static final int TS_SEC_OFFSET = 0;
    static final int TS_FRACTION_OFFSET = TS_SEC_OFFSET + 4;
    static final int INCL_LEN_OFFSET = TS_FRACTION_OFFSET + 4;
    static final int ORIG_LEN_OFFSET = INCL_LEN_OFFSET + 4;
    static final int RECORD_HEADER_LENGTH = ORIG_LEN_OFFSET + 4;

    /** The link type is the low 16 bits of the field (libpcap's {@code LT_LINKTYPE}). */
    static final int LINKTYPE_MASK = 0xFFFF;

    private static final ValueLayout.OfInt LE32 = Bytes.LE32;

    private final boolean swapped;
    private final long fractionToNanos;
    private final int linkType;
    private final int snaplen;

    PcapReader(String name, Input input) throws CaptureException {
        super(name, input);
        long got = input.fill(0, HEADER_LENGTH);
        if (got < HEADER_LENGTH) {
            throw truncated(0, "pcap file header", HEADER_LENGTH, got);
        }
        MemorySegment s = input.segment;
        long b = -input.base;
        int magic = s.get(LE32, b + MAGIC_OFFSET);
        // read little-endian: a big-endian file shows the magic byte-swapped
        swapped = magic == Integer.reverseBytes(MAGIC_MICROSECONDS) || magic == Integer.reverseBytes(MAGIC_NANOSECONDS);
        int m = swapped ? Integer.reverseBytes(magic) : magic;
        if (m != MAGIC_MICROSECONDS && m != MAGIC_NANOSECONDS) {
            throw fault(0, "not a pcap file header", String.format("magic 0x%08x", magic));
        }
        boolean nanos = m == MAGIC_NANOSECONDS;
        fractionToNanos = nanos ? 1 : 1000;
        int major = u16(s, b + VERSION_MAJOR_OFFSET);
        int minor = u16(s, b + VERSION_MINOR_OFFSET);
        if (major != VERSION_MAJOR) {
            throw fault(0, "unsupported pcap version " + major + "." + minor + " in the file header",
                    "only version 2.x is defined");
        }
        long snap = u32(s, b + SNAPLEN_OFFSET);
        snaplen = (int) Math.min(snap, Integer.MAX_VALUE);
        linkType = (int) u32(s, b + LINKTYPE_OFFSET) & LINKTYPE_MASK;
        interfaces.add(new CaptureInterface(0, linkType, snaplen, null, null,
                nanos ? CaptureInterface.NANOSECONDS : CaptureInterface.MICROSECONDS));
        pos = HEADER_LENGTH;
    }

    @Override
    public CaptureFormat format() {
        return CaptureFormat.PCAP;
    }

    @Override
    Frame advance() throws CaptureException {
        final long at = pos;
        final Input in = input;
        in.release(at);
        long got = in.fill(at, RECORD_HEADER_LENGTH);
        if (got < RECORD_HEADER_LENGTH) {
            if (got == 0) {
                checkCleanEnd(at);
                return null;
            }
            throw truncated(at, "record header", RECORD_HEADER_LENGTH, got);
        }
        MemorySegment s = in.segment;
        long b = at - in.base;
        long sec = u32(s, b + TS_SEC_OFFSET);
        long fraction = u32(s, b + TS_FRACTION_OFFSET);
        long caplen = u32(s, b + INCL_LEN_OFFSET);
        long origlen = u32(s, b + ORIG_LEN_OFFSET);
        if (caplen > Limits.MAX_RECORD_LENGTH) {
            throw fault(at, "implausible captured length " + caplen + " in the record header",
                    "the limit is " + Limits.MAX_RECORD_LENGTH + " bytes");
        }
        long data = at + RECORD_HEADER_LENGTH;
        got = in.fill(data, caplen);
        if (got < caplen) {
            throw truncated(at, "packet data in the record", caplen, got);
        }
        pos = data + caplen;
        // caplen <= MAX_RECORD_LENGTH fits an int; orig_len is clamped, not trusted for anything
        frame.set(++number, in.segment, data - in.base, (int) caplen, (int) Math.min(origlen, Integer.MAX_VALUE),
                sec * 1_000_000_000L + fraction * fractionToNanos, 0, linkType);
        frame.snaplen(snaplen);
        return frame;
    }

    private long u32(MemorySegment s, long at) {
        int v = s.get(LE32, at);
        return (swapped ? Integer.reverseBytes(v) : v) & 0xFFFF_FFFFL;
    }

    private int u16(MemorySegment s, long at) {
        short v = s.get(Bytes.LE16, at);
        return (swapped ? Short.reverseBytes(v) : v) & 0xFFFF;
    }
}
