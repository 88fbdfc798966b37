package org.dissect4j.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dissect4j.api.Frame;

/**
 * Writes frames to a pcap or pcapng stream (the {@code -w} option). A writer copies each frame's
 * bytes out before {@link #write} returns, so frames may come straight from a
 * {@link CaptureSource} whose views are only valid until its next frame. Output is little-endian
 * and buffered; the file header is written with the first frame (or on close, for an empty
 * capture). The writer owns {@code out} and closes it in {@link #close()}. Not thread-safe.
 */
public interface CaptureWriter extends AutoCloseable {
    /** Appends one frame: its captured bytes, both lengths and its timestamp (and comment, in pcapng). */
    void write(Frame f) throws IOException;

    /** Pushes buffered output to the stream (e.g. after each live packet when writing to a pipe). */
    void flush() throws IOException;

    /** Writes the header if nothing was written yet, flushes and closes the stream. Idempotent. */
    @Override
    void close() throws IOException;

    /**
     * A classic pcap writer: one link type for the whole file. Frames of another link type are
     * refused with an {@link IOException} (write pcapng to keep them).
     *
     * @param linkType   the file's {@code LINKTYPE_*}
     * @param snaplen    the snaplen written to the file header (frames are not cut to it)
     * @param nanosecond nanosecond timestamps (magic {@code a1b23c4d}); otherwise microseconds,
     *                   and sub-microsecond digits are dropped (rounded down)
     */
    static CaptureWriter pcap(OutputStream out, int linkType, int snaplen, boolean nanosecond) {
        return new PcapWriter(out, linkType, snaplen, nanosecond);
    }

    /**
     * A pcapng writer: a Section Header Block, one Interface Description Block per interface in
     * list order (link type, snaplen, {@code if_name}, {@code if_description},
     * {@code if_tsresol=9}), then one Enhanced Packet Block per frame with nanosecond timestamps
     * and {@code opt_comment} when the frame has a comment.
     *
     * <p>Frames name their interface by {@link Frame#interfaceId()}, matched against
     * {@link CaptureInterface#id()}. A frame of an interface not described yet gets its IDB when
     * it first appears: taken from {@code interfaces} if the list has grown meanwhile (pass
     * {@link CaptureReader#interfaces()}, a live view, to keep interfaces defined later in the
     * input), else made from the frame's link type and snaplen.
     */
    static CaptureWriter pcapng(OutputStream out, List<CaptureInterface> interfaces) {
        return new PcapngWriter(out, interfaces);
    }
}
