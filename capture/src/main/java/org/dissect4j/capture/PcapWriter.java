package org.dissect4j.capture;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;

/** Writes classic little-endian pcap 2.4 (layout in {@link PcapReader}); one reused buffer, no per-frame allocation. */
final class PcapWriter implements CaptureWriter {
    static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LE_SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final int OUTPUT_BUFFER = 1 << 16;

    private final OutputStream out;
    private final int linkType;
    private final int snaplen;
    private final boolean nanosecond;
    private byte[] buf = new byte[OUTPUT_BUFFER];
    private boolean headerWritten;
    private boolean closed;

    PcapWriter(OutputStream out, int linkType, int snaplen, boolean nanosecond) {
        this.out = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, OUTPUT_BUFFER);
        this.linkType = linkType;
        this.snaplen = snaplen;
        this.nanosecond = nanosecond;
    }

    @Override
    public void write(Frame f) throws IOException {
        if (closed) {
            throw new IOException("pcap writer is closed");
        }
        if (f.linkType() != linkType) {
            throw new IOException("cannot write frame " + f.number() + " (link type " + LinkType.name(f.linkType())
                    + ", " + f.linkType() + ") to a pcap file of link type " + LinkType.name(linkType) + " (" + linkType
                    + "): a pcap file holds one link type; write pcapng instead");
        }
        writeHeader();
        int caplen = f.capturedLength();
        int total = PcapReader.RECORD_HEADER_LENGTH + caplen;
        if (buf.length < total) {
            buf = new byte[Math.max(total, buf.length * 2)];
        }
        long ns = f.timestampNanos();
        long seconds = Math.floorDiv(ns, 1_000_000_000L);
        long fraction = Math.floorMod(ns, 1_000_000_000L);
        LE_INT.set(buf, PcapReader.TS_SEC_OFFSET, (int) seconds);
        LE_INT.set(buf, PcapReader.TS_FRACTION_OFFSET, (int) (nanosecond ? fraction : fraction / 1000));
        LE_INT.set(buf, PcapReader.INCL_LEN_OFFSET, caplen);
        LE_INT.set(buf, PcapReader.ORIG_LEN_OFFSET, f.originalLength());
        MemorySegment.copy(f.segment(), ValueLayout.JAVA_BYTE, f.offset(), buf, PcapReader.RECORD_HEADER_LENGTH, caplen);
        out.write(buf, 0, total);
    }

    private void writeHeader() throws IOException {
        if (headerWritten) {
            return;
        }
        headerWritten = true;
        byte[] h = new byte[PcapReader.HEADER_LENGTH];
        LE_INT.set(h, PcapReader.MAGIC_OFFSET, nanosecond ? PcapReader.MAGIC_NANOSECONDS : PcapReader.MAGIC_MICROSECONDS);
        LE_SHORT.set(h, PcapReader.VERSION_MAJOR_OFFSET, (short) PcapReader.VERSION_MAJOR);
        LE_SHORT.set(h, PcapReader.VERSION_MINOR_OFFSET, (short) PcapReader.VERSION_MINOR);
        LE_INT.set(h, PcapReader.SNAPLEN_OFFSET, snaplen);
        LE_INT.set(h, PcapReader.LINKTYPE_OFFSET, linkType);
        out.write(h);
    }

    @Override
    public void flush() throws IOException {
        if (!closed) {
            writeHeader();
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try (out) {
            writeHeader();
            out.flush();
        } finally {
            closed = true;
        }
    }
}
