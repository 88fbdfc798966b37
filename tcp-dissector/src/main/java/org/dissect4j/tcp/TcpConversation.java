package org.dissect4j.tcp;

import org.dissect4j.api.Conversation;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Engine;

/**
 * The state of one TCP connection (Wireshark's {@code struct tcp_analysis}): its stream index, both
 * directions, the handshake timestamps and what the upper layers asked for. Created for the first
 * segment of a connection, never per packet; freed by the {@link TcpConversationTable}.
 */
final class TcpConversation {
    final TcpConversationTable.Key key;
    final int stream;
    final TcpFlow flow1 = new TcpFlow();
    final TcpFlow flow2 = new TcpFlow();
    long tsFirst;
    long tsPrev;
    long tsMruSyn;
    long tsFirstRtt;
    int completeness;
    int serverPort;
    boolean tfoSynData;
    /** The dissector that claimed the connection (a heuristic that recognised its protocol). */
    DissectorHandle handle;
    /** Capture time of the last segment, for idle eviction. */
    long lastSeen;
    boolean closed;
    /** Set while this conversation is in the table. */
    boolean live = true;
    /** The upper layers' per-connection data ({@link org.dissect4j.api.ConversationData}), made on first hand-off. */
    private Conversation data;

    TcpConversation(TcpConversationTable.Key key, int stream, long now) {
        this.key = key;
        this.stream = stream;
        this.tsFirst = now;
        this.tsPrev = now;
        this.lastSeen = now;
    }

    /** The upper layers' data of this connection, made by {@code engine} the first time it is asked for. */
    Conversation data(Engine engine) {
        Conversation d = data;
        if (d == null) {
            d = engine.newConversation();
            data = d;
        }
        return d;
    }

    /** The table forgets this connection: the upper layers' data goes with it. */
    void releaseData() {
        if (data != null) {
            data.release();
            data = null;
        }
    }
}
