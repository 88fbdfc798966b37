package org.dissect4j.cli;

import java.io.PrintStream;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;

/**
 * {@code --handshakes}: per TCP stream, how the connection opened and ended — endpoints, each side's
 * ISN, initial window and SYN options (MSS, window scale, SACK permitted, timestamps), whether window
 * scaling is in effect, whether the 3-way handshake completed and its initial RTT, how it closed (see
 * {@link TcpLifecycle}), which part of it the capture holds, bytes and frames each way — and, when the
 * TLS dissector is loaded and the packets carry its fields, the TLS handshake: version, cipher suite,
 * SNI, ALPN, full or resumed (session ID, and the stream and frame a resumed session came from), the
 * server certificate, HelloRetryRequest, JA3/JA3S/JA4, handshake duration and the alerts in clear.
 * Text (an overview table, then a block per connection) or, with {@code -T json}, the same as a JSON array.
 *
 * <p>The sink: {@link HandshakeCollector} gathers the connections from the packets {@code -Y} shows,
 * {@link HandshakeText} or {@link HandshakeJson} prints them at the end.
 */
final class HandshakeReport implements Sink {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final int limit;
    private final HandshakeCollector collector;

    /** A report of at most {@link ReportLimits#DEFAULT} connections; notes on stderr. */
    HandshakeReport(PrintStream out, boolean json) {
        this(out, json, ReportLimits.DEFAULT, System.err);
    }

    /**
     * @param json {@code -T json}: print a JSON array instead of the text report
     * @param limit connections kept ({@code --report-limit}): later ones are counted and named in a note on {@code err}
     */
    HandshakeReport(PrintStream out, boolean json, int limit, PrintStream err) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.limit = limit;
        this.collector = new HandshakeCollector(limit);
    }

    @Override
    public void prime(Engine engine) {
        collector.prime(engine);
    }

    @Override
    public void packet(Frame frame, Packet p) {
        collector.packet(frame, p);
    }

    @Override
    public void finish() {
        if (json) {
            HandshakeJson.render(collector.connections(), out::append);
        } else {
            HandshakeText.render(collector.connections(), out::append);
        }
        out.flush();
        ReportLimits.note(err, "--handshakes", limit, "connections", collector.notKept(), "later connections are not");
    }
}
