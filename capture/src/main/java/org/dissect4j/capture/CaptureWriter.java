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
    /**
     * Appends one frame: its captured bytes, both lengths and its timestamp (and comment, in
     * pcapng). The bytes are copied into the writer's buffer before this returns.
     *
     * @param f the frame to write; only read, and not kept after this returns
     * @throws IOException the writer is closed, the frame cannot be represented in the format (a
     *                     pcap writer refuses a frame of another link type; a pcapng writer one
     *                     whose link type differs from its interface's, or whose interface id is
     *                     out of range), or the stream failed
     */
    void write(Frame f) throws IOException;

    /**
     * Pushes buffered output to the stream (e.g. after each live packet when writing to a pipe).
     * Writes the file header first if no frame was written yet; does nothing once closed.
     *
     * @throws IOException the stream failed
     */
    void flush() throws IOException;

    /**
     * Writes the header if nothing was written yet, flushes and closes the stream. Idempotent.
     *
     * @throws IOException the stream failed while flushing or closing
     */
    @Override
    void close() throws IOException;

    /**
     * A classic pcap writer: one link type for the whole file. Frames of another link type are
     * refused with an {@link IOException} (write pcapng to keep them).
     *
     * @param out        where to write; owned by the writer from now on (buffered unless it is
     *                   already a {@code BufferedOutputStream}, closed by {@link #close()})
     * @param linkType   the file's {@code LINKTYPE_*}
     * @param snaplen    the snaplen written to the file header (frames are not cut to it)
     * @param nanosecond nanosecond timestamps (magic {@code a1b23c4d}); otherwise microseconds,
     *                   and sub-microsecond digits are dropped (rounded down)
     * @return a new writer; nothing is written before the first frame, flush or close
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
     *
     * @param out        where to write; owned by the writer from now on (buffered unless it is
     *                   already a {@code BufferedOutputStream}, closed by {@link #close()})
     * @param interfaces the interfaces to describe, read again whenever a frame names an unknown
     *                   interface (the writer keeps the reference, it does not copy the list)
     * @return a new writer; nothing is written before the first frame, flush or close
     * @throws IllegalArgumentException two interfaces in {@code interfaces} have the same id, or
     *                                  an id is negative or too large for the writer
     */
    static CaptureWriter pcapng(OutputStream out, List<CaptureInterface> interfaces) {
        return new PcapngWriter(out, interfaces);
    }
}
