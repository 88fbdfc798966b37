package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What plugin authors asked for: optional wiring, heuristic handles, the matched key, one-call items. */
class PluginConveniencesTest {
    static final Protocol CONV = new Protocol("Conveniences Test", "CONV", "conv");
    static final Field PORT = Field.define("conv.port", "Port", FieldType.UINT16).build();
    static final Field HIGH = Field.define("conv.high", "High", FieldType.UINT16).mask(0xF000).build();
    static final Field SIGNED = Field.define("conv.signed", "Signed", FieldType.INT8).build();
    static final Field FLAG = Field.define("conv.flag", "Flag", FieldType.BOOLEAN).mask(0x01, 8).build();
    static final Field WIDE = Field.define("conv.wide", "Wide", FieldType.UINT48).build();
    static final Field NAME = Field.define("conv.name", "Name", FieldType.STRING).build();
    static final Protocol INNER = new Protocol("Conveniences Inner", "CONVIN", "convin");

    final List<Long> matched = new ArrayList<>();
    final List<String> wiring = new ArrayList<>();

    final class Plugin implements DissectorPlugin {
        DissectorTable table;

        @Override
        public int apiVersion() {
            return DissectorPlugin.API_VERSION;
        }

        @Override
        public String name() {
            return "conveniences";
        }

        @Override
        public void register(Registrar r) {
            r.protocol(CONV, PORT, HIGH, SIGNED, FLAG, WIDE, NAME);
            r.protocol(INNER);
            table = r.newTable("conv.port", "Conveniences port", FieldType.UINT16, Base.DEC);
            r.dissector("frame", CONV, (p, off, len) -> {
                p.tree().open(CONV.field(), off, len);
                long port = p.item(PORT, off);
                p.item(HIGH, off + 2);
                p.item(SIGNED, off + 4);
                p.item(FLAG, off + 5, 1);
                p.item(WIDE, off + 6);
                p.tree().close();
                p.callTable(table, port, off + 12, len - 12);
                wiring.add("after call: " + p.matchedKey());
                return len;
            });
            r.dissector("convin", INNER, (p, off, len) -> {
                matched.add(p.matchedKey());
                return len;
            });
        }

        @Override
        public void handoff(Registrar r) {
            r.table("conv.port").add(7000, r.dissector("convin"));
            wiring.add("tcp.port " + r.findTable("tcp.port").isPresent());
            wiring.add("conv.port " + r.findTable("conv.port").isPresent());
            wiring.add("udp heuristics " + r.findHeuristics("udp").isPresent());
            DissectorHandle h = r.heuristic("conv_heur", INNER, (p, off, len) -> 0);
            wiring.add("heuristic of " + h.protocol().filterName());
            assertThatThrownBy(() -> r.dissector("conv_heur")).as("not a named dissector").isInstanceOf(PluginException.class);
            assertThatThrownBy(() -> r.table("tcp.port")).isInstanceOf(PluginException.class)
                    .hasMessageContaining("plugin conveniences");
        }
    }

    private Engine engine() {
        Engine e = Engine.builder().discover(false).plugin(new Plugin()).build();
        e.tree().wantAll(true);
        return e;
    }

    @Test
    void optionalWiringAndHeuristicHandles() {
        engine();
        assertThat(wiring).containsExactly("tcp.port false", "conv.port true", "udp heuristics false",
                "heuristic of convin");
    }

    @Test
    void itemReadsByTypeRecordsAndReturnsTheFieldValue() {
        Engine e = engine();
        //                                                port high signed flag wide(6)   payload
        Tree t = e.dissect(TestFrames.frame(1, TestFrames.hex("1b58 abcd ff 01 000000010203 04aa"), 1)).tree();
        assertThat(t.text(t.first(PORT))).isEqualTo("7000");
        assertThat(t.value(t.first(HIGH))).isEqualTo(0xa);
        assertThat(t.value(t.first(SIGNED))).isEqualTo(-1);
        assertThat(t.value(t.first(FLAG))).isEqualTo(1);
        assertThat(t.value(t.first(WIDE))).isEqualTo(0x0000_0001_0203L);
        assertThat(matched).containsExactly(7000L);
        assertThat(wiring).endsWith("after call: -1");
    }

    @Test
    void itemPastTheCapturedBytesIsTruncatedNotABug() {
        Engine e = engine();
        byte[] cut = TestFrames.hex("1b58 ab");                    // 3 of 20 bytes captured
        Packet p = e.dissect(new Frame().set(1, java.lang.foreign.MemorySegment.ofArray(cut), 0, 3, 20, 0, 0, 1));
        assertThat(p.truncated()).isTrue();
        assertThat(p.tree().text(p.tree().first(PORT))).isEqualTo("7000");
        assertThat(p.tree().first(HIGH)).isNegative();
    }

    @Test
    void itemRefusesTypesWithoutAFixedSize() {
        Engine e = engine();
        Packet p = e.dissect(TestFrames.frame(1, TestFrames.hex("1b58 abcd ff00 01 00 0000 0001"), 1));
        assertThatThrownBy(() -> p.item(NAME, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conv.name is FT_STRING");
    }
}
