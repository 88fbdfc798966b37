package org.dissect4j.capture;

import java.io.IOException;

/**
 * A capture source failed: a corrupt, truncated or unsupported capture file, or a libpcap error.
 * The message is one line meant for users, naming the file and, for file faults, the byte offset,
 * e.g. {@code tls.pcap: truncated record header at byte offset 1234 (need 16 bytes, 7 left)}.
 *
 * <p>Readers deliver every frame before a fault first: {@link CaptureSource#next()} returns them,
 * and throws this exception on the call after the last good frame. A reader that threw stays
 * failed: further calls throw the same exception.
 */
public final class CaptureException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file or device the fault is about, or {@code null}; see {@link #file()}. */
    private final String file;
    /** Byte offset of the fault, or -1; see {@link #offset()}. */
    private final long offset;

    /**
     * A capture fault without an underlying cause.
     *
     * @param file    the file name as the user gave it, a device name, or {@code null}
     * @param offset  byte offset of the fault in the (decompressed) file, or -1 when not applicable
     * @param message the complete one-line message (it already names the file)
     */
    public CaptureException(String file, long offset, String message) {
        super(message);
        this.file = file;
        this.offset = offset;
    }

    /**
     * A capture fault caused by another exception (an I/O error, a libpcap call that threw).
     *
     * @param file    the file name as the user gave it, a device name, or {@code null}
     * @param offset  byte offset of the fault in the (decompressed) file, or -1 when not applicable
     * @param message the complete one-line message (it already names the file)
     * @param cause   the underlying exception, kept as {@link #getCause()}
     */
    public CaptureException(String file, long offset, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.offset = offset;
    }

    /**
     * The file or live device this fault is about.
     *
     * @return the file as named by the user ({@code -} for standard input) or the device name, or
     *         {@code null} when the fault concerns neither (e.g. libpcap is missing)
     */
    public String file() {
        return file;
    }

    /**
     * Where in the input the fault is.
     *
     * @return the byte offset of the fault in the file (in the decompressed data for gzip input),
     *         or -1 for faults that have no position (a missing file, a device error)
     */
    public long offset() {
        return offset;
    }
}
