package org.dissect4j.capture;

import static org.dissect4j.capture.PcapngBlock.*;
import static org.dissect4j.capture.PcapWriter.LE_INT;
import static org.dissect4j.capture.PcapWriter.LE_SHORT;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;

/**
 * Writes little-endian pcapng (layouts in {@link PcapngBlock}): SHB with {@code shb_userappl},
 * IDBs with {@code if_tsresol=9}, EPBs with nanosecond timestamps. One reused buffer; a frame
 * allocates only to encode its comment.
 */
final class PcapngWriter implements CaptureWriter {
    static final String USER_APPLICATION = "dissect4j";
    /** Written timestamps count nanoseconds: {@code if_tsresol} = 10^-9. */
    static final int TSRESOL_NANOSECONDS = 9;
    /** Interface ids must stay small enough to index {@link #idbByInterface}. */
    static final int MAX_INTERFACE_ID = Limits.MAX_INTERFACES - 1;
    private static final int MAX_OPTION_LENGTH = 0xFFFF;

    private final OutputStream out;
    private final List<CaptureInterface> interfaces;
    /** Written IDB index by interface id, -1 when not written yet. */
    private int[] idbByInterface = new int[0];
    private int[] idbLinkType = new int[0];
    private int idbCount;
    private byte[] buf = new byte[PcapWriter.OUTPUT_BUFFER];
    private boolean headerWritten;
    private boolean closed;

