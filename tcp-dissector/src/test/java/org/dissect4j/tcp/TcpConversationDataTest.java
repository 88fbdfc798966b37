package org.dissect4j.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.testkit.Packets.ACK;
import static org.dissect4j.testkit.Packets.PSH;
import static org.dissect4j.testkit.Packets.SYN;
import static org.dissect4j.testkit.Packets.tcp;

import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.ConversationData;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Registrar;
import org.dissect4j.api.Settings;
import org.dissect4j.testkit.Feed;
import org.dissect4j.testkit.NetStubs;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/** An upper layer's per-connection state lives on TCP's connection and goes exactly when TCP evicts it. */
class TcpConversationDataTest {
    private static final int SERVER = 0x0a630001;
    private static final int PORT = 9998;

    static final class Seen {
        int segments;
    }

    /** Counts the data segments of each connection on port 9998; records the count of each connection released. */
    static final class Counting implements DissectorPlugin {
        final List<Integer> released = new ArrayList<>();
        final List<Integer> counts = new ArrayList<>();
        ConversationData<Seen> seen;

        @Override
        public int apiVersion() {
            return API_VERSION;
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public void register(Registrar r) {
            seen = r.conversationData("counting.seen", Seen::new, s -> released.add(s.segments));
            r.dissector("counting", null, (p, o, l) -> {
                Seen s = seen.getOrCreate(p);
                counts.add(++s.segments);
                return l;
            });
        }

        @Override
        public void handoff(Registrar r) {
            r.table("tcp.port").add(PORT, r.dissector("counting"));
        }
    }

    private static void data(Feed f, int client, int clientPort, long seq) {
        f.next(tcp(client, SERVER, clientPort, PORT, seq, 1, ACK | PSH, 64240, new byte[0], new byte[] {1, 2, 3}), 57, 1000);
    }

    @Test
    void stateFollowsTheConnectionAndIsReleasedWhenTcpEvictsIt() {
        Counting counting = new Counting();
        Runner r = new Runner(new Settings().set("tcp.max_conversations", "16"), new NetStubs(), new TcpPlugin(), counting);
        Feed f = new Feed(r.engine());
        data(f, 0x0b000001, 40000, 1);
        data(f, 0x0b000001, 40000, 4);
        data(f, 0x0b000002, 40000, 1);
        assertThat(counting.counts).containsExactly(1, 2, 1);
        for (int i = 0; i < 15; i++) {   // 15 more connections make 17: the table keeps 16, the least recently seen goes
            f.next(tcp(0x0c000000 + i, SERVER, 50000, PORT, 100, 0, SYN, 64240, new byte[0], new byte[0]), 54, 1000);
        }
        assertThat(counting.released).as("the first connection, evicted with its two segments").containsExactly(2);
        data(f, 0x0b000001, 40000, 7);
        assertThat(counting.counts).as("a connection TCP forgot starts afresh").endsWith(1);
    }
}
