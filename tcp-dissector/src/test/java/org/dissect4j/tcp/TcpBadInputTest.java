package org.dissect4j.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.testkit.Packets.ACK;
import static org.dissect4j.testkit.Packets.PSH;
import static org.dissect4j.testkit.Packets.SYN;
import static org.dissect4j.testkit.Packets.bytes;
import static org.dissect4j.testkit.Packets.tcp;
import static org.dissect4j.testkit.Packets.tcpRaw;

import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.EngineFields;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.api.Tree;
import org.dissect4j.testkit.Feed;
import org.dissect4j.testkit.NetStubs;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/** Hostile and unusual TCP: truncation at every length, bad option lengths, bad data offsets, wrapping sequence numbers. */
class TcpBadInputTest {
    private static final int A = 0x0a630002, B = 0x0a630001;
    private static final int[] KINDS = {2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 19, 20, 21, 22, 23, 27, 28, 29, 30, 34, 76, 78, 99,
            172, 253, 254};

    private static Runner runner(Settings s) {
        return new Runner(s, new NetStubs(), new TcpPlugin());
    }

    /** Fields with a value from the frame's bytes that span bytes past the captured ones (outputs would read them). */
    private static List<String> pastCaptured(Tree t, int captured) {
        List<String> out = new ArrayList<>();
        for (int n = 0; n < t.size(); n++) {
            FieldType type = t.field(n).type();
            if (t.source(n) == 0 && type != FieldType.PROTOCOL && type != FieldType.NONE
                    && t.length(n) > 0 && t.offset(n) + t.length(n) > captured) {
                out.add(t.field(n).abbrev() + "@" + t.offset(n) + "+" + t.length(n));
            }
        }
        return out;
    }

    private static boolean bug(Packet p) {
        return p.tree().has(EngineFields.DISSECTOR_BUG.field());
    }

    @Test
    void everyCapturedLengthOfAFullSynIsSafe() {
        byte[] opts = bytes(2, 4, 5, 0xb4, 1, 3, 3, 7, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 0x22, 4, 0xaa, 0xbb);
        byte[] frame = tcp(A, B, 40000, 80, 1000, 0, SYN, 64240, opts, new byte[0]);
        Runner r = runner(new Settings());
        Feed f = new Feed(r.engine());
        for (int cap = 0; cap <= frame.length; cap++) {
            Packet p = f.next(frame, cap, 1000);
            assertThat(bug(p)).as("captured %d", cap).isFalse();
            assertThat(pastCaptured(p.tree(), cap)).as("captured %d", cap).isEmpty();
            if (cap >= 14 + 20 + 4) {
                assertThat(p.tree().has(TcpFields.SRCPORT)).isTrue();
            }
            if (cap >= 14 + 20) {
                // tshark names TCP in the column only once it has read both ports (Zeek's ip-discarder capture)
                assertThat(p.protocolColumn()).as("captured %d", cap).isEqualTo(cap < 14 + 20 + 4 ? "IPv4" : "TCP");
            }
            if (cap < frame.length && cap >= 34) {
                assertThat(p.truncated()).as("captured %d", cap).isTrue();
            }
        }
    }

