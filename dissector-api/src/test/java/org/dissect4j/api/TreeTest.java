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
        Tree t = TestFrames.tree(A, B, FLAG, S);
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
        Tree t = TestFrames.tree(A, B, FLAG, S);
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

    @Test
    void wantedSetFollowsWantAllClearWantsAndFieldsRegisteredLater() {
        Tree t = TestFrames.tree(A, B, FLAG, S);
        t.want(A);
        assertThat(t.wants(A.id())).isTrue();
        assertThat(t.wants(B.id())).isFalse();
        t.wantAll(true);
        Field later = Field.define("t.later", "Later", FieldType.UINT8).build();
        assertThat(t.wants(B)).isTrue();
        assertThat(t.wants(later)).isTrue();
        t.wantAll(false);
        assertThat(t.wants(A)).isTrue();
        assertThat(t.wants(B)).isFalse();
        assertThat(t.wants(later)).isFalse();
        t.clearWants();
        assertThat(t.wants(A)).isFalse();
        Field later2 = Field.define("t.later2", "Later 2", FieldType.UINT8).build();
        t.want(later2);
        t.reset(MemorySegment.ofArray(new byte[4]), 0, 4);
        assertThat(t.addUint(later2, 0, 1, 7)).isZero();
        assertThat(t.addUint(A, 0, 1, 7)).isEqualTo(-1);
    }

    @Test
    void manyNodesGrowAndKeepEveryColumn() {
        Tree t = tree();
        int p = t.open(S, 4, 2);
        for (int i = 0; i < 1000; i++) {
            t.addUint(A, i % 4, 2, i);
        }
        t.close();
        int i = 0;
        for (int n = t.first(A); n >= 0; n = t.next(n), i++) {
            assertThat(t.value(n)).isEqualTo(i);
            assertThat(t.offset(n)).isEqualTo(i % 4);
            assertThat(t.length(n)).isEqualTo(2);
            assertThat(t.parent(n)).isEqualTo(p);
            assertThat(t.source(n)).isZero();
            assertThat(t.fieldId(n)).isEqualTo(A.id());
        }
        assertThat(i).isEqualTo(1000);
        assertThat(t.size()).isEqualTo(1001);
    }

    @Test
    void generatedBytesAreCopiedToScratchEvenPastItsFirstSize() {
        Tree t = tree();
        byte[] big = new byte[3000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        int a = t.addBytes(S, MemorySegment.ofArray(TestFrames.hex("6869")), 0, 2);
        int b = t.addBytes(S, MemorySegment.ofArray(big), 0, big.length);
        assertThat(t.string(a)).isEqualTo("hi");
        assertThat(t.source(b)).isEqualTo(Tree.SCRATCH);
        assertThat(t.length(b)).isEqualTo(3000);
        assertThat(t.byteAt(b, 2999)).isEqualTo(2999 & 0xFF);
        assertThat(t.byteAt(a, 1)).isEqualTo('i');
    }
}
