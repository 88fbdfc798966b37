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
 */
public record LiveOptions(int snaplen, boolean promisc, int timeoutMillis, int bufferSize, boolean nanoseconds,
                          String filter, long packetCount, long durationMillis) {
    public static final int DEFAULT_SNAPLEN = 262144;
    public static final int DEFAULT_TIMEOUT_MILLIS = 100;

    public LiveOptions {
        if (snaplen <= 0) {
            throw new IllegalArgumentException("snaplen must be positive: " + snaplen);
        }
        if (timeoutMillis < 0 || bufferSize < 0 || packetCount < 0 || durationMillis < 0) {
            throw new IllegalArgumentException("timeout, buffer size, packet count and duration must not be negative");
        }
    }

    /** snaplen 262144, promiscuous, 100 ms timeout, default buffer, nanoseconds, no filter, no limits. */
    public static LiveOptions defaults() {
        return new LiveOptions(DEFAULT_SNAPLEN, true, DEFAULT_TIMEOUT_MILLIS, 0, true, null, 0, 0);
    }

    public LiveOptions withSnaplen(int v) {
        return new LiveOptions(v, promisc, timeoutMillis, bufferSize, nanoseconds, filter, packetCount, durationMillis);
    }

    public LiveOptions withPromisc(boolean v) {
        return new LiveOptions(snaplen, v, timeoutMillis, bufferSize, nanoseconds, filter, packetCount, durationMillis);
    }

    public LiveOptions withTimeoutMillis(int v) {
        return new LiveOptions(snaplen, promisc, v, bufferSize, nanoseconds, filter, packetCount, durationMillis);
    }

    public LiveOptions withBufferSize(int v) {
        return new LiveOptions(snaplen, promisc, timeoutMillis, v, nanoseconds, filter, packetCount, durationMillis);
    }

    public LiveOptions withNanoseconds(boolean v) {
        return new LiveOptions(snaplen, promisc, timeoutMillis, bufferSize, v, filter, packetCount, durationMillis);
    }

    public LiveOptions withFilter(String v) {
        return new LiveOptions(snaplen, promisc, timeoutMillis, bufferSize, nanoseconds, v, packetCount, durationMillis);
    }

    public LiveOptions withPacketCount(long v) {
        return new LiveOptions(snaplen, promisc, timeoutMillis, bufferSize, nanoseconds, filter, v, durationMillis);
    }

    public LiveOptions withDurationMillis(long v) {
        return new LiveOptions(snaplen, promisc, timeoutMillis, bufferSize, nanoseconds, filter, packetCount, v);
    }
}
