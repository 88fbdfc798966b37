package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;

import org.junit.jupiter.api.Test;

/**
 * {@link Packet#callOnSource}: the callee reads the added data source, its offsets and nodes refer
 * to that source, and the packet's own source and bounds are back afterwards — also when the callee
 * runs past its bytes or throws.
 */
class CallOnSourceTest {
    static final Protocol OUTER = new Protocol("Source Test Outer", "STO", "sto");
    static final Field OUTER_FIRST = Field.define("sto.first", "First", FieldType.UINT8).base(Base.HEX).build();
    static final Protocol INNER = new Protocol("Source Test Inner", "STI", "sti");
    static final Field INNER_BYTES = Field.define("sti.bytes", "Bytes", FieldType.BYTES).build();

    static final byte[] SOURCE = TestFrames.hex("de ad be ef");

    /** What the inner dissector does: 0 reads its 2 bytes, 1 reads past them, 2 throws. */
    static final class Plugin implements DissectorPlugin {
        int mode;
        int src = -1;
        int innerSource;
        int innerValue;
        int innerCapturedEnd;
        int innerReportedEnd;
        int innerConsumed = -1;
        int afterSource;
        int afterFirstByte;
        int afterCapturedEnd;
        int afterReportedEnd;
        boolean caught;

        @Override
        public int apiVersion() {
            return DissectorPlugin.API_VERSION;
        }

        @Override
        public String name() {
            return "call-on-source";
        }

        @Override
        public void register(Registrar r) {
            r.protocol(OUTER, OUTER_FIRST);
            r.protocol(INNER, INNER_BYTES);
            DissectorHandle inner = r.dissector("sti", INNER, (p, off, len) -> {
                innerSource = p.source();
                innerCapturedEnd = p.capturedEnd();
                innerReportedEnd = p.reportedEnd();
                innerValue = p.u16(off);
                p.tree().add(INNER_BYTES, off, len);
                if (mode == 1) {
                    p.u32(off);
                } else if (mode == 2) {
                    throw new IllegalStateException("inner bug");
                }
                return len;
            });
            r.dissector("frame", OUTER, (p, off, len) -> {
                src = p.tree().addSource(MemorySegment.ofArray(SOURCE), 0, SOURCE.length, "Test source");
                try {
                    innerConsumed = p.callOnSource(src, inner, 1, 2);
                } catch (IllegalStateException e) {
                    caught = true;
                }
                afterSource = p.source();
                afterFirstByte = p.u8(0);
                afterCapturedEnd = p.capturedEnd();
                afterReportedEnd = p.reportedEnd();
                p.tree().addUint(OUTER_FIRST, 0, 1, p.u8(0));
                return len;
            });
        }
    }

    private final Plugin plugin = new Plugin();
    private final Engine engine = Engine.builder().discover(false).plugin(plugin).build();

    private Packet run(int mode) {
        plugin.mode = mode;
        engine.tree().wantAll(true);
        // the frame: 6 bytes, first byte 0x11 (the source's first byte is 0xde)
        return engine.dissect(TestFrames.frame(1, TestFrames.hex("11 22 33 44 55 66"), 999));
    }

    @Test
    void theCalleeReadsTheAddedSourceAndItsNodesReferToIt() {
        Packet p = run(0);
        assertThat(plugin.src).isEqualTo(1);
        assertThat(plugin.innerSource).isEqualTo(1);
        assertThat(plugin.innerValue).isEqualTo(0xadbe);
        // narrowed to the 2 bytes asked for, in the source's offsets
        assertThat(plugin.innerCapturedEnd).isEqualTo(3);
        assertThat(plugin.innerReportedEnd).isEqualTo(3);
        assertThat(plugin.innerConsumed).isEqualTo(2);

        Tree t = p.tree();
        int n = t.first(INNER_BYTES);
        assertThat(t.source(n)).isEqualTo(1);
        assertThat(t.offset(n)).isEqualTo(1);
        assertThat(t.text(n)).isEqualTo("adbe");
        assertThat(t.sourceName(1)).isEqualTo("Test source");
    }

    @Test
    void thePacketsSourceIsBackAfterTheCall() {
        Packet p = run(0);
        assertThat(plugin.afterSource).isZero();
        assertThat(plugin.afterFirstByte).isEqualTo(0x11);
        assertThat(plugin.afterCapturedEnd).isEqualTo(6);
        assertThat(plugin.afterReportedEnd).isEqualTo(6);
        assertThat(p.source()).isZero();
        int n = p.tree().first(OUTER_FIRST);
        assertThat(p.tree().source(n)).isZero();
        assertThat(p.tree().value(n)).isEqualTo(0x11);
        assertThat(p.malformed()).isFalse();
    }

    @Test
    void aReadPastTheSourceIsMarkedAndTheSourceRestored() {
        Packet p = run(1);
        assertThat(p.malformed()).isTrue();
        assertThat(p.truncated()).isFalse();
        // a bounds exception counts as having consumed the range handed over
        assertThat(plugin.innerConsumed).isEqualTo(2);
        assertThat(plugin.afterSource).isZero();
        assertThat(plugin.afterFirstByte).isEqualTo(0x11);
        assertThat(plugin.afterCapturedEnd).isEqualTo(6);
        assertThat(p.tree().valueOr(OUTER_FIRST, -1)).isEqualTo(0x11);
        assertThat(p.tree().source(p.tree().first(OUTER_FIRST))).isZero();
    }

    @Test
    void anExceptionThroughTheCallStillRestoresTheSource() {
        Packet p = run(2);
        assertThat(plugin.caught).isTrue();
        assertThat(plugin.afterSource).isZero();
        assertThat(plugin.afterFirstByte).isEqualTo(0x11);
        assertThat(plugin.afterCapturedEnd).isEqualTo(6);
        assertThat(plugin.afterReportedEnd).isEqualTo(6);
        assertThat(p.tree().source(p.tree().first(OUTER_FIRST))).isZero();
    }
}
