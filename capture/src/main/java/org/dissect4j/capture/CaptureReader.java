package org.dissect4j.capture;

import java.util.List;

/**
 * A capture file being read: pcap or pcapng, plain or gzip-compressed, from a file or a stream.
 * Obtained from {@link CaptureFiles#open}.
 *
 * <p>The lists returned by {@link #interfaces()} and {@link #secrets()} are unmodifiable live
 * views: a pcapng file may define interfaces and secrets between packets, so they grow while the
 * file is read and are complete once {@link #next()} returned {@code null}. Opening a pcapng file
 * reads every block up to the first packet, so blocks written before the first packet (as usual)
 * are known right after opening.
 */
public interface CaptureReader extends CaptureSource {
    /**
     * The container format, detected from the magic number when the reader was opened.
     *
     * @return {@link CaptureFormat#PCAP} or {@link CaptureFormat#PCAPNG} (gzip is not a format)
     */
    CaptureFormat format();

    /**
     * The interfaces seen so far, indexed by {@link CaptureInterface#id()}.
     *
     * @return an unmodifiable live view that grows as pcapng Interface Description Blocks are read
     *         (a pcap file has exactly one interface); valid as long as the reader, even after
     *         {@link #close()}
     */
    List<CaptureInterface> interfaces();

    /**
     * Decryption secrets (pcapng Decryption Secrets Blocks) seen so far, in file order.
     *
     * @return an unmodifiable live view that grows as DSBs are read; always empty for pcap
     */
    List<DecryptionSecrets> secrets();

    /**
     * How far reading got, in bytes of {@link #size()}: the offset of the next record for
     * uncompressed files, compressed bytes consumed for gzip files.
     *
     * @return bytes consumed so far, in the unit of {@link #size()}
     */
    long position();

    /**
     * The size of the input, the unit of {@link #position()} (for progress display).
     *
     * @return bytes of the input (the compressed size for gzip files), or -1 when unknown (a stream)
     */
    long size();

    /**
     * The input's name for messages.
     *
     * @return the file name as given by the caller, or the display name given for a stream
     *         ({@code -} for standard input)
     */
    String name();

    /**
     * Whether a frame's bytes stay valid until the reader is closed, not only until the next frame: true
     * for a mapped file, whose frames are views of one mapping, so that a frame can be handed to another
     * thread without copying its bytes (the {@link org.dissect4j.api.Frame} object itself is still reused).
     *
     * @return {@code false} unless the reader says so
     */
    default boolean framesStayValid() {
        return false;
    }
}
