package org.dissect4j.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.dissect4j.api.Packet;
import org.junit.jupiter.api.Test;

/** The one-entry cache in front of the map must not change what is found, nor the least-recently-seen order. */
class TcpConversationTableTest {
    private static final byte[] A = {10, 0, 0, 1}, B = {10, 0, 0, 2}, C = {10, 0, 0, 3};

    private static TcpConversationTable table(int max) {
        return new TcpConversationTable(max, Long.MAX_VALUE, Long.MAX_VALUE, new ReassemblyBudget(1 << 20, 1 << 20));
    }

    @Test
    void bothDirectionsFindTheSameConversation() {
        TcpConversationTable t = table(10);
        assertThat(t.probe(Packet.AT_IPV4, A, B, 1000, 80)).isTrue();
        assertThat(t.find()).isNull();
        TcpConversation c = t.create(0, 0);
        assertThat(t.probe(Packet.AT_IPV4, B, A, 80, 1000)).isFalse();
        assertThat(t.find()).isSameAs(c);
        assertThat(t.probe(Packet.AT_IPV4, A, B, 1000, 80)).isTrue();
        assertThat(t.find()).isSameAs(c);
        t.probe(Packet.AT_IPV4, A, B, 1001, 80);
        assertThat(t.find()).isNull();
        t.probe(Packet.AT_IPV4, A, C, 1000, 80);
        assertThat(t.find()).isNull();
    }

    @Test
    void hitsKeepTheLeastRecentlySeenOrderAndEvictedConversationsAreGone() {
        TcpConversationTable t = table(2);
        t.probe(Packet.AT_IPV4, A, B, 1, 80);
        TcpConversation ab = t.create(0, 0);
        t.probe(Packet.AT_IPV4, A, C, 1, 80);
        TcpConversation ac = t.create(1, 0);
        t.probe(Packet.AT_IPV4, A, B, 1, 80);
        assertThat(t.find()).isSameAs(ab); // now A-C is the least recently seen
        t.probe(Packet.AT_IPV4, A, B, 1, 80);
        assertThat(t.find()).isSameAs(ab); // a cache hit
        t.probe(Packet.AT_IPV4, B, C, 1, 80);
        TcpConversation bc = t.create(2, 0); // evicts A-C
        assertThat(ac.live).isFalse();
        t.probe(Packet.AT_IPV4, A, C, 1, 80);
        assertThat(t.find()).isNull();
        t.probe(Packet.AT_IPV4, B, C, 1, 80);
        assertThat(t.find()).isSameAs(bc);
        t.probe(Packet.AT_IPV4, A, B, 1, 80);
        assertThat(t.find()).isSameAs(ab);
        // replacing a conversation (same key) makes the old one unreachable, even though it was cached
        TcpConversation ab2 = t.create(3, 0);
        assertThat(ab.live).isFalse();
        assertThat(t.find()).isSameAs(ab2);
    }

    @Test
    void ipv6KeysStillUseEveryAddressByte() {
        TcpConversationTable t = table(10);
        byte[] x = new byte[16], y = new byte[16], z = new byte[16];
        x[15] = 1;
        y[15] = 2;
        z[15] = 2;
        z[0] = 1;
        t.probe(Packet.AT_IPV6, x, y, 1, 80);
        TcpConversation c = t.create(0, 0);
        t.probe(Packet.AT_IPV6, y, x, 80, 1);
        assertThat(t.find()).isSameAs(c);
        t.probe(Packet.AT_IPV6, x, z, 1, 80);
        assertThat(t.find()).isNull();
    }
}
