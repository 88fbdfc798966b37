package org.dissect4j.tcp;

/**
 * The analysis result of the segment being dissected (Wireshark's {@code struct tcp_acked}): one reused
 * instance per dissector, {@link #present} only when the analysis found something to say, which is also
 * when Wireshark shows the "SEQ/ACK analysis" subtree.
 */
final class TcpAcked {
    static final int RETRANSMISSION = 0x0001, LOST_PACKET = 0x0002, ACK_LOST_PACKET = 0x0004, KEEP_ALIVE = 0x0008,
            DUPLICATE_ACK = 0x0010, ZERO_WINDOW = 0x0020, ZERO_WINDOW_PROBE = 0x0040, ZERO_WINDOW_PROBE_ACK = 0x0080,
            KEEP_ALIVE_ACK = 0x0100, OUT_OF_ORDER = 0x0200, FAST_RETRANSMISSION = 0x0400, WINDOW_UPDATE = 0x0800,
            WINDOW_FULL = 0x1000, REUSED_PORTS = 0x2000, SPURIOUS_RETRANSMISSION = 0x4000;

    boolean present;
    int flags;
    long frameAcked;
    long ackRtt;
    long bytesInFlight;
    long pushBytesSent;
    int dupackNum;
    long dupackFrame;
    long rto;
    long rtoFrame;

    void clear() {
        present = false;
        flags = 0;
        frameAcked = 0;
        ackRtt = 0;
        bytesInFlight = 0;
        pushBytesSent = 0;
        dupackNum = 0;
        dupackFrame = 0;
        rto = 0;
        rtoFrame = 0;
    }

    /** Wireshark's {@code tcp_analyze_get_acked_struct(..., TRUE)}: from now on the packet has an analysis. */
    TcpAcked create() {
        present = true;
        return this;
    }
}
