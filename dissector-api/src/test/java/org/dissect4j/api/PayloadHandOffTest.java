package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;

import org.junit.jupiter.api.Test;

/**
 * {@link Packet#callPayload}: the callee sees no byte stream and may set the Protocol column, and the
 * caller's stream and column are back afterwards — on the current source and on an added one, also
 * when the callee declines or throws.
 */
class PayloadHandOffTest {
    static final Protocol MESSAGE = new Protocol("Payload Test Message", "PTM", "ptm");
    static final Protocol BODY = new Protocol("Payload Test Body", "PTB", "ptb");
    static final Field BODY_BYTES = Field.define("ptb.bytes", "Bytes", FieldType.BYTES).build();

    /** A transport stream the message dissector runs on; only its identity matters here. */
    static final StreamReassembly STREAM = new StreamReassembly() {
        @Override
        public boolean canDesegment() {
            return true;
        }

        @Override
        public void needMore(int offset, int moreBytes) {
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
            return 7;
        }

        @Override
        public void claim(DissectorHandle handle) {
        }
    };

    /** What the body dissector does: 0 takes its bytes, 1 declines, 2 throws; on an added source with {@code onSource}. */
    static final class Plugin implements DissectorPlugin {
        int mode;
        boolean onSource;
        StreamReassembly seenStream = STREAM;
        String seenColumn;
        int seenSource = -1;
        int consumed = -1;
        StreamReassembly streamAfter;
        String columnAfter;
        boolean caught;

        @Override
        public int apiVersion() {
            return DissectorPlugin.API_VERSION;
        }

        @Override
        public String name() {
            return "payload-hand-off";
        }

        @Override
        public void register(Registrar r) {
            r.protocol(MESSAGE);
            r.protocol(BODY, BODY_BYTES);
            DissectorHandle body = r.dissector("ptb", BODY, (p, off, len) -> {
                seenStream = p.stream();
                seenColumn = p.protocolColumn();
                seenSource = p.source();
                p.tree().add(BODY_BYTES, off, len);
                if (mode == 2) {
                    throw new IllegalStateException("body bug");
                }
                return mode == 1 ? 0 : len;
            });
            r.dissector("frame", MESSAGE, (p, off, len) -> {
                p.stream(STREAM);
                int src = p.source();
                if (onSource) {
                    src = p.tree().addSource(MemorySegment.ofArray(new byte[] {1, 2, 3}), 0, 3, "Body");
                }
                try {
                    consumed = p.callPayload(src, body, 1, 2);
                } catch (IllegalStateException e) {
                    caught = true;
                }
                streamAfter = p.stream();
                columnAfter = p.protocolColumn();
                return len;
            });
        }
    }

    private final Plugin plugin = new Plugin();
    private final Engine engine = Engine.builder().discover(false).plugin(plugin).build();

    private Packet run(int mode, boolean onSource) {
        plugin.mode = mode;
        plugin.onSource = onSource;
        engine.tree().wantAll(true);
        return engine.dissect(TestFrames.frame(1, TestFrames.hex("11 22 33 44"), 999));
    }

    @Test
    void theCalleeSeesNoStreamAndOwnsTheColumnWhileItRuns() {
        Packet p = run(0, false);
        assertThat(plugin.seenStream).isNull();
        assertThat(plugin.seenColumn).isEqualTo("PTB");
        assertThat(plugin.seenSource).isZero();
        assertThat(plugin.consumed).isEqualTo(2);
        assertThat(p.tree().has(BODY_BYTES)).isTrue();
    }

    @Test
    void theCallersStreamAndColumnAreBackAfterwards() {
        Packet p = run(0, false);
        assertThat(plugin.streamAfter).isSameAs(STREAM);
        assertThat(plugin.columnAfter).isEqualTo("PTM");
        assertThat(p.protocolColumn()).isEqualTo("PTM");
    }

    @Test
    void anAddedSourceIsReadThroughCallOnSource() {
        Packet p = run(0, true);
        assertThat(plugin.seenSource).isEqualTo(1);
        assertThat(p.tree().source(p.tree().first(BODY_BYTES))).isEqualTo(1);
        assertThat(plugin.streamAfter).isSameAs(STREAM);
        assertThat(plugin.columnAfter).isEqualTo("PTM");
    }

    @Test
    void aDecliningCalleeIsRolledBackAndTheStreamRestored() {
        Packet p = run(1, false);
        assertThat(plugin.consumed).isZero();
        assertThat(p.tree().has(BODY_BYTES)).isFalse();
        assertThat(plugin.streamAfter).isSameAs(STREAM);
        assertThat(plugin.columnAfter).isEqualTo("PTM");
    }

    @Test
    void aThrowingCalleeLeavesTheStreamAndColumnRestored() {
        run(2, false);
        assertThat(plugin.caught).isTrue();     // a bug passes through the hand-off to the caller
        assertThat(plugin.streamAfter).isSameAs(STREAM);
        assertThat(plugin.columnAfter).isEqualTo("PTM");
    }
}
