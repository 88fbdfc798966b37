package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** Values render exactly as tshark 4.0.17's {@code -T fields} prints them. */
class FieldFormatTest {
    static final Field HEX16 = Field.define("f.hex16", "Hex", FieldType.UINT16).base(Base.HEX).build();
    static final Field FLAGS = Field.define("f.flags", "Flags", FieldType.UINT8).base(Base.HEX).mask(0xE0, 8).build();
    static final Field DEC = Field.define("f.dec", "Dec", FieldType.UINT32).build();
    static final Field V6 = Field.define("f.v6", "V6", FieldType.IPv6).build();
    static final Field MAC = Field.define("f.mac", "Mac", FieldType.ETHER).build();
    static final Field BYTES = Field.define("f.bytes", "Bytes", FieldType.BYTES).build();
    static final Field EPOCH = Field.define("f.epoch", "Epoch", FieldType.ABSOLUTE_TIME).base(Base.UNIX_SECONDS).build();
    static final Field REL = Field.define("f.rel", "Rel", FieldType.RELATIVE_TIME).build();
    static final Field STR = Field.define("f.str", "Str", FieldType.STRING).build();
    static final Field NONE = Field.define("f.none", "None", FieldType.NONE).build();

    /** What {@link FieldFormat#value} prints for node {@code n}. */
    static String value(Tree t, int n) {
        StringBuilder sb = new StringBuilder();
        FieldFormat.value(t, n, sb);
        return sb.toString();
    }

    @Test
    void rendersLikeTshark() {
        byte[] b = TestFrames.hex("fd00 0077 0000 0000 0000 0000 0000 0001 0200 0077 0002 0402 4745 540d0a");
        Tree t = TestFrames.tree(HEX16, FLAGS, DEC, V6, MAC, BYTES, EPOCH, REL, STR, NONE);
        t.wantAll(true);
        t.reset(MemorySegment.ofArray(b), 0, b.length);
        assertThat(value(t, t.addUint(HEX16, 0, 2, 0x800))).isEqualTo("0x0800");
        assertThat(value(t, t.addUint(FLAGS, 0, 1, 0x40))).isEqualTo("0x02");
        assertThat(value(t, t.addUint(DEC, 0, 4, 0xFFFFFFFFL))).isEqualTo("4294967295");
        assertThat(value(t, t.add(V6, 0, 16))).isEqualTo("fd00:77::1");
        assertThat(value(t, t.add(MAC, 16, 6))).isEqualTo("02:00:00:77:00:02");
        assertThat(value(t, t.add(BYTES, 22, 2))).isEqualTo("0402");
        assertThat(value(t, t.addLong(EPOCH, 0, 0, 1_795_775_198_774_595_000L))).isEqualTo("1795775198.774595000");
        assertThat(value(t, t.addGenerated(REL, 39_000))).isEqualTo("0.000039000");
        assertThat(value(t, t.add(STR, 24, 5))).isEqualTo("GET\\r\\n");
        assertThat(value(t, t.add(NONE, 0, 0))).isEqualTo("1");
    }

    @Test
    void doublesPrintLikeCPercentG() {
        StringBuilder sb = new StringBuilder();
        FieldFormat.dbl(0.000012, sb);
        sb.append(' ');
        FieldFormat.dbl(1.5, sb);
        sb.append(' ');
        FieldFormat.dbl(3.0, sb);
        sb.append(' ');
        FieldFormat.dbl(0.1, sb);
        sb.append(' ');
        FieldFormat.dbl(1e20, sb);
        assertThat(sb).hasToString("1.2e-05 1.5 3 0.1 1e+20");
    }

    @Test
    void bitPatternShowsTheMask() {
        StringBuilder sb = new StringBuilder();
        FieldFormat.bitPattern(FLAGS, 0x2, sb);
        assertThat(sb).hasToString("010. ....");
    }
}
