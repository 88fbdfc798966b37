package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** {@link Tree#alias}: one protocol's code recording under another's fields (DTLS over TLS's handshake code). */
class TreeAliasTest {
    static final Field TLS_TYPE = Field.define("x.type", "Type", FieldType.UINT8).build();
    static final Field TLS_JA4 = Field.define("x.ja4", "JA4", FieldType.STRING).build();
    static final Field DTLS_TYPE = Field.define("dx.type", "Type", FieldType.UINT8).build();

    private static Tree tree(boolean all) {
        Tree t = TestFrames.tree(TLS_TYPE, TLS_JA4, DTLS_TYPE);
        if (all) {
            t.wantAll(true);
        } else {
            t.want(DTLS_TYPE);
        }
        t.reset(MemorySegment.ofArray(new byte[8]), 0, 8);
        return t;
    }

    private static int[] map() {
        int[] m = new int[Math.max(TLS_TYPE.id(), TLS_JA4.id()) + 1];
        Arrays.setAll(m, i -> i);
        m[TLS_TYPE.id()] = DTLS_TYPE.id();
        m[TLS_JA4.id()] = Tree.DROPPED;
        return m;
    }

    @Test
    void aliasedFieldsRecordUnderTheirTwinsAndWantsFollows() {
        Tree t = tree(false);
        assertThat(t.wants(TLS_TYPE)).isFalse();
        int[] before = t.alias(map());
        assertThat(before).isNull();
        assertThat(t.wants(TLS_TYPE)).isTrue();
        t.addUint(TLS_TYPE, 0, 1, 7);
        t.alias(before);
        t.addUint(TLS_TYPE, 1, 1, 8);
        assertThat(t.valueOr(DTLS_TYPE, -1)).isEqualTo(7);
        assertThat(t.next(t.first(DTLS_TYPE))).isEqualTo(-1);
        assertThat(t.has(TLS_TYPE)).isFalse();
    }

    @Test
    void droppedFieldsAreNotRecordedEvenWhenAllIsWanted() {
        Tree t = tree(true);
        t.alias(map());
        assertThat(t.wants(TLS_JA4)).isFalse();
        assertThat(t.addString(TLS_JA4, "t13d")).isEqualTo(-1);
        t.addUint(TLS_TYPE, 0, 1, 1);
        assertThat(t.has(DTLS_TYPE)).isTrue();
        assertThat(t.has(TLS_JA4)).isFalse();
    }

    @Test
    void resetEndsTheAliasing() {
        Tree t = tree(true);
        t.alias(map());
        t.reset(MemorySegment.ofArray(new byte[8]), 0, 8);
        t.addUint(TLS_TYPE, 0, 1, 3);
        assertThat(t.valueOr(TLS_TYPE, -1)).isEqualTo(3);
        assertThat(t.has(DTLS_TYPE)).isFalse();
    }
}
