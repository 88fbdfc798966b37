package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The engine's contract with dissectors: hand-offs by table and heuristic, roll-back of a
 * heuristic that declines, bounds exceptions caught at the hand-off, dissector bugs contained to
 * their frame, and registration errors that name the plugin.
 */
class EngineTest {
    static final Protocol OUTER = new Protocol("Outer Test Protocol", "OUTER", "outer");
    static final Field OUTER_TYPE = Field.define("outer.type", "Type", FieldType.UINT8).base(Base.HEX).build();
    static final Field OUTER_LEN = Field.define("outer.len", "Length", FieldType.UINT8).build();
    static final Field OUTER_TRAILER = Field.define("outer.trailer", "Trailer", FieldType.BYTES).build();
    static final Protocol INNER = new Protocol("Inner Test Protocol", "INNER", "inner");
    static final Field INNER_VALUE = Field.define("inner.value", "Value", FieldType.UINT32).build();
    static final Protocol HEUR = new Protocol("Heuristic Test Protocol", "HEUR", "heur");
    static final Field HEUR_MAGIC = Field.define("heur.magic", "Magic", FieldType.UINT16).base(Base.HEX).build();
    static final Expert BAD = new Expert("outer.bad", ExpertGroup.MALFORMED, Severity.ERROR, "bad");

    /** outer: type(1) len(1) payload(len) trailer... ; type 1 → inner by table, else heuristics. */
    static class TestPlugin implements DissectorPlugin {
        DissectorTable table;
        HeuristicList heur;
        int heuristicCalls;

        @Override
        public int apiVersion() {
            return DissectorPlugin.API_VERSION;
        }

        @Override
        public String name() {
            return "test";
        }

        @Override
        public void register(Registrar r) {
            r.protocol(OUTER, OUTER_TYPE, OUTER_LEN, OUTER_TRAILER);
            r.protocol(INNER, INNER_VALUE);
            r.protocol(HEUR, HEUR_MAGIC);
            r.experts(BAD);
            table = r.newTable("outer.type", "Outer type", FieldType.UINT8, Base.HEX);
            heur = r.newHeuristicList("outer", "Outer heuristics");
            r.dissector("frame", OUTER, (p, off, len) -> {
                Tree t = p.tree();
                t.open(OUTER.field(), off, len);
                int type = p.u8(off);
                t.addUint(OUTER_TYPE, off, 1, type);
                int plen = p.u8(off + 1);
                t.addUint(OUTER_LEN, off + 1, 1, plen);
                int used = p.callTable(table, type, off + 2, plen);
                if (used == 0) {
                    used = p.tryHeuristics(heur, off + 2, plen);
                }
                if (used == 0) {
                    p.callData(off + 2, plen);
                }
                if (off + 2 + plen < len) {
                    t.add(OUTER_TRAILER, off + 2 + plen, len - 2 - plen);
                }
                t.close();
                return len;
            });
            r.dissector("inner", INNER, (p, off, len) -> {
                p.tree().open(INNER.field(), off, len);
                p.tree().addUint(INNER_VALUE, off, 4, p.u32(off));
                p.tree().close();
                return 4;
            });
            r.dissector("heur", HEUR, (p, off, len) -> {
                heuristicCalls++;
                p.tree().open(HEUR.field(), off, len);
                int magic = p.u16(off);
                p.tree().addUint(HEUR_MAGIC, off, 2, magic);
                p.tree().close();
                return magic == 0xCAFE ? 2 : 0;
            });
        }

        @Override
        public void handoff(Registrar r) {
            r.table("outer.type").add(1, r.dissector("inner"));
            r.heuristics("outer").add("heur_outer", "Heuristic test", r.dissector("heur"), true);
        }
    }

    private static Engine engine(TestPlugin plugin) {
        Engine e = Engine.builder().discover(false).plugin(plugin).build();
        e.tree().wantAll(true);
        e.columns(true);
        return e;
    }

