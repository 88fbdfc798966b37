package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The header-only rule, {@link Packet#wantsOnlyHeader}: a dissector may skip everything beyond its
 * header only when every wanted field is one it declared as a header field
 * ({@link Registrar#headerFields}) or one owned by a protocol already in the packet's chain, and
 * never with columns on, with every field wanted, or when the engine keeps state.
 */
class HeaderOnlyRuleTest {
    static final Protocol LOWER = new Protocol("Header Rule Lower", "HRL", "hrl");
    static final Field LOWER_TYPE = Field.define("hrl.type", "Type", FieldType.UINT8).build();
    static final Field LOWER_SUMMARY = Field.define("hrl.summary", "Summary", FieldType.STRING).wholePacket().build();
    /** Declared on its own: owned by {@code hrl}, the longest dotted prefix. */
    static final Field LOWER_EXTRA = Field.define("hrl.extra", "Extra", FieldType.UINT8).build();
    static final Protocol MID = new Protocol("Header Rule Mid", "HRM", "hrm");
    static final Field MID_PORT = Field.define("hrm.port", "Port", FieldType.UINT16).build();
    static final Field MID_STATE = Field.define("hrm.state", "State", FieldType.UINT32).build();
    static final Protocol UPPER = new Protocol("Header Rule Upper", "HRU", "hru");
    static final Field UPPER_VALUE = Field.define("hru.value", "Value", FieldType.UINT8).build();

    /** hrl calls hrm, which asks the rule and records the answer. */
    static final class Plugin implements DissectorPlugin {
        Boolean answer;

        @Override
        public int apiVersion() {
            return DissectorPlugin.API_VERSION;
        }

        @Override
        public String name() {
            return "header-rule";
        }

        @Override
        public void register(Registrar r) {
            r.protocol(LOWER, LOWER_TYPE, LOWER_SUMMARY);
            r.fields(LOWER_EXTRA);
            r.protocol(MID, MID_PORT, MID_STATE);
            r.headerFields(MID, MID_PORT);
            r.protocol(UPPER, UPPER_VALUE);
            DissectorHandle mid = r.dissector("hrm", MID, (p, off, len) -> {
                answer = p.wantsOnlyHeader();
                return len;
            });
            r.dissector("frame", LOWER, (p, off, len) -> {
                p.call(mid, off + 1, len - 1);
                return len;
            });
        }
    }

    private final Plugin plugin = new Plugin();
    private final Engine engine = Engine.builder().discover(false).plugin(plugin).build();

    private boolean ask(Field... wanted) {
        engine.tree().clearWants();
        for (Field f : wanted) {
            engine.tree().want(f);
        }
        plugin.answer = null;
        engine.dissect(TestFrames.frame(1, TestFrames.hex("01 02 03 04"), 999));
        assertThat(plugin.answer).as("hrm was called").isNotNull();
        return plugin.answer;
    }

    @Test
    void trueWhenNothingOrOnlyTheHeaderIsWanted() {
        assertThat(ask()).isTrue();
        assertThat(ask(MID_PORT)).isTrue();
    }

    @Test
    void trueForFieldsOfProtocolsAlreadyInTheChain() {
        assertThat(ask(LOWER_TYPE, MID_PORT)).isTrue();
        assertThat(ask(LOWER.field())).isTrue();
        assertThat(ask(LOWER_EXTRA)).as("owned by hrl through its dotted prefix").isTrue();
    }

    @Test
    void falseForOwnFieldsBeyondTheHeader() {
        assertThat(ask(MID_PORT, MID_STATE)).isFalse();
        assertThat(ask(MID_STATE)).isFalse();
        assertThat(ask(MID.field())).as("the protocol's own node is part of its header path").isTrue();
    }

    @Test
    void falseForFieldsOfLaterLayersAndWholePacketFields() {
        assertThat(ask(UPPER_VALUE)).isFalse();
        assertThat(ask(MID_PORT, UPPER.field())).isFalse();
        assertThat(ask(LOWER_SUMMARY)).as("wholePacket, though hrl is in the chain").isFalse();
    }

    @Test
    void followsChangesOfTheWantedSet() {
        assertThat(ask(MID_PORT)).isTrue();
        assertThat(ask(MID_PORT, UPPER_VALUE)).isFalse();
        assertThat(ask(MID_PORT)).isTrue();
    }

    @Test
    void falseWithColumnsWantAllOrKeepState() {
        assertThat(ask(MID_PORT)).isTrue();

        engine.columns(true);
        assertThat(ask(MID_PORT)).isFalse();
        engine.columns(false);

        engine.tree().wantAll(true);
        plugin.answer = null;
        engine.dissect(TestFrames.frame(2, TestFrames.hex("01 02 03 04"), 999));
        assertThat(plugin.answer).isFalse();
        engine.tree().wantAll(false);

        engine.keepState(true);
        assertThat(ask(MID_PORT)).isFalse();
        engine.keepState(false);

        assertThat(ask(MID_PORT)).isTrue();
    }

    /** The same rule answers {@link Tree#wantsAnyOf}: may a dissector skip its adds altogether? */
    @Test
    void wantsAnyOfFollowsTheOwnershipRuleAndTheWantedSet() {
        Tree t = engine.tree();
        t.clearWants();
        assertThat(t.wantsAnyOf(LOWER)).isFalse();
        t.want(LOWER_EXTRA);
        assertThat(t.wantsAnyOf(LOWER)).as("hrl.extra is hrl's through its dotted prefix").isTrue();
        assertThat(t.wantsAnyOf(MID)).isFalse();
        t.want(MID.field());
        assertThat(t.wantsAnyOf(MID)).as("the protocol's own node").isTrue();
        t.clearWants();
        t.want(LOWER_SUMMARY);
        assertThat(t.wantsAnyOf(LOWER)).as("a whole-packet field still has its owner").isTrue();
        assertThat(t.wantsAnyOf(MID)).isFalse();
        t.clearWants();
        t.wantAll(true);
        assertThat(t.wantsAnyOf(UPPER)).isTrue();
        t.wantAll(false);
        assertThat(t.wantsAnyOf(UPPER)).isFalse();
    }
}
