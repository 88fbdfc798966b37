package org.dissect4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.ConversationData;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Registrar;
import org.dissect4j.api.Settings;
import org.junit.jupiter.api.Test;

/** A plugin on a UDP port keeps per-conversation state without a table of its own; UDP's bound releases it. */
class UdpConversationDataTest {
    static final Protocol COUNTING = new Protocol("UDP Conversation Counter", "UCC", "ucc");
    static final Field SEEN = Field.define("ucc.seen", "Datagrams in this conversation", FieldType.UINT32).build();
    static final int PORT = 7777;

    static final class Count {
        int datagrams;
    }

    final List<Integer> released = new ArrayList<>();

    final class CountingPlugin implements DissectorPlugin {
        ConversationData<Count> counts;

        @Override
        public int apiVersion() {
            return DissectorPlugin.API_VERSION;
        }

        @Override
        public String name() {
            return "ucc";
        }

        @Override
        public void register(Registrar r) {
            r.protocol(COUNTING, SEEN);
            counts = r.conversationData("ucc.count", Count::new, c -> released.add(c.datagrams));
            r.dissector("ucc", COUNTING, (p, off, len) -> {
                Count c = counts.getOrCreate(p);
                p.tree().addGenerated(SEEN, ++c.datagrams);
                return len;
            });
        }

        @Override
        public void handoff(Registrar r) {
            r.table("udp.port").add(PORT, r.dissector("ucc"));
        }
    }

    private static byte[] datagram(String src, int sport, String dst) {
        return Pkt.eth(Pkt.B, Pkt.A, 0x0800, Pkt.ipv4(src, dst, 17, 1, 0, 64, Pkt.udp(sport, PORT, new byte[] {1, 2, 3}, src, dst)));
    }

    private long seen(Engine e, byte[] frame) {
        e.dissect(NetTestKit.frame(frame, 1, 1, 1_700_000_000_000_000_000L));
        return e.tree().valueOr(SEEN, -1);
    }

    @Test
    void eachConversationCountsItsOwnDatagramsInBothDirections() {
        Engine e = Engine.builder().discover(false).plugin(new NetPlugin()).plugin(new CountingPlugin()).build();
        e.tree().wantAll(true);
        assertThat(seen(e, datagram("10.0.0.1", 5000, "10.0.0.2"))).isEqualTo(1);
        assertThat(seen(e, datagram("10.0.0.1", 5000, "10.0.0.2"))).isEqualTo(2);
        assertThat(seen(e, datagram("10.0.0.3", 5000, "10.0.0.2"))).isEqualTo(1);
        assertThat(seen(e, datagram("10.0.0.1", 5001, "10.0.0.2"))).isEqualTo(1);
        assertThat(seen(e, datagram("10.0.0.1", 5000, "10.0.0.2"))).isEqualTo(3);
        assertThat(released).isEmpty();
    }

    @Test
    void theUdpTablesBoundReleasesThePluginsState() {
        Settings s = new Settings().set("udp.max_conversations", "16");
        Engine e = Engine.builder().discover(false).plugin(new NetPlugin()).plugin(new CountingPlugin()).settings(s).build();
        e.tree().wantAll(true);
        assertThat(seen(e, datagram("10.0.0.1", 5000, "10.0.0.2"))).isEqualTo(1);
        assertThat(seen(e, datagram("10.0.0.1", 5000, "10.0.0.2"))).isEqualTo(2);
        for (int i = 0; i < 15; i++) {
            seen(e, datagram("10.0.1." + i, 6000, "10.0.0.2"));
        }
        assertThat(NetTestKit.experts(e)).as("the 16th conversation still fitted").doesNotContain("udp.conversation_limit");
        seen(e, datagram("10.0.2.1", 6000, "10.0.0.2"));
        assertThat(NetTestKit.experts(e)).contains("udp.conversation_limit");
        assertThat(released).as("the 17th conversation cleared the full table").hasSize(16).contains(2);
        assertThat(seen(e, datagram("10.0.0.1", 5000, "10.0.0.2"))).as("forgotten: starts afresh").isEqualTo(1);
    }
}
