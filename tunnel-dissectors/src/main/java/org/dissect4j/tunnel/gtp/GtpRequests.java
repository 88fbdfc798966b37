package org.dissect4j.tunnel.gtp;

/**
 * The GTPv1-C requests of one UDP conversation still waiting for their response, matched by sequence number as
 * packet-gtp.c matches them: the last {@value #CAPACITY} requests, overwritten oldest first, so the memory per
 * conversation is fixed and nothing is allocated per packet.
 */
final class GtpRequests {
    static final int CAPACITY = 16;
    private static final int ECHO_REQUEST = 1;
    private static final int CREATE_PDP_CONTEXT_REQUEST = 16;
    private static final int UPDATE_PDP_CONTEXT_REQUEST = 18;
    private static final int DELETE_PDP_CONTEXT_REQUEST = 20;

    private final int[] sequence = new int[CAPACITY];
    private final int[] requestType = new int[CAPACITY];
    private final long[] frame = new long[CAPACITY];
    private final long[] nanos = new long[CAPACITY];
    private int next;
    private long matchedFrame;
    private long matchedNanos;

    /** Whether packet-gtp.c pairs this message type with a response (its type plus one). */
    static boolean isRequest(int messageType) {
        return messageType == ECHO_REQUEST || messageType == CREATE_PDP_CONTEXT_REQUEST
                || messageType == UPDATE_PDP_CONTEXT_REQUEST || messageType == DELETE_PDP_CONTEXT_REQUEST;
    }

    /** Remembers a request; the same frame seen again (a second pass) is not added twice. */
    void request(int messageType, int seq, long frameNumber, long timestampNanos) {
        for (int i = 0; i < CAPACITY; i++) {
            if (frame[i] == frameNumber) {
                return;
            }
        }
        sequence[next] = seq;
        requestType[next] = messageType;
        frame[next] = frameNumber;
        nanos[next] = timestampNanos;
        next = (next + 1) % CAPACITY;
    }

    /**
     * Finds the latest earlier request that a response of this type and sequence number answers; then
     * {@link #matchedFrame()} and {@link #matchedNanos()} describe it.
     */
    boolean match(int responseType, int seq, long frameNumber) {
        for (int k = 1; k <= CAPACITY; k++) {
            int i = Math.floorMod(next - k, CAPACITY);
            if (frame[i] != 0 && frame[i] < frameNumber && sequence[i] == seq && requestType[i] + 1 == responseType) {
                matchedFrame = frame[i];
                matchedNanos = nanos[i];
                return true;
            }
        }
        return false;
    }

    long matchedFrame() {
        return matchedFrame;
    }

    long matchedNanos() {
        return matchedNanos;
    }
}
