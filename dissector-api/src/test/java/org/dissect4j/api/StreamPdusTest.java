package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link StreamPdus} over a fake {@link StreamReassembly}: PDUs are framed by their length, a PDU
 * that does not fit asks for exactly the bytes it misses, a split header asks for one more
 * segment, and without desegmentation the last PDU is dissected with what there is. Each PDU gets
 * two lengths, reported and captured, and a window where a read past the captured bytes is
 * truncated and a read past the PDU length malformed.
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
        /** Where {@link #pduLength} was asked, and with how many bytes available. */
        final List<String> lengths = new ArrayList<>();
        final StreamPdus framing;
        FakeStream stream;
        int consumed = -1;
        /** How far into each PDU {@link #dissectPdu} reads (0: not at all). */
        int readTo;
        /** Whether {@link #dissectPdu} returns {@link StreamPdus#STOP}. */
        boolean stop;

        Plugin(boolean narrow) {
            framing = narrow ? new StreamPdus(2, this) : StreamPdus.unnarrowed(2, this);
        }

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
                consumed = framing.dissect(p, off, len);
                p.stream(null);
                return len;
            });
        }

        @Override
        public int pduLength(Packet p, int offset, int available) {
            lengths.add(offset + "~" + available);
            return 2 + p.u8(offset + 1);
        }

        @Override
        public int dissectPdu(Packet p, int offset, int reportedLength, int capturedLength) {
            pdus.add(offset + ":" + reportedLength + "/" + capturedLength);
            p.tree().add(EngineFields.DATA_DATA, offset, 1);
            if (readTo > 0) {
                p.u8(offset + readTo - 1);
            }
            return stop ? StreamPdus.STOP : reportedLength;
        }
    }

    private static Plugin run(FakeStream stream, String hex) {
        return run(stream, hex, 0, 0, false).plugin;
    }

    private record Run(Plugin plugin, Packet packet) {
    }

    /** Dissects {@code hex} as a frame of {@code original} bytes (0: as many as captured); each PDU reads its byte {@code readTo}. */
    private static Run run(FakeStream stream, String hex, int original, int readTo, boolean stop) {
        return run(true, stream, hex, original, readTo, stop);
    }

    /** As above, with a loop that narrows each PDU to its window or ({@code narrow} false) an {@link StreamPdus#unnarrowed} one. */
    private static Run run(boolean narrow, FakeStream stream, String hex, int original, int readTo, boolean stop) {
        Plugin plugin = new Plugin(narrow);
        plugin.stream = stream;
        plugin.readTo = readTo;
        plugin.stop = stop;
        Engine e = Engine.builder().discover(false).plugin(plugin).build();
        e.tree().wantAll(true);
        byte[] bytes = TestFrames.hex(hex);
        Frame f = new Frame().set(1, MemorySegment.ofArray(bytes), 0, bytes.length, Math.max(original, bytes.length),
                1_700_000_000_000_000_000L, 0, 999);
        Packet p = e.dissect(f);
        return new Run(plugin, p);
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
        assertFraming(true, "01 03 aa bb cc", 5, List.of("0:5/5"));
    }

    @Test
    void twoPdusInOneSegmentAreBothDissected() {
        assertFraming(true, "01 01 aa  02 02 bb cc", 7, List.of("0:3/3", "3:4/4"));
    }

    @Test
    void aPduCutShortAsksForExactlyTheMissingBytes() {
        // the second PDU is 2 + 5 = 7 bytes long, 3 are here: 4 are missing
        assertFraming(true, "01 01 aa  02 05 bb", 3, List.of("0:3/3"), "3+4");
    }

    @Test
    void aSplitHeaderAsksForOneMoreSegment() {
        // one byte of the second PDU's 2-byte header: its length cannot be told yet
        assertFraming(true, "01 01 aa  02", 3, List.of("0:3/3"), "3+segment");
    }

    @Test
    void aCutPduAtTheStartConsumesNothing() {
        assertFraming(true, "01 09 aa bb", 0, List.of(), "0+7");
    }

    @Test
    void withoutDesegmentationTheLastPduGetsWhatThereIs() {
        // the second PDU is 7 bytes long (reported), 3 of them are here (captured)
        assertFraming(false, "01 01 aa  02 05 bb", 6, List.of("0:3/3", "3:7/3"));

        Plugin none = run(null, "01 01 aa  02 05 bb");
        assertThat(none.pdus).containsExactly("0:3/3", "3:7/3");
        assertThat(none.consumed).isEqualTo(6);
    }

    @Test
    void aReadPastThePduLengthIsMalformedAndEndsOnlyThatPdu() {
        // each PDU reads its 4th byte: past the 3-byte PDUs, within the data
        Run r = run(new FakeStream(true), "01 01 aa  02 01 bb", 0, 4, false);
        assertThat(r.plugin.pdus).containsExactly("0:3/3", "3:3/3");
        assertThat(r.packet.malformed()).isTrue();
        assertThat(r.packet.truncated()).isFalse();
    }

    @Test
    void aReadPastTheCapturedBytesIsTruncated() {
        // 6 of the frame's 9 bytes captured: the second PDU (2 + 4) has 3 of its 6 bytes
        Run r = run(new FakeStream(false), "01 01 aa  02 04 bb", 9, 6, false);
        assertThat(r.plugin.pdus).containsExactly("0:3/3", "3:6/3");
        assertThat(r.packet.truncated()).isTrue();
        assertThat(r.packet.malformed()).isTrue();   // the first PDU read past its 3 bytes
        Run second = run(new FakeStream(false), "01 01 aa  02 04 bb", 9, 3, false);
        assertThat(second.packet.malformed()).isFalse();
        assertThat(second.packet.truncated()).isFalse();
        Run cut = run(new FakeStream(false), "01 01 aa  02 04 bb", 9, 5, false);
        assertThat(cut.packet.truncated()).isTrue();
        assertThat(cut.packet.malformed()).isTrue();
    }

    @Test
    void aPduCutByTheEndOfTheDataIsTruncatedNotMalformed() {
        // no desegmentation; the second PDU (2 + 5) continues past the frame: reading its 5th byte
        Run r = run(new FakeStream(false), "01 04 aa bb cc dd  02 05 bb cc", 0, 5, false);
        assertThat(r.plugin.pdus).containsExactly("0:6/6", "6:7/4");
        assertThat(r.packet.truncated()).isTrue();
        assertThat(r.packet.malformed()).isFalse();
        Run within = run(new FakeStream(false), "01 04 aa bb cc dd  02 05 bb cc", 0, 4, false);
        assertThat(within.packet.truncated()).isFalse();
        assertThat(within.packet.malformed()).isFalse();
        Run past = run(new FakeStream(false), "01 04 aa bb cc dd  02 05 bb cc", 0, 7, false);
        assertThat(past.packet.truncated()).isTrue();
        assertThat(past.packet.malformed()).isTrue();   // the first PDU read past its 6 bytes
    }

    @Test
    void aPartialPduKeepsItsFieldsUpToTheCut() {
        Run r = run(new FakeStream(false), "01 04 aa bb cc dd  02 05 bb cc", 0, 6, false);
        assertThat(r.plugin.pdus).containsExactly("0:6/6", "6:7/4");
        // one field per PDU, added before the read that threw
        Tree t = r.packet.tree();
        int data = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.field(i) == EngineFields.DATA_DATA) {
                data++;
            }
        }
        assertThat(data).isEqualTo(2);
    }

    @Test
    void stopLeavesTheRestOfTheData() {
        Run r = run(new FakeStream(true), "01 01 aa  02 01 bb", 0, 0, true);
        assertThat(r.plugin.pdus).containsExactly("0:3/3");
        assertThat(r.plugin.consumed).isEqualTo(6);
    }

    // ---- unnarrowed ---------------------------------------------------------------------------------

    @Test
    void unnarrowedFramesAsTheNarrowedLoop() {
        FakeStream s = new FakeStream(true);
        Run r = run(false, s, "01 01 aa  02 05 bb", 0, 0, false);
        assertThat(r.plugin.pdus).containsExactly("0:3/3");
        assertThat(r.plugin.consumed).isEqualTo(3);
        assertThat(s.asked).containsExactly("3+4");
        Run cut = run(false, new FakeStream(false), "01 01 aa  02 05 bb", 0, 0, false);
        assertThat(cut.plugin.pdus).containsExactly("0:3/3", "3:7/3");
        Run stop = run(false, new FakeStream(true), "01 01 aa  02 01 bb", 0, 0, true);
        assertThat(stop.plugin.pdus).containsExactly("0:3/3");
        assertThat(stop.plugin.consumed).isEqualTo(6);
    }

    @Test
    void unnarrowedPduReadsPastItsEndIntoTheNext() {
        // each PDU reads its 4th byte: the first PDU's is the next PDU's type byte
        Run r = run(false, new FakeStream(true), "01 01 aa  02 02 bb cc", 0, 4, false);
        assertThat(r.plugin.pdus).containsExactly("0:3/3", "3:4/4");
        assertThat(r.packet.malformed()).isFalse();
        assertThat(r.plugin.consumed).isEqualTo(7);
        Run narrowed = run(true, new FakeStream(true), "01 01 aa  02 02 bb cc", 0, 4, false);
        assertThat(narrowed.packet.malformed()).isTrue();
    }

    @Test
    void unnarrowedBoundsExceptionEndsTheCall() {
        // the first PDU reads far past the data: the loop ends there, and so does the caller's call
        Run r = run(false, new FakeStream(true), "01 01 aa  02 01 bb", 0, 20, false);
        assertThat(r.plugin.pdus).containsExactly("0:3/3");
        assertThat(r.plugin.consumed).isEqualTo(-1);
        assertThat(r.packet.malformed()).isTrue();
        Run narrowed = run(true, new FakeStream(true), "01 01 aa  02 01 bb", 0, 20, false);
        assertThat(narrowed.plugin.pdus).containsExactly("0:3/3", "3:3/3");
        assertThat(narrowed.plugin.consumed).isEqualTo(6);
    }

    @Test
    void unnarrowedAsksThePduLengthWhenNothingIsCaptured() {
        // 3 of the frame's 5 bytes captured, cut at a PDU boundary
        Run r = run(false, new FakeStream(false), "01 01 aa", 5, 0, false);
        assertThat(r.plugin.lengths).containsExactly("0~3", "3~0");
        assertThat(r.packet.truncated()).isTrue();   // pduLength read the length byte
        Run narrowed = run(true, new FakeStream(false), "01 01 aa", 5, 0, false);
        assertThat(narrowed.plugin.lengths).containsExactly("0~3");
        assertThat(narrowed.packet.truncated()).isTrue();   // the loop threw
    }
}
