package org.dissect4j.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Tree;
import org.junit.jupiter.api.Test;

/** The layer operator on hand-built trees, where a field occurs in only some instances of its protocol. */
class LayerTest {
    private final Engine engine = TestStack.engine();

    /** Two IP layers; ip.ttl only in the first (64), ip.proto in both (4, then 6). */
    private Tree tree(boolean parents) {
        Tree t = engine.tree();
        t.wantAll(true);
        t.reset(MemorySegment.ofArray(new byte[40]), 0, 40);
        if (parents) {
            t.open(TestStack.IP.field(), 0, 20);
        } else {
            t.add(TestStack.IP.field(), 0, 20);
            t.push(-1);
        }
        t.addUint(TestStack.IP_TTL, 8, 1, 64);
        t.addUint(TestStack.IP_PROTO, 9, 1, 4);
        t.close();
        t.open(TestStack.IP.field(), 20, 20);
        t.addUint(TestStack.IP_PROTO, 29, 1, 6);
        t.close();
        return t;
    }

    private boolean matches(String filter, boolean parents) throws FilterException {
        return DisplayFilter.compile(filter, engine).matches(tree(parents));
    }

    @Test
    void negativeLayersCountFromTheFieldsHighestLayer() throws FilterException {
        for (boolean parents : new boolean[] {true, false}) {
            // tshark 4.0.17: tls.handshake.type#[-1] == 11 holds where #2 does not (the field is only in layer 1)
            assertThat(matches("ip.ttl#[-1] == 64", parents)).isTrue();
            assertThat(matches("ip.ttl#2 == 64", parents)).isFalse();
            assertThat(matches("ip.ttl#1 == 64", parents)).isTrue();
            assertThat(matches("ip.proto#[-1] == 6", parents)).isTrue();
            assertThat(matches("ip.proto#[-1] == 4", parents)).isFalse();
            assertThat(matches("ip.proto#[-2] == 4", parents)).isTrue();
            assertThat(matches("ip.proto#[1:2] == 6", parents)).isTrue();
            assertThat(matches("ip.proto#[2:] == 4", parents)).isFalse();
            assertThat(matches("ip.proto#[1-1] == 6", parents)).isFalse();
            assertThat(matches("ip.proto#[0] == 4", parents)).isFalse();
            assertThat(matches("count(ip.proto#2) == 1", parents)).isTrue();
            assertThat(matches("ip#2", parents)).isTrue();
            assertThat(matches("ip#3", parents)).isFalse();
        }
    }
}
