package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link StreamPdus} over a fake {@link StreamReassembly}: PDUs are framed by their length, a PDU
 * that does not fit asks for exactly the bytes it misses, a split header asks for one more
 * segment, and without desegmentation the last PDU is dissected with what there is.
 */
class StreamPdusTest {
    static final Protocol LP = new Protocol("Length Prefixed Test Protocol", "LP", "lptest");

    /** Records what the framing asks of the transport. */
    static final class FakeStream implements StreamReassembly {
        final boolean canDesegment;
        final List<String> asked = new ArrayList<>();

        FakeStream(boolean canDesegment) {
            this.canDesegment = canDesegment;
        }

        @Override
        public boolean canDesegment() {
            return canDesegment;
        }

        @Override
        public void needMore(int offset, int moreBytes) {
            asked.add(offset + "+" + (moreBytes == ONE_MORE_SEGMENT ? "segment" : String.valueOf(moreBytes)));
        }

        @Override
        public boolean isReassembled() {
            return false;
        }

        @Override
        public long sequence() {
            return 0;
        }

        @Override
        public int streamIndex() {
            return 0;
        }

        @Override
        public void claim(DissectorHandle handle) {
        }
    }

    /** PDU: type (1), payload length (1), payload; the fixed part is the 2-byte header. */
    static final class Plugin implements DissectorPlugin, StreamPdus.Framing {
        final List<String> pdus = new ArrayList<>();
        FakeStream stream;
        int consumed = -1;

        @Override
        public int apiVersion() {
            return DissectorPlugin.API_VERSION;
        }

        @Override
        public String name() {
            return "lptest";
        }

        @Override
        public void register(Registrar r) {
            r.protocol(LP);
            r.dissector("frame", LP, (p, off, len) -> {
                p.stream(stream);
                consumed = StreamPdus.dissect(p, off, len, 2, this);
                p.stream(null);
                return len;
            });
        }

        @Override
        public int pduLength(Packet p, int offset, int available) {
            return 2 + p.u8(offset + 1);
        }

        @Override
        public int dissectPdu(Packet p, int offset, int length) {
            pdus.add(offset + ":" + length);
            return length;
        }
    }

    private static Plugin run(FakeStream stream, String hex) {
        Plugin plugin = new Plugin();
        plugin.stream = stream;
        Engine e = Engine.builder().discover(false).plugin(plugin).build();
        e.dissect(TestFrames.frame(1, TestFrames.hex(hex), 999));
        return plugin;
    }

    /** Frames {@code hex} over a stream that can desegment (or not) and checks what came of it. */
    private static void assertFraming(boolean canDesegment, String hex, int consumed, List<String> pdus, String... asked) {
        FakeStream s = new FakeStream(canDesegment);
        Plugin p = run(s, hex);
        assertThat(p.pdus).isEqualTo(pdus);
        assertThat(p.consumed).isEqualTo(consumed);
        assertThat(s.asked).containsExactly(asked);
    }

    @Test
    void aWholePduIsDissectedAndConsumed() {
        assertFraming(true, "01 03 aa bb cc", 5, List.of("0:5"));
    }

    @Test
    void twoPdusInOneSegmentAreBothDissected() {
        assertFraming(true, "01 01 aa  02 02 bb cc", 7, List.of("0:3", "3:4"));
    }

    @Test
    void aPduCutShortAsksForExactlyTheMissingBytes() {
        // the second PDU is 2 + 5 = 7 bytes long, 3 are here: 4 are missing
        assertFraming(true, "01 01 aa  02 05 bb", 3, List.of("0:3"), "3+4");
    }

    @Test
    void aSplitHeaderAsksForOneMoreSegment() {
        // one byte of the second PDU's 2-byte header: its length cannot be told yet
        assertFraming(true, "01 01 aa  02", 3, List.of("0:3"), "3+segment");
    }

    @Test
    void aCutPduAtTheStartConsumesNothing() {
        assertFraming(true, "01 09 aa bb", 0, List.of(), "0+7");
    }

    @Test
    void withoutDesegmentationTheLastPduGetsWhatThereIs() {
        assertFraming(false, "01 01 aa  02 05 bb", 6, List.of("0:3", "3:3"));

        Plugin none = run(null, "01 01 aa  02 05 bb");
        assertThat(none.pdus).containsExactly("0:3", "3:3");
        assertThat(none.consumed).isEqualTo(6);
    }
}
