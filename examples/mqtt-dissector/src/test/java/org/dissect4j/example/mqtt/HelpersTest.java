package org.dissect4j.example.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The small helpers: UTF-8 into the Info column, and the bounds of the per-connection state. */
class HelpersTest {
    private static String utf8(byte[] b) {
        StringBuilder sb = new StringBuilder();
        Utf8.append(sb, MemorySegment.ofArray(b), 0, b.length);
        return sb.toString();
    }

    @Test
    void utf8IsDecodedAndBadBytesBecomeReplacementCharacters() {
        String text = "caf\u00e9/\u6e29\u5ea6/\ud83d\ude00";
        assertThat(utf8(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(utf8(new byte[] {'a', (byte) 0xC3})).isEqualTo("a\ufffd");                 // cut sequence
        assertThat(utf8(new byte[] {(byte) 0xC0, (byte) 0x80})).isEqualTo("\ufffd\ufffd");     // overlong NUL
        assertThat(utf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isEqualTo("\ufffd\ufffd\ufffd"); // surrogate
        assertThat(utf8(new byte[] {(byte) 0xFF, 'b'})).isEqualTo("\ufffdb");
    }

    @Test
    void aliasesAreBoundedAndGivenBackWhenTheConnectionIsForgotten() {
        MqttConversations conversations = new MqttConversations(4);
        MqttConversations.Conversation a = conversations.newConversation();
        assertThat(a.version).isEqualTo(4);                     // the default version until a CONNECT says otherwise

        MemorySegment topic = MemorySegment.ofArray("t/opic".getBytes(StandardCharsets.US_ASCII));
        for (int alias = 1; alias <= MqttConversations.MAX_ALIASES + 10; alias++) {
            a.defineAlias(alias, topic, 0, 6);
        }
        assertThat(a.aliasSlot(MqttConversations.MAX_ALIASES)).isNotNegative();
        assertThat(a.aliasSlot(MqttConversations.MAX_ALIASES + 1)).isNegative();   // over the bound: forgotten
        int slot = a.aliasSlot(1);
        assertThat(a.aliasLength(slot)).isEqualTo(6);
        a.defineAlias(1, MemorySegment.ofArray(new byte[MqttConversations.MAX_TOPIC_BYTES + 1]), 0,
                MqttConversations.MAX_TOPIC_BYTES + 1);
        assertThat(a.aliasLength(a.aliasSlot(1))).isEqualTo(6);                     // too long a topic is not kept
        assertThat(a.aliasSlot(0)).isNegative();
        assertThat(conversations.aliasBytes()).isPositive();
        conversations.forget(a);                                // TCP forgot the connection
        assertThat(conversations.aliasBytes()).isZero();
    }
}
