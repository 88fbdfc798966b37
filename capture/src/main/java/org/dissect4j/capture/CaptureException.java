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

    private final String file;
    private final long offset;

    /**
     * @param file    the file name as the user gave it, a device name, or {@code null}
     * @param offset  byte offset of the fault in the (decompressed) file, or -1 when not applicable
     * @param message the complete one-line message (it already names the file)
     */
    public CaptureException(String file, long offset, String message) {
        super(message);
        this.file = file;
        this.offset = offset;
    }

    public CaptureException(String file, long offset, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.offset = offset;
    }

    /** The file (as named by the user) or live device the error is about, or {@code null}. */
    public String file() {
        return file;
    }

    /** Byte offset of the fault in the file (decompressed data for gzip input), or -1. */
    public long offset() {
        return offset;
    }
}
