package org.dissect4j.capture;

import org.dissect4j.api.Frame;

/**
 * Something that yields captured frames one at a time: a capture file or a live capture.
 *
 * <p><b>Ownership.</b> {@link #next()} returns the same reused {@link Frame} object every time; it
 * is a view of bytes owned by the source (the mapped file, the read buffer, libpcap's buffer) and
 * is valid only until the next call to {@code next()} or {@code close()}. Whoever needs the bytes
 * longer copies them. Sources are not thread-safe: one thread pulls frames (a
 * {@link LiveCapture} may be interrupted from another thread with {@link LiveCapture#breakLoop()}).
 */
public interface CaptureSource extends AutoCloseable {
    /**
     * The next frame.
     *
     * @return the source's reused {@link Frame}, valid until the next call to {@code next()} or
     *         {@code close()}; {@code null} at the end of the input (or once a live capture stopped)
     * @throws CaptureException the input is corrupt or the device failed; every frame before the
     *                          fault was returned by earlier calls
     */
    Frame next() throws CaptureException;

    /** Releases the mapping, buffers or device; frames handed out become invalid. Idempotent. */
    @Override
    void close();
}
