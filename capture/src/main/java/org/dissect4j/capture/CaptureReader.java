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
    /** The container format, detected by magic. */
    CaptureFormat format();

    /** The interfaces seen so far, indexed by {@link CaptureInterface#id()} (live view). */
    List<CaptureInterface> interfaces();

    /** Decryption secrets (pcapng DSBs) seen so far, in file order (live view). */
    List<DecryptionSecrets> secrets();

    /**
     * How far reading got, in bytes of {@link #size()}: the offset of the next record for
     * uncompressed files, compressed bytes consumed for gzip files.
     */
    long position();

    /** Bytes of the input (the compressed size for gzip files), or -1 when unknown (a stream). */
    long size();

    /** The file name as given by the caller (used in messages). */
    String name();
}
