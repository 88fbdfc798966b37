package org.dissect4j.api;

import java.util.Arrays;

/**
 * What a dissector says one frame carries of a stream's content, for "follow stream" reports (Wireshark's follow taps,
 * {@code tls_follow} and {@code http_follow}): byte ranges of the frame's data sources, each under a tap name. TLS
 * names the plaintext of each decrypted record ({@code tls}; a record that is not application data with a length of
 * 0: it still tells which end sent the first decrypted record), HTTP the bytes of each message's headers and body
 * ({@code http}). Cleared for every frame; the arrays grow to the most ranges a frame had and are reused.
 */
public final class FollowData {
    private String[] taps = new String[4];
    private int[] sources = new int[4];
    private int[] offsets = new int[4];
    private int[] lengths = new int[4];
    private int count;

    FollowData() {
    }

    void clear() {
        count = 0;
    }

    /**
     * Adds a range of this frame's data source {@code source} to the follow tap {@code tap}.
     *
     * @param tap    the tap's name, a constant ({@code "tls"}, {@code "http"})
     * @param source the data source ({@link Tree#currentSource()} or one {@link Tree#addSource} returned)
     * @param offset where the range starts in the source
     * @param length its length (0: the frame takes part in the stream, with no bytes)
     */
    public void add(String tap, int source, int offset, int length) {
        if (count == taps.length) {
            int n = count * 2;
            taps = Arrays.copyOf(taps, n);
            sources = Arrays.copyOf(sources, n);
            offsets = Arrays.copyOf(offsets, n);
            lengths = Arrays.copyOf(lengths, n);
        }
        taps[count] = tap;
        sources[count] = source;
        offsets[count] = offset;
        lengths[count] = length;
        count++;
    }

    /**
     * The ranges added for this frame.
     *
     * @return their count; the accessors below take an index below it
     */
    public int count() {
        return count;
    }

    /**
     * The tap a range was added to.
     *
     * @param i the range's index
     * @return the tap's name
     */
    public String tap(int i) {
        return taps[i];
    }

    /**
     * The data source of a range.
     *
     * @param i the range's index
     * @return the source's index in the frame's {@link Tree}
     */
    public int source(int i) {
        return sources[i];
    }

    /**
     * Where a range starts.
     *
     * @param i the range's index
     * @return the offset in its source
     */
    public int offset(int i) {
        return offsets[i];
    }

    /**
     * The length of a range.
     *
     * @param i the range's index
     * @return its length in bytes
     */
    public int length(int i) {
        return lengths[i];
    }
}