    @Test
    void dispatchesByTableAndRecordsFields() {
        Engine e = engine(new TestPlugin());
        Packet p = e.dissect(TestFrames.frame(1, TestFrames.hex("01 04 00 00 01 00 ff ff"), 999));
        Tree t = p.tree();
        assertThat(t.valueOr(INNER_VALUE, -1)).isEqualTo(256);
        assertThat(t.has(OUTER_TRAILER)).isTrue();
        assertThat(protocols(p)).isEqualTo("outer:inner");
        assertThat(p.protocolColumn()).isEqualTo("INNER");
        assertThat(p.malformed()).isFalse();
    }

    @Test
    void heuristicThatDeclinesLeavesNoTrace() {
        TestPlugin plugin = new TestPlugin();
        Engine e = engine(plugin);
        Packet p = e.dissect(TestFrames.frame(1, TestFrames.hex("02 03 be ef 00"), 999));
        assertThat(plugin.heuristicCalls).isEqualTo(1);
        assertThat(p.tree().has(HEUR_MAGIC)).isFalse();
        assertThat(p.tree().has(HEUR.field())).isFalse();
        assertThat(protocols(p)).isEqualTo("outer:data");

        p = e.dissect(TestFrames.frame(2, TestFrames.hex("02 02 ca fe"), 999));
        assertThat(p.tree().valueOr(HEUR_MAGIC, -1)).isEqualTo(0xCAFE);
        assertThat(protocols(p)).isEqualTo("outer:heur");
    }

    @Test
    void readPastDeclaredLengthIsMalformedAndOuterLayerGoesOn() {
        Engine e = engine(new TestPlugin());
        // inner needs 4 bytes but outer declared 2: malformed inside inner, outer still adds its trailer
        Packet p = e.dissect(TestFrames.frame(1, TestFrames.hex("01 02 00 00 ff ff ff"), 999));
        assertThat(p.malformed()).isTrue();
        assertThat(p.truncated()).isFalse();
        assertThat(p.tree().has(EngineFields.MALFORMED.field())).isTrue();
        assertThat(p.tree().has(OUTER_TRAILER)).isTrue();
        assertThat(p.info().toString()).contains("[Malformed Packet]");

        Packet next = e.dissect(TestFrames.frame(2, TestFrames.hex("01 04 00 00 00 07"), 999));
        assertThat(next.malformed()).isFalse();
        assertThat(next.tree().valueOr(INNER_VALUE, -1)).isEqualTo(7);
    }

    @Test
    void readPastCapturedBytesIsTruncated() {
        Engine e = engine(new TestPlugin());
        byte[] b = TestFrames.hex("01 04 00 00 00 07");
        Frame f = new Frame().set(1, java.lang.foreign.MemorySegment.ofArray(b), 0, 4, 6, 0, 0, 999);
        Packet p = e.dissect(f);
        assertThat(p.truncated()).isTrue();
        assertThat(p.malformed()).isFalse();
        assertThat(p.tree().has(EngineFields.SHORT.field())).isTrue();
        assertThat(p.tree().has(OUTER_TYPE)).isTrue();
    }

    @Test
    void everyTruncatedLengthIsContained() {
        Engine e = engine(new TestPlugin());
        byte[] b = TestFrames.hex("01 04 00 00 00 07 aa");
        for (int cut = 0; cut <= b.length; cut++) {
            Frame f = new Frame().set(cut + 1, java.lang.foreign.MemorySegment.ofArray(b), 0, cut, b.length, 0, 0, 999);
            Packet p = e.dissect(f);
            assertThat(p.tree().has(EngineFields.DISSECTOR_BUG.field())).as("cut %d", cut).isFalse();
            assertThat(p.truncated()).as("cut %d", cut).isEqualTo(cut < 6);
        }
    }

