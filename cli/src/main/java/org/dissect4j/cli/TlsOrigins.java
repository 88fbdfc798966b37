package org.dissect4j.cli;

import java.util.HashMap;
import java.util.Map;

/**
 * The TCP stream of each frame that can start a TLS session a later connection resumes: the frames
 * carrying a ServerHello (which issues a session ID) or a NewSessionTicket. {@code tls.resumption.origin_frame}
 * names such a frame; the reports turn it into "stream 0, frame 6". One entry per TLS connection or
 * ticket, not per packet.
 */
final class TlsOrigins {
    private final Map<Long, Integer> streamOfFrame = new HashMap<>();

    void record(long frame, int stream) {
        streamOfFrame.put(frame, stream);
    }

    /** The stream of {@code frame}, or -1 when it was not seen carrying a ServerHello or NewSessionTicket. */
    int streamOf(long frame) {
        Integer s = streamOfFrame.get(frame);
        return s == null ? -1 : s;
    }
}
