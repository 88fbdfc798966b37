package org.dissect4j.tcp;

import org.dissect4j.api.Settings;

/**
 * TCP preferences, read once at registration. Names and defaults are Wireshark 4.0's where Wireshark has
 * the preference ({@code -o tcp.check_checksum:TRUE}); the bounds are dissect4j's own.
 *
 * <table>
 * <caption>Settings</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>tcp.analyze_sequence_numbers</td><td>true</td><td>sequence analysis and relative numbers</td></tr>
 * <tr><td>tcp.relative_sequence_numbers</td><td>true</td><td>show sequence numbers relative to the ISN</td></tr>
 * <tr><td>tcp.desegment_tcp_streams</td><td>true</td><td>reassemble PDUs for the next layer</td></tr>
 * <tr><td>tcp.check_checksum</td><td>false</td><td>validate the checksum</td></tr>
 * <tr><td>tcp.try_heuristic_first</td><td>false</td><td>heuristics before the port table</td></tr>
 * <tr><td>tcp.calculate_timestamps</td><td>true</td><td>{@code tcp.time_relative}, {@code tcp.time_delta}</td></tr>
 * <tr><td>tcp.track_bytes_in_flight</td><td>true</td><td>{@code tcp.analysis.bytes_in_flight}</td></tr>
 * <tr><td>tcp.bif_seq_based</td><td>false</td><td>bytes in flight from sequence numbers</td></tr>
 * <tr><td>tcp.default_window_scaling</td><td>-1</td><td>shift to assume when the SYNs were not seen</td></tr>
 * <tr><td>tcp.no_subdissector_on_error</td><td>true</td><td>do not hand retransmissions to the next layer</td></tr>
 * <tr><td>tcp.ignore_tcp_timestamps</td><td>false</td><td>leave TSval/TSecr out of Info</td></tr>
 * <tr><td>tcp.fastrt_supersedes_ooo</td><td>true</td><td>fast retransmission wins over out-of-order</td></tr>
 * <tr><td>tcp.max_conversations</td><td>100000</td><td>connections tracked at once (least recently seen dropped)</td></tr>
 * <tr><td>tcp.idle_timeout</td><td>3600</td><td>seconds of capture time after which an idle connection is dropped</td></tr>
 * <tr><td>tcp.closed_timeout</td><td>600</td><td>the same for connections closed by FIN both ways or RST</td></tr>
 * <tr><td>tcp.reassembly.max_stream_bytes</td><td>16777216</td><td>bytes one direction may buffer for one PDU</td></tr>
 * <tr><td>tcp.reassembly.max_total_bytes</td><td>67108864</td><td>bytes all streams together may buffer</td></tr>
 * </table>
 */
public final class TcpSettings {
    final boolean analyzeSeq;
    final boolean relativeSeq;
    final boolean desegment;
    final boolean checkChecksum;
    final boolean tryHeuristicFirst;
    final boolean calculateTimestamps;
    final boolean trackBytesInFlight;
    final boolean bifSeqBased;
    final int defaultWindowScaling;
    final boolean noSubdissectorOnError;
    final boolean ignoreTimestamps;
    final boolean fastRetransmissionFirst;
    final int maxConversations;
    final long idleTimeoutNanos;
    final long closedTimeoutNanos;
    final int maxStreamReassemblyBytes;
    final long maxReassemblyBytes;

    /** Reads the settings (unknown ones keep their defaults). */
    public TcpSettings(Settings s) {
        analyzeSeq = s.bool("tcp.analyze_sequence_numbers", true);
        relativeSeq = s.bool("tcp.relative_sequence_numbers", true);
        desegment = s.bool("tcp.desegment_tcp_streams", true);
        checkChecksum = s.bool("tcp.check_checksum", false);
        tryHeuristicFirst = s.bool("tcp.try_heuristic_first", false);
        calculateTimestamps = s.bool("tcp.calculate_timestamps", true);
        trackBytesInFlight = s.bool("tcp.track_bytes_in_flight", true);
        bifSeqBased = s.bool("tcp.bif_seq_based", false);
        defaultWindowScaling = (int) Math.max(-1, Math.min(14, s.integer("tcp.default_window_scaling", -1)));
        noSubdissectorOnError = s.bool("tcp.no_subdissector_on_error", true);
        ignoreTimestamps = s.bool("tcp.ignore_tcp_timestamps", false);
        fastRetransmissionFirst = s.bool("tcp.fastrt_supersedes_ooo", true);
        maxConversations = (int) Math.max(16, Math.min(Integer.MAX_VALUE, s.integer("tcp.max_conversations", 100_000)));
        idleTimeoutNanos = Math.max(1, s.integer("tcp.idle_timeout", 3600)) * 1_000_000_000L;
        closedTimeoutNanos = Math.max(0, s.integer("tcp.closed_timeout", 600)) * 1_000_000_000L;
        maxStreamReassemblyBytes = (int) Math.max(1024, Math.min(1 << 30,
                s.integer("tcp.reassembly.max_stream_bytes", 16L << 20)));
        maxReassemblyBytes = Math.max(maxStreamReassemblyBytes,
                s.integer("tcp.reassembly.max_total_bytes", 64L << 20));
    }
}