    @Test
    void dissectorBugIsShownOnThatFrameOnly() {
        TestPlugin plugin = new TestPlugin() {
            @Override
            public void handoff(Registrar r) {
                super.handoff(r);
                r.table("outer.type").add(9, r.dissector("boom"));
            }

            @Override
            public void register(Registrar r) {
                super.register(r);
                r.dissector("boom", INNER, (p, off, len) -> {
                    throw new IllegalStateException("boom");
                });
            }
        };
        Engine e = engine(plugin);
        Packet p = e.dissect(TestFrames.frame(1, TestFrames.hex("09 01 00"), 999));
        assertThat(p.tree().has(EngineFields.DISSECTOR_BUG.field())).isTrue();
        assertThat(p.tree().string(p.tree().first(EngineFields.BUG_MESSAGE))).contains("INNER").contains("boom");
        Packet next = e.dissect(TestFrames.frame(2, TestFrames.hex("01 04 00 00 00 05"), 999));
        assertThat(next.tree().has(EngineFields.DISSECTOR_BUG.field())).isFalse();
        assertThat(next.tree().valueOr(INNER_VALUE, -1)).isEqualTo(5);
    }

    @Test
    void decodeAsOverridesTheTable() {
        Engine e = engine(new TestPlugin());
        e.decodeAs("outer.type", "7", "inner");
        Packet p = e.dissect(TestFrames.frame(1, TestFrames.hex("07 04 00 00 00 09"), 999));
        assertThat(p.tree().valueOr(INNER_VALUE, -1)).isEqualTo(9);
        assertThatThrownBy(() -> e.decodeAs("nope.port", "1", "inner")).hasMessageContaining("nope.port");
        assertThatThrownBy(() -> e.decodeAs("outer.type", "1", "nope")).hasMessageContaining("nope");
    }

    @Test
    void disabledProtocolIsNotDissected() {
        Engine e = engine(new TestPlugin());
        e.enableProtocol("inner", false);
        Packet p = e.dissect(TestFrames.frame(1, TestFrames.hex("01 04 00 00 00 09"), 999));
        assertThat(p.tree().has(INNER_VALUE)).isFalse();
        assertThat(protocols(p)).isEqualTo("outer:heur:data".replace("heur:", ""));
    }

    @Test
    void onlyWantedFieldsAreRecorded() {
        Engine e = Engine.builder().discover(false).plugin(new TestPlugin()).build();
        e.tree().want(INNER_VALUE);
        Packet p = e.dissect(TestFrames.frame(1, TestFrames.hex("01 04 00 00 00 09"), 999));
        assertThat(p.tree().valueOr(INNER_VALUE, -1)).isEqualTo(9);
        assertThat(p.tree().has(OUTER_TYPE)).isFalse();
        assertThat(p.tree().size()).isEqualTo(1);
    }

    @Test
    void wrongApiVersionIsRefusedWithTheReason() {
        DissectorPlugin old = new TestPlugin() {
            @Override
            public int apiVersion() {
                return 99;
            }
        };
        assertThatThrownBy(() -> Engine.builder().discover(false).plugin(old).build())
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("test").hasMessageContaining("API 99").hasMessageContaining("provides API " + DissectorPlugin.API_VERSION);
    }

    @Test
    void unknownTableAndTakenFieldNameNameThePlugin() {
        DissectorPlugin unknownTable = new DissectorPlugin() {
            public int apiVersion() {
                return API_VERSION;
            }

            public String name() {
                return "lost";
            }

            public void register(Registrar r) {
            }

            @Override
            public void handoff(Registrar r) {
                r.table("no.such.table");
            }
        };
        assertThatThrownBy(() -> Engine.builder().discover(false).plugin(unknownTable).build())
                .isInstanceOf(PluginException.class).hasMessageContaining("plugin lost").hasMessageContaining("no.such.table");

        Field clash = Field.define("outer.type", "Clash", FieldType.UINT8).build();
        DissectorPlugin taken = new DissectorPlugin() {
            public int apiVersion() {
                return API_VERSION;
            }

            public String name() {
                return "clash";
            }

            public void register(Registrar r) {
                r.fields(clash);
            }
        };
        assertThatThrownBy(() -> Engine.builder().discover(false).plugin(new TestPlugin()).plugin(taken).build())
                .isInstanceOf(PluginException.class).hasMessageContaining("plugin clash").hasMessageContaining("outer.type")
                .hasMessageContaining("plugin test");
    }

    static String protocols(Packet p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.protocolCount(); i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(p.tree().fieldById(p.protocolAt(i)).abbrev());
        }
        return sb.toString();
    }
}
