package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/**
 * The Info column's fence: {@link Packet#clearInfo()} clears back to the fence a lower layer set
 * with {@link Packet#fenceInfo()}, and {@link Packet#prependInfo} keeps what it prepends (and what
 * was fenced before) behind the fence.
 */
class InfoFenceTest {
    static final Protocol LOWER = new Protocol("Fence Lower", "FL", "fl");
    static final Protocol MID = new Protocol("Fence Mid", "FM", "fm");
    static final Protocol UPPER = new Protocol("Fence Upper", "FU", "fu");

    /** Three layers, each running its step on the packet and then calling the next. */
    static final class Plugin implements DissectorPlugin {
        Consumer<Packet> lower = p -> { };
        Consumer<Packet> mid = p -> { };
        Consumer<Packet> upper = p -> { };
        final List<Boolean> fenced = new ArrayList<>();

        @Override
        public int apiVersion() {
            return DissectorPlugin.API_VERSION;
        }

        @Override
        public String name() {
            return "fence";
        }

        @Override
        public void register(Registrar r) {
            r.protocol(LOWER);
            r.protocol(MID);
            r.protocol(UPPER);
            DissectorHandle u = r.dissector("fu", UPPER, (p, off, len) -> {
                fenced.add(p.infoFenced());
                upper.accept(p);
                return len;
            });
            DissectorHandle m = r.dissector("fm", MID, (p, off, len) -> {
                fenced.add(p.infoFenced());
                mid.accept(p);
                p.call(u, off, len);
                return len;
            });
            r.dissector("frame", LOWER, (p, off, len) -> {
                lower.accept(p);
                p.call(m, off, len);
                return len;
            });
        }
    }

    private final Plugin plugin = new Plugin();
    private final Engine engine = Engine.builder().discover(false).plugin(plugin).build();

    private String info() {
        engine.columns(true);
        return engine.dissect(TestFrames.frame(1, TestFrames.hex("00 01 02 03"), 999)).info().toString();
    }

    @Test
    void withoutAFenceEachLayerReplacesTheText() {
        plugin.lower = p -> p.clearInfo().append("Lower");
        plugin.mid = p -> p.clearInfo().append("Mid");
        plugin.upper = p -> p.clearInfo().append("Upper");
        assertThat(info()).isEqualTo("Upper");
        assertThat(plugin.fenced).containsExactly(false, false);
    }

    @Test
    void aLowerLayersFencedTextSurvivesAnUpperLayersClear() {
        plugin.lower = p -> {
            p.clearInfo().append("Lower ");
            p.fenceInfo();
        };
        plugin.mid = p -> p.clearInfo().append("Mid");
        plugin.upper = p -> p.clearInfo().append("Upper");
        assertThat(info()).isEqualTo("Lower Upper");
        assertThat(plugin.fenced).containsExactly(true, true);
    }

    @Test
    void aLaterFenceMovesToTheNewEnd() {
        plugin.lower = p -> {
            p.clearInfo().append("Lower ");
            p.fenceInfo();
        };
        plugin.mid = p -> {
            p.clearInfo().append("Mid ");
            p.fenceInfo();
        };
        plugin.upper = p -> p.clearInfo().append("Upper");
        assertThat(info()).isEqualTo("Lower Mid Upper");
    }

    @Test
    void prependedTextAndWhatWasFencedBeforeStayBehindTheFence() {
        plugin.lower = p -> {
            p.clearInfo().append("Lower ");
            p.fenceInfo();
        };
        plugin.mid = p -> {
            p.clearInfo().append("Mid");
            p.prependInfo("[Retransmission] ");
        };
        plugin.upper = p -> p.clearInfo().append("Upper");
        // the fence moved past the prepended 17 characters: "[Retransmission] Lower " is kept, "Mid" is not
        assertThat(info()).isEqualTo("[Retransmission] Lower Upper");
    }

    @Test
    void prependWithoutAFenceFencesJustThePrefix() {
        plugin.lower = p -> p.clearInfo().append("Lower");
        plugin.mid = p -> p.prependInfo("[Note] ");
        plugin.upper = p -> p.clearInfo().append("Upper");
        assertThat(info()).isEqualTo("[Note] Upper");
        assertThat(plugin.fenced).containsExactly(false, true);
    }

    @Test
    void aFenceOnAnEmptyColumnFencesNothing() {
        plugin.lower = Packet::fenceInfo;
        plugin.upper = p -> p.clearInfo().append("Upper");
        assertThat(info()).isEqualTo("Upper");
        assertThat(plugin.fenced).containsExactly(false, false);
    }

    @Test
    void theFenceDoesNotOutliveItsFrame() {
        plugin.lower = p -> {
            p.clearInfo().append("Lower ");
            p.fenceInfo();
        };
        assertThat(info()).isEqualTo("Lower ");
        plugin.lower = p -> { };
        plugin.upper = p -> p.clearInfo().append("Upper");
        plugin.fenced.clear();
        assertThat(info()).isEqualTo("Upper");
        assertThat(plugin.fenced).containsExactly(false, false);
    }
}
