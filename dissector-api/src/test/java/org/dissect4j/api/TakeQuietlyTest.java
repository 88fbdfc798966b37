package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link PacketBytes#takeQuietly}: the caller counts the bytes as taken, while the callee's nodes, its protocol in
 * the chain and the Protocol column are rolled back; the mark does not leak into the next call.
 */
class TakeQuietlyTest {
    static final Protocol OUTER = new Protocol("Quiet Test Outer", "QTO", "qto");
    static final Protocol INNER = new Protocol("Quiet Test Inner", "QTI", "qti");
    static final Field INNER_BYTES = Field.define("qti.bytes", "Bytes", FieldType.BYTES).build();

    /** The inner dissector takes its bytes quietly on its first call ({@code quietFirst}), loudly on the second. */
    static final class Plugin implements DissectorPlugin {
        boolean quietFirst;
        int first = -1;
        int second = -1;
        String columnBetween;
        int protocolsBetween;

        @Override
        public int apiVersion() {
            return DissectorPlugin.API_VERSION;
        }

        @Override
        public String name() {
            return "take-quietly";
        }

        @Override
        public void register(Registrar r) {
            r.protocol(OUTER);
            r.protocol(INNER, INNER_BYTES);
            int[] calls = {0};
            DissectorHandle inner = r.dissector("qti", INNER, (p, off, len) -> {
                p.tree().add(INNER_BYTES, off, len);
                if (calls[0]++ == 0 && quietFirst) {
                    p.takeQuietly();
                }
                return len;
            });
            r.dissector("frame", OUTER, (p, off, len) -> {
                calls[0] = 0;
                first = p.call(inner, off, 2);
                columnBetween = p.protocolColumn();
                protocolsBetween = p.protocolCount();
                second = p.call(inner, off + 2, len - 2);
                return len;
            });
        }
    }

    private final Plugin plugin = new Plugin();
    private final Engine engine = Engine.builder().discover(false).plugin(plugin).build();

    private Packet run(boolean quietFirst) {
        plugin.quietFirst = quietFirst;
        engine.tree().wantAll(true);
        return engine.dissect(TestFrames.frame(1, TestFrames.hex("11 22 33 44"), 999));
    }

    @Test
    void theBytesCountAsTakenButNothingOfTheCalleeStays() {
        run(true);
        assertThat(plugin.first).isEqualTo(2);
        assertThat(plugin.columnBetween).isEqualTo("QTO");
        assertThat(plugin.protocolsBetween).isEqualTo(1);
    }

    @Test
    void theMarkEndsWithTheCallThatSetIt() {
        Packet p = run(true);
        assertThat(plugin.second).isEqualTo(2);
        assertThat(p.protocolColumn()).isEqualTo("QTI");
        assertThat(count(p, INNER_BYTES)).isEqualTo(1);     // the second call's node only
    }

    @Test
    void withoutItBothCallsShow() {
        Packet p = run(false);
        assertThat(plugin.columnBetween).isEqualTo("QTI");
        assertThat(count(p, INNER_BYTES)).isEqualTo(2);
    }

    private static int count(Packet p, Field f) {
        int n = 0;
        for (int node = p.tree().first(f); node >= 0; node = p.tree().next(node)) {
            n++;
        }
        return n;
    }
}
