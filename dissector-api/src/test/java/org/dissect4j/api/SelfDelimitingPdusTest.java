package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A self-delimiting protocol on {@link StreamPdus}: no header tells the length, a PDU is a text line
 * ended by LF (as in SMTP, POP, RESP simple strings). {@code pduLength} scans for the end of the line
 * and answers 0 ("not known yet") until it is there; the framing then asks for one more segment. This
 * is the example of docs/writing-a-dissector.md, section 5.
 */
class SelfDelimitingPdusTest {
    static final Protocol LINES = new Protocol("Line Test Protocol", "LINES", "linestest");
    static final Field LINE = Field.define("linestest.line", "Line", FieldType.STRING).build();

    /** One PDU per line; the line's text (without CR LF) is recorded. */
    static final class LineProtocol implements DissectorPlugin, StreamPdus.Framing {
        final StreamPdus pdus = new StreamPdus(1, this);      // a line has at least its LF
        StreamPdusTest.FakeStream stream;

        @Override
        public int apiVersion() {
            return DissectorPlugin.API_VERSION;
        }

        @Override
        public String name() {
            return "linestest";
        }

        @Override
        public void register(Registrar r) {
            r.protocol(LINES, LINE);
            r.dissector("frame", LINES, (p, off, len) -> {
                p.stream(stream);
                int used = pdus.dissect(p, off, len);
                p.stream(null);
                return used;
            });
        }

        @Override
        public int pduLength(Packet p, int offset, int available) {
            int lf = AsciiScan.indexOf(p, offset, offset + available, '\n');
            return lf < 0 ? 0 : lf + 1 - offset;             // 0: the end is not here yet
        }

        @Override
        public int dissectPdu(Packet p, int offset, int reportedLength, int capturedLength) {
            int end = offset + reportedLength - 1;           // the LF
            if (end > offset && p.u8(end - 1) == '\r') {
                end--;
            }
            p.tree().add(LINE, offset, end - offset);
            return reportedLength;
        }
    }

    private static List<String> lines(StreamPdusTest.FakeStream stream, String text) {
        LineProtocol plugin = new LineProtocol();
        plugin.stream = stream;
        Engine e = Engine.builder().discover(false).plugin(plugin).build();
        e.tree().wantAll(true);
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Tree t = e.dissect(new Frame().set(1, MemorySegment.ofArray(bytes), 0, bytes.length, bytes.length, 0, 0, 999)).tree();
        List<String> out = new ArrayList<>();
        for (int n = t.first(LINE); n >= 0; n = t.next(n)) {
            out.add(t.string(n));
        }
        return out;
    }

    @Test
    void completeLinesAreDissectedAndAnUnfinishedOneAsksForMore() {
        StreamPdusTest.FakeStream s = new StreamPdusTest.FakeStream(true);
        assertThat(lines(s, "EHLO a\r\nMAIL FROM:<b>\r\nRCPT")).containsExactly("EHLO a", "MAIL FROM:<b>");
        assertThat(s.asked).as("the line that starts at 8 + 15").containsExactly("23+segment");
    }

    @Test
    void withoutDesegmentationTheUnfinishedLineIsLeft() {
        StreamPdusTest.FakeStream s = new StreamPdusTest.FakeStream(false);
        assertThat(lines(s, "EHLO a\nRCPT")).containsExactly("EHLO a");
        assertThat(s.asked).isEmpty();
    }
}
