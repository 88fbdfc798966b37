package org.dissect4j.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import org.dissect4j.api.Bytes;

/**
 * Opens capture files. The format is detected from the first bytes, never from the name:
 * pcap ({@code a1b2c3d4}/{@code a1b23c4d} in either byte order), pcapng ({@code 0a0d0d0a}), and
 * either of them gzip-compressed ({@code 1f 8b}).
 *
 * <ul>
 * <li>A regular, uncompressed file is memory-mapped whole ({@code FileChannel.map} into a
 *     {@link MemorySegment}, any size) and frames are views of the mapping: zero copies, no
 *     allocation per frame. The mapping is released by {@link CaptureReader#close()}.</li>
 * <li>A stream (standard input, a pipe or FIFO) and any gzip input are read incrementally into a
 *     bounded off-heap sliding window (about twice the largest record, at most 257 MiB), so frames
 *     are delivered as soon as they arrive and memory does not grow with the input's length.
 *     No temporary file is written.</li>
 * </ul>
 *
 * Errors (unreadable file, wrong magic, a corrupt header) are {@link CaptureException}s naming
 * the file as the caller named it.
 */
public final class CaptureFiles {
    static final int GZIP_MAGIC_0 = 0x1f;
    static final int GZIP_MAGIC_1 = 0x8b;
    /** First four bytes of a pcapng file: the SHB block type. */
    static final int PCAPNG_MAGIC = PcapngBlock.SHB;
    private static final int MAGIC_LENGTH = 4;
    private static final int GZIP_BUFFER = 1 << 16;

    private CaptureFiles() {
    }

    /**
     * Opens a capture file: mapped when it is a regular uncompressed file, streamed otherwise.
     * The path {@code -} means standard input (as in {@code tshark -r -}); name a file called
     * "-" as {@code ./-}.
     *
     * <p>Thread-safe (it keeps no state); the reader it returns is not.
     *
     * @param path the capture file, or {@code -} for standard input
     * @return a reader positioned before the first frame; the caller owns it and must
     *         {@link CaptureReader#close() close} it, which releases the mapping or the stream
     * @throws CaptureException the file is missing, unreadable, empty, not a capture, or its
     *                          header is corrupt (the message names the file)
     * @throws IOException      any other I/O failure
     */
    public static CaptureReader open(Path path) throws IOException {
        String name = path.toString();
        if (name.equals("-")) {
            return open(System.in, "-");
        }
        if (Files.isDirectory(path)) {
            throw new CaptureException(name, -1, name + ": is a directory, not a capture file");
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            // a FIFO or device: cannot be mapped, read it as a stream
            return open(newInputStream(path, name), name);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new CaptureException(name, -1, name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new CaptureException(name, -1, name + ": permission denied", e);
        }
        MappedInput input;
        try (channel) {
            long size = channel.size();
            if (size == 0) {
                throw new CaptureException(name, 0, name + ": the file is empty (0 bytes), not a capture file");
            }
            input = new MappedInput(channel, size);
        }
        // the mapping stays valid after the channel is closed
        try {
            MemorySegment s = input.segment;
            long size = input.size();
            if (size >= 2 && Bytes.u8(s, 0) == GZIP_MAGIC_0 && Bytes.u8(s, 1) == GZIP_MAGIC_1) {
                input.close();
                return openGzip(newInputStream(path, name), name, size);
            }
            return open(input, name);
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /**
     * Reads a capture from a stream (e.g. standard input), gzip-compressed or not, incrementally:
     * frames are returned as soon as their bytes arrived. The reader owns {@code in} and closes it.
     *
     * <p>Thread-safe (it keeps no state); the reader it returns is not.
     *
     * @param in          the input; owned by the reader from now on, also closed by this method
     *                    when it fails
     * @param displayName how messages name the input, e.g. {@code -}
     * @return a reader positioned before the first frame; the caller owns it and must
     *         {@link CaptureReader#close() close} it
     * @throws CaptureException the input is empty, not a capture, or its header or gzip header is
     *                          corrupt (the message names {@code displayName})
     * @throws IOException      reading the first bytes failed
     */
    public static CaptureReader open(InputStream in, String displayName) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 2);
        try {
            byte[] head = pushback.readNBytes(2);
            if (head.length > 0) {
                pushback.unread(head);
            }
            if (head.length == 2 && (head[0] & 0xFF) == GZIP_MAGIC_0 && (head[1] & 0xFF) == GZIP_MAGIC_1) {
                return openGzip(pushback, displayName, -1);
            }
            return open(new StreamInput(pushback, null, -1, false), displayName);
        } catch (IOException | RuntimeException e) {
            pushback.close();
            throw e;
        }
    }

    private static CaptureReader openGzip(InputStream raw, String name, long compressedSize) throws IOException {
        StreamInput.CountingInputStream counting = new StreamInput.CountingInputStream(raw);
        GZIPInputStream gzip;
        try {
            gzip = new GZIPInputStream(counting, GZIP_BUFFER);
        } catch (IOException e) {
            counting.close();
            throw new CaptureException(name, 0, name + ": corrupt gzip header: " + e.getMessage(), e);
        }
        return open(new StreamInput(gzip, counting, compressedSize, true), name);
    }

    /** Detects the format from the first bytes of {@code input} and builds its reader. */
    private static CaptureReader open(Input input, String displayName) throws CaptureException {
        try {
            long got = input.fill(0, MAGIC_LENGTH);
            if (got == 0) {
                IOException cause = input.endCause();
                throw new CaptureException(displayName, 0, displayName + (cause != null
                        ? ": cannot read: " + cause.getMessage()
                        : ": the input is empty (0 bytes), not a capture file"), cause);
            }
            MemorySegment s = input.segment;
            long b = -input.base;
            if (got < MAGIC_LENGTH) {
                throw new CaptureException(displayName, 0, displayName + ": not a capture file (only " + got
                        + " bytes" + (input.decompressed() ? " after decompression" : "") + ")");
            }
            int le = s.get(Bytes.LE32, b);
            if (le == PCAPNG_MAGIC) {
                return new PcapngReader(displayName, input);
            }
            if (le == PcapReader.MAGIC_MICROSECONDS || le == PcapReader.MAGIC_NANOSECONDS
                    || le == Integer.reverseBytes(PcapReader.MAGIC_MICROSECONDS)
                    || le == Integer.reverseBytes(PcapReader.MAGIC_NANOSECONDS)) {
                return new PcapReader(displayName, input);
            }
            String what = Bytes.u8(s, b) == GZIP_MAGIC_0 && Bytes.u8(s, b + 1) == GZIP_MAGIC_1
                    ? "gzip inside gzip is not supported"
                    : "not a pcap or pcapng file";
            throw new CaptureException(displayName, 0, String.format("%s: %s (first bytes %02x %02x %02x %02x%s)",
                    displayName, what, Bytes.u8(s, b), Bytes.u8(s, b + 1), Bytes.u8(s, b + 2), Bytes.u8(s, b + 3),
                    input.decompressed() ? " after decompression" : ""));
        } catch (CaptureException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    private static InputStream newInputStream(Path path, String name) throws IOException {
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new CaptureException(name, -1, name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new CaptureException(name, -1, name + ": permission denied", e);
        }
    }
}
