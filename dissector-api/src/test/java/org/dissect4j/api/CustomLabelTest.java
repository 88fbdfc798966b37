package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link Tree#setLabel} and {@link Tree#appendLabel} (Wireshark's {@code proto_item_set_text} and
 * {@code proto_item_append_text}): what {@link TreeView#label} shows, only when an output wants labels.
 */
class CustomLabelTest {
    static final Protocol LBL = new Protocol("Label Test", "LBL", "lbl");
    static final Field FLAGS = Field.define("lbl.flags", "Flags", FieldType.UINT8).base(Base.HEX).build();
    static final Field KIND = Field.define("lbl.kind", "Kind", FieldType.UINT8).build();
    static final Field NOTE = Field.define("lbl.note", "Note", FieldType.STRING).build();

    /** Records flags, kind and a note; labels the first two when labels are wanted. */
    static final class Plugin implements DissectorPlugin {
        @Override
        public int apiVersion() {
            return DissectorPlugin.API_VERSION;
        }

        @Override
        public String name() {
            return "custom-label";
        }

        @Override
        public void register(Registrar r) {
            r.protocol(LBL, FLAGS, KIND, NOTE);
            r.dissector("frame", LBL, (p, off, len) -> {
                Tree t = p.tree();
                int flags = t.addUint(FLAGS, 0, 1, p.u8(0));
                int kind = t.addUint(KIND, 1, 1, p.u8(1));
                t.appendLabel(flags, ", Don't fragment");      // onto the composed "Flags: 0x02"
                t.setLabel(kind, "Kind: six");
                t.addString(NOTE, "a generated note");        // the scratch area moves on
                t.appendLabel(kind, " (6)");                   // copied to the end, then extended
                t.appendLabel(kind, " — µ");                   // extended in place, not ASCII
                return len;
            });
        }
    }

    private final Engine engine = Engine.builder().discover(false).plugin(new Plugin()).build();

    private Tree run(boolean labels) {
        engine.tree().wantAll(true);
        engine.tree().wantLabels(labels);
        return engine.dissect(TestFrames.frame(1, TestFrames.hex("02 06"), 999)).tree();
    }

    @Test
    void labelsSetAndAppendedAreShown() {
        Tree t = run(true);
        assertThat(t.wantsLabels()).isTrue();
        int flags = t.first(FLAGS);
        int kind = t.first(KIND);
        assertThat(t.hasCustomLabel(flags)).isTrue();
        assertThat(t.label(flags)).isEqualTo("Flags: 0x02, Don't fragment");
        assertThat(t.label(kind)).isEqualTo("Kind: six (6) — µ");
        assertThat(t.string(t.first(NOTE))).isEqualTo("a generated note");
        // the value is not touched by the label
        assertThat(t.text(kind)).isEqualTo("6");
    }

    @Test
    void withoutLabelsWantedNothingIsComposed() {
        Tree t = run(false);
        int kind = t.first(KIND);
        assertThat(t.hasCustomLabel(kind)).isFalse();
        assertThat(t.label(kind)).isEqualTo("Kind: 6");
        assertThat(t.label(t.first(FLAGS))).isEqualTo("Flags: 0x02");
    }

    @Test
    void theNextPacketStartsWithoutLabels() {
        run(true);
        engine.tree().wantLabels(true);
        Tree t = engine.dissect(TestFrames.frame(2, TestFrames.hex("00 01"), 999)).tree();
        assertThat(t.label(t.first(KIND))).isEqualTo("Kind: six (6) — µ");
        assertThat(t.label(t.first(FLAGS))).isEqualTo("Flags: 0x00, Don't fragment");
        assertThat(t.text(t.first(KIND))).isEqualTo("1");
    }

    @Test
    void bitPatternsOfBitItems() {
        StringBuilder sb = new StringBuilder();
        FieldFormat.bitPattern(0x45, 0xF0, 8, sb);
        assertThat(sb).hasToString("0100 ....");
        sb.setLength(0);
        FieldFormat.bitPattern(0x45, 0x0F, 8, sb);
        assertThat(sb).hasToString(".... 0101");
    }
}