    @Test
    void everyOptionKindAtEveryLengthIsSafe() {
        Runner r = runner(new Settings());
        Feed f = new Feed(r.engine());
        int port = 1000;
        for (int kind : KINDS) {
            for (int len = 0; len <= 40; len++) {
                byte[] opt = new byte[Math.min(40, Math.max(2, len))];
                opt[0] = (byte) kind;
                opt[1] = (byte) len;
                for (int i = 2; i < opt.length; i++) {
                    opt[i] = (byte) (i * 37);
                }
                for (int flags : new int[] {SYN, ACK}) {
                    byte[] frame = tcp(A, B, port++, 60000, 1, 1, flags, 100, opt, bytes(1, 2, 3));
                    Packet p = f.next(frame);
                    assertThat(bug(p)).as("kind %d len %d", kind, len).isFalse();
                    assertThat(p.tree().has(TcpFields.HDR_LEN)).isTrue();
                    if (len < 2 || len > opt.length) {
                        assertThat(p.tree().has(TcpExpert.OPT_LEN_INVALID.field())).as("kind %d len %d", kind, len).isTrue();
                    }
                    // Truncated captures of the same segment, at every length through the options.
                    for (int cap = 34; cap < frame.length - 3; cap += 3) {
                        Packet cut = f.next(frame, cap, 10);
                        assertThat(bug(cut)).isFalse();
                        assertThat(pastCaptured(cut.tree(), cap)).as("kind %d len %d captured %d", kind, len, cap).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void badDataOffsets() {
        Runner r = runner(new Settings());
        Feed f = new Feed(r.engine());
        for (int doff = 0; doff < 5; doff++) {
            Packet p = f.next(tcpRaw(A, B, 1, 2, 1, 1, ACK, 10, doff, new byte[0], new byte[0]));
            assertThat(bug(p)).isFalse();
            assertThat(p.tree().has(TcpExpert.BOGUS_HEADER_LENGTH.field())).isTrue();
            assertThat(p.info().toString()).contains("bogus TCP header length (" + doff * 4 + ", must be at least 20)");
        }
        for (int doff = 7; doff < 16; doff++) {
            Packet p = f.next(tcpRaw(A, B, 3, 4, 1, 1, ACK, 10, doff, bytes(1, 1, 1, 1), new byte[0]));
            assertThat(bug(p)).isFalse();
            assertThat(p.tree().has(TcpExpert.SHORT_SEGMENT.field())).isTrue();
            assertThat(p.tree().has(TcpFields.LEN)).isFalse();
        }
    }

    @Test
    void sequenceNumbersWrapPastTwoToThe32() {
        Runner r = runner(new Settings());
        Feed f = new Feed(r.engine());
        long isn = 0xffff_fff0L;
        f.next(tcp(A, B, 5000, 6000, isn, 0, SYN, 100, new byte[0], new byte[0]));
        f.next(tcp(B, A, 6000, 5000, 77, isn + 1, SYN | ACK, 100, new byte[0], new byte[0]));
        long seq = isn + 1;
        for (int i = 0; i < 4; i++) {
            Packet p = f.next(tcp(A, B, 5000, 6000, seq, 78, PSH | ACK, 100, new byte[0], new byte[10]));
            Tree t = p.tree();
            assertThat(t.valueOr(TcpFields.SEQ, -1)).isEqualTo(1 + 10L * i);
            assertThat(t.valueOr(TcpFields.SEQ_RAW, -1)).isEqualTo((seq & 0xffff_ffffL));
            assertThat(t.has(TcpExpert.LOST_SEGMENT.field())).isFalse();
            assertThat(t.has(TcpExpert.RETRANSMISSION.field())).isFalse();
            seq += 10;
            Packet a = f.next(tcp(B, A, 6000, 5000, 78, seq, ACK, 100, new byte[0], new byte[0]));
            assertThat(a.tree().valueOr(TcpFields.ACK, -1)).isEqualTo(1 + 10L * (i + 1));
            assertThat(a.tree().has(TcpExpert.ACK_LOST_SEGMENT.field())).isFalse();
        }
    }

    @Test
    void captureStartingMidStreamIsRelativeToTheFirstSegment() {
        Runner r = runner(new Settings());
        Feed f = new Feed(r.engine());
        Packet p = f.next(tcp(A, B, 7777, 8888, 123456, 999, PSH | ACK, 100, new byte[0], new byte[5]));
        assertThat(p.tree().valueOr(TcpFields.SEQ, -1)).isEqualTo(1);
        assertThat(p.tree().valueOr(TcpFields.ACK, -1)).isEqualTo(1);
        assertThat(p.tree().valueOr(TcpFields.WINDOW_SIZE_SCALEFACTOR, 0)).isEqualTo(-1);
        assertThat(p.tree().valueOr(TcpFields.COMPLETENESS, -1)).isEqualTo(0);
        p = f.next(tcp(A, B, 7777, 8888, 123461, 999, PSH | ACK, 100, new byte[0], new byte[5]));
        assertThat(p.tree().valueOr(TcpFields.SEQ, -1)).isEqualTo(6);
    }

    /** zeek tcp/timestamp.pcap: segments of 1448 bytes captured to 96; -V printed the next record's bytes. */
    @Test
    void aPayloadCutByTheSnaplenIsRecordedOverTheCapturedBytesAndCountsTheSegment() {
        Runner r = runner(new Settings());
        r.engine().tree().wantAll(true);
        Feed f = new Feed(r.engine());
        byte[] frame = tcp(A, B, 40000, 80, 1000, 1, PSH | ACK, 100, new byte[0], new byte[1448]);
        Packet p = f.next(frame, 96, 1000);
        Tree t = p.tree();
        int payload = t.first(TcpFields.PAYLOAD);
        assertThat(payload).isNotNegative();
        assertThat(t.offset(payload) + t.length(payload)).isEqualTo(96);
        assertThat(t.label(payload)).isEqualTo("TCP payload (1448 bytes)");
        p = f.next(tcp(A, B, 40000, 80, 2448, 1, PSH | ACK, 100, new byte[0], new byte[1]));
        assertThat(p.tree().label(p.tree().first(TcpFields.PAYLOAD))).isEqualTo("TCP payload (1 byte)");
    }
}