    PcapngWriter(OutputStream out, List<CaptureInterface> interfaces) {
        this.out = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, PcapWriter.OUTPUT_BUFFER);
        this.interfaces = interfaces;
        for (int i = 0; i < interfaces.size(); i++) {
            int id = interfaces.get(i).id();
            for (int j = 0; j < i; j++) {
                if (interfaces.get(j).id() == id) {
                    throw new IllegalArgumentException("interface id " + id + " appears twice in " + interfaces);
                }
            }
            if (id < 0 || id > MAX_INTERFACE_ID) {
                throw new IllegalArgumentException("interface id " + id + " is out of range 0.." + MAX_INTERFACE_ID);
            }
        }
    }

    @Override
    public void write(Frame f) throws IOException {
        if (closed) {
            throw new IOException("pcapng writer is closed");
        }
        writeHeader();
        int id = f.interfaceId();
        if (id < 0 || id > MAX_INTERFACE_ID) {
            throw new IOException("cannot write frame " + f.number() + ": interface id " + id + " is out of range 0.."
                    + MAX_INTERFACE_ID);
        }
        int idb = id < idbByInterface.length ? idbByInterface[id] : -1;
        if (idb < 0) {
            idb = describe(find(id, f));
        }
        if (idbLinkType[idb] != f.linkType()) {
            throw new IOException("cannot write frame " + f.number() + ": its link type " + LinkType.name(f.linkType())
                    + " (" + f.linkType() + ") differs from the " + LinkType.name(idbLinkType[idb]) + " ("
                    + idbLinkType[idb] + ") of its interface " + id);
        }
        String comment = f.comment();
        byte[] commentBytes = comment == null ? null : comment.getBytes(StandardCharsets.UTF_8);
        int commentLength = commentBytes == null ? 0 : Math.min(commentBytes.length, MAX_OPTION_LENGTH);
        int caplen = f.capturedLength();
        long options = commentBytes == null ? 0
                : OPTION_HEADER_LENGTH + pad4(commentLength) + OPTION_HEADER_LENGTH;
        long length = EPB_MIN_LENGTH + pad4(caplen) + options;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("cannot write frame " + f.number() + ": " + caplen + " bytes do not fit a block");
        }
        int total = (int) length;
        ensure(total);
        Arrays.fill(buf, 0, total, (byte) 0);
        LE_INT.set(buf, TYPE_OFFSET, EPB);
        LE_INT.set(buf, LENGTH_OFFSET, total);
        LE_INT.set(buf, EPB_INTERFACE_OFFSET, idb);
        long ts = f.timestampNanos();
        LE_INT.set(buf, EPB_TS_HIGH_OFFSET, (int) (ts >>> 32));
        LE_INT.set(buf, EPB_TS_LOW_OFFSET, (int) ts);
        LE_INT.set(buf, EPB_CAPLEN_OFFSET, caplen);
        LE_INT.set(buf, EPB_ORIGLEN_OFFSET, f.originalLength());
        MemorySegment.copy(f.segment(), ValueLayout.JAVA_BYTE, f.offset(), buf, EPB_DATA_OFFSET, caplen);
        if (commentBytes != null) {
            int o = EPB_DATA_OFFSET + (int) pad4(caplen);
            LE_SHORT.set(buf, o, (short) OPT_COMMENT);
            LE_SHORT.set(buf, o + 2, (short) commentLength);
            System.arraycopy(commentBytes, 0, buf, o + OPTION_HEADER_LENGTH, commentLength);
            // opt_endofopt: four zero bytes, already cleared
        }
        LE_INT.set(buf, total - TRAILER_LENGTH, total);
        out.write(buf, 0, total);
    }

    /** The interface with {@code id}: from the (possibly grown) list, else made up from the frame. */
    private CaptureInterface find(int id, Frame f) {
        for (int i = 0; i < interfaces.size(); i++) {
            CaptureInterface c = interfaces.get(i);
            if (c.id() == id) {
                return c;
            }
        }
        return new CaptureInterface(id, f.linkType(), f.snaplen(), f.interfaceName(), null, CaptureInterface.NANOSECONDS);
    }

    private void writeHeader() throws IOException {
        if (headerWritten) {
            return;
        }
        headerWritten = true;
        byte[] app = USER_APPLICATION.getBytes(StandardCharsets.UTF_8);
        int total = SHB_MIN_LENGTH + OPTION_HEADER_LENGTH + (int) pad4(app.length) + OPTION_HEADER_LENGTH;
        byte[] b = new byte[total];
        LE_INT.set(b, TYPE_OFFSET, SHB);
        LE_INT.set(b, LENGTH_OFFSET, total);
        LE_INT.set(b, SHB_MAGIC_OFFSET, SHB_BYTE_ORDER_MAGIC);
        LE_SHORT.set(b, SHB_MAJOR_OFFSET, (short) 1);
        LE_SHORT.set(b, SHB_MINOR_OFFSET, (short) 0);
        // section length unknown: -1
        LE_INT.set(b, SHB_SECTION_LENGTH_OFFSET, -1);
        LE_INT.set(b, SHB_SECTION_LENGTH_OFFSET + 4, -1);
        LE_SHORT.set(b, SHB_OPTIONS_OFFSET, (short) OPT_SHB_USERAPPL);
        LE_SHORT.set(b, SHB_OPTIONS_OFFSET + 2, (short) app.length);
        System.arraycopy(app, 0, b, SHB_OPTIONS_OFFSET + OPTION_HEADER_LENGTH, app.length);
        LE_INT.set(b, total - TRAILER_LENGTH, total);
        out.write(b);
        for (int i = 0; i < interfaces.size(); i++) {
            describe(interfaces.get(i));
        }
    }

    /** Writes the IDB of {@code c} and returns its index in the section. */
    private int describe(CaptureInterface c) throws IOException {
        ByteArrayOutputStream opts = new ByteArrayOutputStream();
        option(opts, OPT_IF_NAME, c.name());
        option(opts, OPT_IF_DESCRIPTION, c.description());
        opts.write(new byte[] {OPT_IF_TSRESOL, 0, 1, 0, TSRESOL_NANOSECONDS, 0, 0, 0});
        opts.write(new byte[OPTION_HEADER_LENGTH]);
        byte[] o = opts.toByteArray();
        int total = IDB_MIN_LENGTH + o.length;
        byte[] b = new byte[total];
        LE_INT.set(b, TYPE_OFFSET, IDB);
        LE_INT.set(b, LENGTH_OFFSET, total);
        LE_SHORT.set(b, IDB_LINKTYPE_OFFSET, (short) c.linkType());
        LE_INT.set(b, IDB_SNAPLEN_OFFSET, c.snaplen());
        System.arraycopy(o, 0, b, IDB_OPTIONS_OFFSET, o.length);
        LE_INT.set(b, total - TRAILER_LENGTH, total);
        out.write(b);
        int id = c.id();
        if (id >= idbByInterface.length) {
            int old = idbByInterface.length;
            idbByInterface = Arrays.copyOf(idbByInterface, Math.max(id + 1, old * 2));
            Arrays.fill(idbByInterface, old, idbByInterface.length, -1);
        }
        if (idbCount == idbLinkType.length) {
            idbLinkType = Arrays.copyOf(idbLinkType, Math.max(4, idbCount * 2));
        }
        idbLinkType[idbCount] = c.linkType();
        idbByInterface[id] = idbCount;
        return idbCount++;
    }

    /** An option with a UTF-8 string value, padded; nothing for {@code null}. */
    private static void option(ByteArrayOutputStream opts, int code, String value) {
        if (value == null) {
            return;
        }
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(v.length, MAX_OPTION_LENGTH);
        opts.write(code);
        opts.write(code >>> 8);
        opts.write(n);
        opts.write(n >>> 8);
        opts.write(v, 0, n);
        opts.write(new byte[(int) pad4(n) - n], 0, (int) pad4(n) - n);
    }

    private void ensure(int total) {
        if (buf.length < total) {
            buf = new byte[Math.max(total, buf.length * 2)];
        }
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
