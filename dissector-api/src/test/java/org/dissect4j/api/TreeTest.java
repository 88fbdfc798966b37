package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

class TreeTest {
    static final Field A = Field.define("t.a", "A", FieldType.UINT16).build();
    static final Field B = Field.define("t.b", "B", FieldType.UINT8).mask(0x0C, 8).build();
    static final Field FLAG = Field.define("t.flag", "Flag", FieldType.BOOLEAN).mask(0x02, 8).build();
    static final Field S = Field.define("t.s", "S", FieldType.STRING).build();

    private static Tree tree() {
        Tree t = new Tree();
        t.wantAll(true);
        t.reset(MemorySegment.ofArray(TestFrames.hex("00 01 00 02 6869")), 0, 6);
        return t;
    }

    @Test
    void occurrencesAreChainedInOrder() {
        Tree t = tree();
        t.addUint(A, 0, 2, 1);
        t.addUint(B, 0, 1, 0xFF);
        t.addUint(A, 2, 2, 2);
        int n = t.first(A);
        assertThat(t.value(n)).isEqualTo(1);
        assertThat(t.value(t.next(n))).isEqualTo(2);
        assertThat(t.next(t.next(n))).isEqualTo(-1);
    }

    @Test
    void bitmaskAndBooleanValuesAreExtracted() {
        Tree t = tree();
        t.addUint(B, 0, 1, 0b1011_0110);
        t.addUint(FLAG, 0, 1, 0b0000_0010);
        assertThat(t.valueOr(B, -1)).isEqualTo(0b01);
        assertThat(t.valueOr(FLAG, -1)).isEqualTo(1);
    }

    @Test
    void truncateForgetsLaterNodesAndResetForgetsEverything() {
        Tree t = tree();
        t.addUint(A, 0, 2, 1);
        int mark = t.size();
        t.addUint(A, 2, 2, 2);
        t.addUint(B, 0, 1, 4);
        t.truncate(mark);
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.next(t.first(A))).isEqualTo(-1);
        assertThat(t.has(B)).isFalse();
        t.addUint(A, 2, 2, 3);
        assertThat(t.value(t.next(t.first(A)))).isEqualTo(3);
        t.reset(MemorySegment.ofArray(new byte[4]), 0, 4);
        assertThat(t.has(A)).isFalse();
        assertThat(t.size()).isZero();
    }

    @Test
    void unwantedFieldsAreNotStored() {
        Tree t = new Tree();
        t.want(A);
        t.reset(MemorySegment.ofArray(new byte[4]), 0, 4);
        assertThat(t.addUint(B, 0, 1, 1)).isEqualTo(-1);
        assertThat(t.addUint(A, 0, 2, 1)).isEqualTo(0);
        assertThat(t.wants(A)).isTrue();
        assertThat(t.wants(B)).isFalse();
    }

    @Test
    void stringsStayInThePacketAndGeneratedOnesInScratch() {
        Tree t = tree();
        int n = t.add(S, 4, 2);
        assertThat(t.string(n)).isEqualTo("hi");
        int g = t.addString(S, "généré");
        assertThat(t.source(g)).isEqualTo(Tree.SCRATCH);
        assertThat(t.string(g)).isEqualTo("généré");
    }

    @Test
    void parentsFollowOpenAndClose() {
        Tree t = tree();
        int p = t.open(A, 0, 2);
        int c = t.addUint(B, 0, 1, 4);
        t.close();
        int s = t.addUint(B, 1, 1, 4);
        assertThat(t.parent(c)).isEqualTo(p);
        assertThat(t.parent(s)).isEqualTo(-1);
    }
}
