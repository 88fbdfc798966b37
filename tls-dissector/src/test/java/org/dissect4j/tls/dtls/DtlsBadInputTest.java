package org.dissect4j.tls.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.net.NetPlugin;
import org.dissect4j.testkit.Captures;
import org.dissect4j.testkit.Runner;
import org.dissect4j.tls.TlsPlugin;
import org.junit.jupiter.api.Test;

/**
 * Hostile DTLS: fragments that overlap, that lie past their message, of absurd lengths, with more holes than the
 * reassembly keeps, messages longer than the bounds, records cut at every length, and random corruption of real
 * datagrams. Never a dissector bug (an unexpected exception), the bounds hold, and the next datagram is dissected.
 */
class DtlsBadInputTest {
    private DtlsPlugin plugin;

    private Engine engine(Settings s) {
        plugin = new DtlsPlugin();
        Engine e = new Runner(s, new NetPlugin(), new TlsPlugin(), plugin).engine();
        e.tree().wantAll(true);
        return e;
    }

    private DtlsAssociations associations(Engine e) {
        return plugin.dtls().associations;
    }

    private static String info(DtlsDatagrams d, byte[] record) {
        Packet p = d.feed(DtlsDatagrams.udp(record, false));
        assertThat(DtlsDatagrams.bug(p)).isFalse();
        return p.info().toString();
    }

    @Test
    void overlappingFragmentsReassemble() {
        Engine e = engine(new Settings());
        DtlsDatagrams d = new DtlsDatagrams(e);
        byte[] body = new byte[100];
        body[0] = (byte) 0xfe;
        body[1] = (byte) 0xfd;
        byte[] a = java.util.Arrays.copyOfRange(body, 0, 60);
        byte[] b = java.util.Arrays.copyOfRange(body, 40, 100);
        assertThat(info(d, DtlsDatagrams.record(22, 0, DtlsDatagrams.fragment(1, 100, 0, 0, 60, a))))
                .isEqualTo("Client Hello (Fragment)");
        // the same bytes again, then a fragment overlapping it that ends the message
        assertThat(info(d, DtlsDatagrams.record(22, 1, DtlsDatagrams.fragment(1, 100, 0, 0, 60, a))))
                .isEqualTo("Client Hello (Fragment)");
        assertThat(info(d, DtlsDatagrams.record(22, 2, DtlsDatagrams.fragment(1, 100, 0, 40, 60, b))))
                .isEqualTo("Client Hello (Reassembled)");
    }

    @Test
    void fragmentsOutOfRangeAreReportedNotKept() {
        Engine e = engine(new Settings());
        DtlsDatagrams d = new DtlsDatagrams(e);
        // past the end of its message
        Packet p = d.feed(DtlsDatagrams.udp(DtlsDatagrams.record(22, 0,
                DtlsDatagrams.fragment(1, 100, 0, 0xffffff, 4, new byte[4])), false));
        assertThat(DtlsDatagrams.bug(p)).isFalse();
        assertThat(DtlsDatagrams.expert(p, "dtls.handshake.fragment_past_end_msg")).isTrue();
        // longer than its message, at offset 0
        p = d.feed(DtlsDatagrams.udp(DtlsDatagrams.record(22, 1, DtlsDatagrams.fragment(1, 2, 1, 0, 4, new byte[4])), false));
        assertThat(DtlsDatagrams.expert(p, "dtls.handshake.fragment_length.too_long")).isTrue();
        // a zero-length fragment inside a message
        p = d.feed(DtlsDatagrams.udp(DtlsDatagrams.record(22, 2, DtlsDatagrams.fragment(1, 100, 2, 10, 0, new byte[0])), false));
        assertThat(DtlsDatagrams.expert(p, "dtls.handshake.fragment_length.zero")).isTrue();
        // a fragment length running past the record (and the datagram)
        p = d.feed(DtlsDatagrams.udp(DtlsDatagrams.record(22, 3, DtlsDatagrams.fragment(1, 0xffffff, 3, 0, 0xfffff0,
                new byte[8])), false));
        assertThat(DtlsDatagrams.bug(p)).isFalse();
        assertThat(p.info().toString()).isEqualTo("Encrypted Handshake Message");
        assertThat(associations(e).reassemblyBytes).isZero();
    }

    @Test
    void messagesPastTheBoundsAreNotReassembled() {
        Settings s = new Settings();
        s.set("dtls.handshake.max_message_bytes", "65536");
        s.set("dtls.handshake.max_reassembly_bytes", "200000");
        Engine e = engine(s);
        DtlsDatagrams d = new DtlsDatagrams(e);
        Packet p = d.feed(DtlsDatagrams.udp(DtlsDatagrams.record(22, 0,
                DtlsDatagrams.fragment(11, 0xffffff, 0, 0, 16, new byte[16])), false));
        assertThat(DtlsDatagrams.expert(p, "dtls.handshake.reassembly_limit")).isTrue();
        // many messages of 60,000 bytes in many conversations: the global bound holds
        DtlsAssociations a = associations(e);
        for (int seq = 0; seq < 200; seq++) {
            d.feed(DtlsDatagrams.udp(DtlsDatagrams.record(22, seq, DtlsDatagrams.fragment(11, 60_000, seq, 0, 16, new byte[16])),
                    seq % 2 == 0));
            assertThat(a.reassemblyBytes).isLessThanOrEqualTo(200_000);
        }
        assertThat(a.reassemblyBytes).isPositive();
    }

    @Test
    void moreHolesThanKeptGiveTheMessageUp() {
        Engine e = engine(new Settings());
        DtlsDatagrams d = new DtlsDatagrams(e);
        boolean limit = false;
        for (int i = 0; i < 100; i++) {
            Packet p = d.feed(DtlsDatagrams.udp(DtlsDatagrams.record(22, i,
                    DtlsDatagrams.fragment(11, 1000, 0, i * 4, 2, new byte[2])), true));
            assertThat(DtlsDatagrams.bug(p)).isFalse();
            limit |= DtlsDatagrams.expert(p, "dtls.handshake.reassembly_limit");
        }
        assertThat(limit).isTrue();
    }

    @Test
    void everyCutOfRealDatagramsAndRandomCorruption() throws Exception {
        List<Captures.Packet> packets = Captures.read(DtlsTestKit.DIR.resolve("dtls12-mtu.pcap"));
        Engine e = engine(new Settings());
        DtlsDatagrams d = new DtlsDatagrams(e);
        int cuts = 0;
        for (Captures.Packet cp : packets) {
            for (int len = 42; len <= cp.data().length; len++) {
                assertThat(DtlsDatagrams.bug(d.feed(cp.data(), len))).as("cut at %d", len).isFalse();
                cuts++;
            }
        }
        Random r = new Random(17);
        for (int i = 0; i < 3000; i++) {
            byte[] f = packets.get(r.nextInt(packets.size())).data().clone();
            for (int k = 1 + r.nextInt(4); k > 0; k--) {
                f[42 + r.nextInt(f.length - 42)] = (byte) r.nextInt(256);
            }
            assertThat(DtlsDatagrams.bug(d.feed(f))).isFalse();
        }
        // and a whole datagram afterwards is dissected as before
        Packet p = d.feed(packets.get(0).data());
        assertThat(p.tree().has(DtlsFields.HS_TYPE)).isTrue();
        assertThat(cuts).isGreaterThan(2000);
        assertThat(associations(e).reassemblyBytes).isLessThanOrEqualTo(64L << 20);
    }
}
