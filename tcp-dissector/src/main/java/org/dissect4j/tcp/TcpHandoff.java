package org.dissect4j.tcp;

import org.dissect4j.api.Conversation;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.HeuristicList;
import org.dissect4j.api.Packet;
import org.dissect4j.api.StreamReassembly;

/**
 * Hands payload to the next layer (Wireshark's {@code process_tcp_payload} and {@code decode_tcp_ports}):
 * the connection's claimed dissector, Decode As on the server, lower and higher port, the heuristics
 * (first or last, as set), the {@code tcp.port} table on those ports, then {@code data}. The next layer
 * sees the {@link TcpStreamContext} as {@link Packet#stream()} during the call; what it asked for is
 * read from there afterwards.
 */
final class TcpHandoff {
    /** Candidate ports in the order they are tried: the connection's server port, the lower, the higher. */
    private static final int SERVER = 0, LOW = 1, HIGH = 2;

    final TcpStreamContext ctx = new TcpStreamContext();
    private final TcpSettings settings;
    private DissectorTable portTable;
    private HeuristicList heuristics;
    private DissectorHandle dataHandle;

    TcpHandoff(TcpSettings settings) {
        this.settings = settings;
    }

    void wire(DissectorTable portTable, HeuristicList heuristics, DissectorHandle dataHandle) {
        this.portTable = portTable;
        this.heuristics = heuristics;
        this.dataHandle = dataHandle;
    }

    /** Data of the segment itself (current source); a keep-alive's byte goes to {@code data}. */
    void processPayload(Packet p, TcpSegment s, int off, int len, int seq, boolean can) {
        if (s.analysed(TcpAcked.KEEP_ALIVE)) {
            callData(p, -1, off, len);
            return;
        }
        if (settings.noSubdissectorOnError && s.analysed(TcpAcked.RETRANSMISSION | TcpAcked.OUT_OF_ORDER)) {
            return;
        }
        ctx.arm(can, false, seq, off, s.conv);
        decodeOn(p, s, -1, off, len);
    }

    /** Reassembled bytes (source {@code src}, offset 0); {@code can} whether the next layer may ask for more. */
    void processReassembled(Packet p, TcpSegment s, int src, int total, int seq, boolean can) {
        ctx.arm(can, true, seq, 0, s.conv);
        decodeOn(p, s, src, 0, total);
    }

    /** Tries the claimed dissector, Decode As ports, heuristics and ports as set, then data. */
    private void decodeOn(Packet p, TcpSegment s, int src, int off, int len) {
        StreamReassembly saved = p.stream();
        Conversation savedConversation = p.conversation();
        p.stream(ctx);
        p.conversation(s.conv.data(p.engine()));
        try {
            if (tryHandle(p, src, s.conv.handle, off, len)) {
                return;
            }
            DissectorTable table = portTable;
            int server = s.conv.serverPort, low = Math.min(s.sport, s.dport), high = Math.max(s.sport, s.dport);
            // Decode As overrides come first; the other candidate ports are tried later from the table.
            int later = 0;
            if (table != null) {
                for (int i = SERVER; i <= HIGH; i++) {
                    int port = candidate(i, server, low, high);
                    if (port == 0) {
                        continue;
                    }
                    if (!table.hasOverride(port)) {
                        later |= 1 << i;
                    } else if (tryHandle(p, src, table.get(port), off, len)) {
                        return;
                    }
                }
            }
            if (settings.tryHeuristicFirst && tryHeuristics(p, src, off, len)) {
                return;
            }
            for (int i = SERVER; i <= HIGH; i++) {
                if ((later & (1 << i)) != 0 && tryHandle(p, src, table.get(candidate(i, server, low, high)), off, len)) {
                    return;
                }
            }
            if (!settings.tryHeuristicFirst && tryHeuristics(p, src, off, len)) {
                return;
            }
            ctx.desegLen = 0;
            ctx.desegOffset = 0;
            callData(p, src, off, len);
        } finally {
            p.stream(saved);
            p.conversation(savedConversation);
        }
    }

    private static int candidate(int i, int server, int low, int high) {
        return i == SERVER ? server : i == LOW ? low : high;
    }

    private boolean tryHandle(Packet p, int src, DissectorHandle h, int off, int len) {
        if (h == null) {
            return false;
        }
        ctx.desegLen = 0;
        ctx.desegOffset = 0;
        int consumed = callOn(p, src, h, off, len);
        return consumed > 0 || ctx.desegLen != 0;
    }

    private boolean tryHeuristics(Packet p, int src, int off, int len) {
        HeuristicList list = heuristics;
        if (list == null) {
            return false;
        }
        for (int i = 0, n = list.size(); i < n; i++) {
            HeuristicList.Entry e = list.entry(i);
            if (e.enabled() && tryHandle(p, src, e.handle(), off, len)) {
                return true;
            }
        }
        return false;
    }

    /** Undissected bytes as {@code data}; like Wireshark's data dissector, it leaves the Protocol column alone. */
    private void callData(Packet p, int src, int off, int len) {
        if (dataHandle == null) {
            return;
        }
        String column = p.protocolColumn();
        callOn(p, src, dataHandle, off, len);
        p.protocolColumn(column);
    }

    private static int callOn(Packet p, int src, DissectorHandle h, int off, int len) {
        return src < 0 ? p.call(h, off, len) : p.callOnSource(src, h, off, len);
    }
}
