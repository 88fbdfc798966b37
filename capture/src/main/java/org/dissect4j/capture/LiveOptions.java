package org.dissect4j.capture;

/**
 * How {@link LiveCapture#open} sets up a capture. Start from {@link #defaults()} and change what
 * you need with the {@code with...} methods:
 * <pre>{@code LiveCapture.open("eth0", LiveOptions.defaults().withFilter("tcp port 443").withPacketCount(100))}</pre>
 *
 * @param snaplen        bytes kept per packet ({@code pcap_set_snaplen}); default 262144
 * @param promisc        promiscuous mode; default true
 * @param timeoutMillis  libpcap's read timeout: how long libpcap may hold packets to batch them,
 *                       and how often {@link LiveCapture#next()} checks for stop conditions;
 *                       default 100 ms (0 would block until a packet arrives)
 * @param bufferSize     kernel capture buffer in bytes, 0 for libpcap's default (2 MiB on Linux)
 * @param nanoseconds    ask for nanosecond timestamps where the platform has them; default true
 * @param filter         capture (BPF) filter in pcap-filter syntax, or {@code null} for all packets
 * @param packetCount    stop after this many packets ({@code next()} returns {@code null}); 0 = no limit
 * @param durationMillis stop this long after {@code open}; 0 = no limit
 *
 * <p>Immutable and thread-safe: every {@code with...} method returns a new record.
 */
public record LiveOptions(int snaplen, boolean promisc, int timeoutMillis, int bufferSize, boolean nanoseconds,
                          String filter, long packetCount, long durationMillis) {
    /** The default snapshot length in bytes (tshark's and dumpcap's default). */
    public static final int DEFAULT_SNAPLEN = 262144;
    /**
     * The default read timeout in milliseconds; also how long {@link LiveCapture#next()} waits
     * on libpcap's descriptor between looks at its stop conditions when {@link #timeoutMillis()}
     * is 0 (where libpcap offers non-blocking reads and a selectable descriptor).
     */
    public static final int DEFAULT_TIMEOUT_MILLIS = 100;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException {@code snaplen} is not positive, or the timeout, buffer
     *                                  size, packet count or duration is negative
     */
    public LiveOptions {
        if (snaplen <= 0) {
            throw new IllegalArgumentException("snaplen must be positive: " + snaplen);
        }
        if (timeoutMillis < 0 || bufferSize < 0 || packetCount < 0 || durationMillis < 0) {
            throw new IllegalArgumentException("timeout, buffer size, packet count and duration must not be negative");
        }
    }

    /**
     * The default options.
     *
     * @return snaplen 262144, promiscuous, 100 ms timeout, libpcap's default buffer, nanosecond
     *         timestamps, no filter, no packet count or duration limit
     */
    public static LiveOptions defaults() {
        return new LiveOptions(DEFAULT_SNAPLEN, true, DEFAULT_TIMEOUT_MILLIS, 0, true, null, 0, 0);
    }

    /**
     * These options with a different snapshot length.
     *
     * @param v bytes kept per packet, positive
     * @return a new record; this one is unchanged
     * @throws IllegalArgumentException {@code v} is out of range
     */
    public LiveOptions withSnaplen(int v) {
        return new LiveOptions(v, promisc, timeoutMillis, bufferSize, nanoseconds, filter, packetCount, durationMillis);
    }

    /**
     * These options with promiscuous mode on or off.
     *
     * @param v true for promiscuous mode
     * @return a new record; this one is unchanged
     */
    public LiveOptions withPromisc(boolean v) {
        return new LiveOptions(snaplen, v, timeoutMillis, bufferSize, nanoseconds, filter, packetCount, durationMillis);
    }

    /**
     * These options with a different read timeout.
     *
     * @param v libpcap's read timeout in milliseconds, not negative; 0 for none (see
     *          {@link #DEFAULT_TIMEOUT_MILLIS} for how {@link LiveCapture#next()} still stops)
     * @return a new record; this one is unchanged
     * @throws IllegalArgumentException {@code v} is out of range
     */
    public LiveOptions withTimeoutMillis(int v) {
        return new LiveOptions(snaplen, promisc, v, bufferSize, nanoseconds, filter, packetCount, durationMillis);
    }

    /**
     * These options with a different kernel buffer size.
     *
     * @param v kernel capture buffer in bytes, not negative; 0 for libpcap's default
     * @return a new record; this one is unchanged
     * @throws IllegalArgumentException {@code v} is out of range
     */
    public LiveOptions withBufferSize(int v) {
        return new LiveOptions(snaplen, promisc, timeoutMillis, v, nanoseconds, filter, packetCount, durationMillis);
    }

    /**
     * These options with nanosecond timestamps asked for or not.
     *
     * @param v true to ask for nanosecond timestamps where the platform has them
     * @return a new record; this one is unchanged
     */
    public LiveOptions withNanoseconds(boolean v) {
        return new LiveOptions(snaplen, promisc, timeoutMillis, bufferSize, v, filter, packetCount, durationMillis);
    }

    /**
     * These options with a different capture filter.
     *
     * @param v a BPF filter in pcap-filter syntax, or {@code null} (or blank) for all packets;
     *          checked only by {@link LiveCapture#open}
     * @return a new record; this one is unchanged
     */
    public LiveOptions withFilter(String v) {
        return new LiveOptions(snaplen, promisc, timeoutMillis, bufferSize, nanoseconds, v, packetCount, durationMillis);
    }

    /**
     * These options with a different packet limit.
     *
     * @param v stop after this many packets, not negative; 0 for no limit
     * @return a new record; this one is unchanged
     * @throws IllegalArgumentException {@code v} is out of range
     */
    public LiveOptions withPacketCount(long v) {
        return new LiveOptions(snaplen, promisc, timeoutMillis, bufferSize, nanoseconds, filter, v, durationMillis);
    }

    /**
     * These options with a different duration limit.
     *
     * @param v stop this many milliseconds after {@code open}, not negative; 0 for no limit
     * @return a new record; this one is unchanged
     * @throws IllegalArgumentException {@code v} is out of range
     */
    public LiveOptions withDurationMillis(long v) {
        return new LiveOptions(snaplen, promisc, timeoutMillis, bufferSize, nanoseconds, filter, packetCount, v);
    }
}
