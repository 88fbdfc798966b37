package org.dissect4j.tunnel.socks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.testkit.Captures;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/**
 * A second pass ({@code -2}) decodes every handshake message as the first did: the connection's state is put back
 * to what each handshake frame found. Frames of the tunnel are left out: on a second pass they show what TCP's
 * reassembly hands on then. The reference is tshark
 * 4.0.17's {@code -2} (socks.pcap.2pass.tsv), whose Info differs from its single pass: SOCKS 4 messages show
 * {@code Version: 4} only, and a SOCKS 5 request cut short names its command before the malformed mark.
 */
class SocksTwoPassTest {
    @Test
    void theSecondPassShowsWhatTheFirstShowed() throws Exception {
        Runner r = new Runner(new Settings(), SocksCapturesTest.plugins());
        Engine e = r.engine();
        e.keepState(true);
        e.columns(true);
        List<Captures.Packet> packets = Captures.read(SocksCapturesTest.resource("socks.pcap"));
        Runner.Table golden = Runner.golden(SocksCapturesTest.resource("socks.pcap.2pass.tsv"));
        int protocols = golden.column("frame.protocols");
        int info = golden.column("_ws.col.Info");
        for (int i = 0; i < packets.size(); i++) {
            e.dissect(frame(packets.get(i), i + 1), false);
        }
        e.keepState(false);
        int compared = 0;
        for (int i = 0; i < packets.size(); i++) {
            Packet p = e.dissect(frame(packets.get(i), i + 1), true);
            String[] want = golden.rows().get(i);
            if (!want[protocols].endsWith(":socks") || want[info].endsWith("[TCP segment of a reassembled PDU]")) {
                continue;   // tunnelled frames: what they show on a second pass is TCP's reassembly's (not checked here)
            }
            assertThat(r.render(p, "frame.protocols")).as("frame %d", i + 1).isEqualTo(want[protocols]);
            assertThat(r.render(p, "_ws.col.Info")).as("frame %d", i + 1).isEqualTo(want[info]);
            compared++;
        }
        assertThat(compared).isGreaterThan(30);
    }

    private static Frame frame(Captures.Packet cp, long number) {
        byte[] b = cp.data();
        return new Frame().set(number, MemorySegment.ofArray(b), 0, b.length, cp.originalLength(), cp.timestampNanos(), 0,
                cp.linkType());
    }
}
