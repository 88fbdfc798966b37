package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Per-conversation data: a transport keeps one {@link Conversation} per conversation, an upper
 * plugin keeps its state in a {@link ConversationData} slot, and the state goes exactly when the
 * transport forgets the conversation.
 */
class ConversationDataTest {
    static final Protocol TRANSPORT = new Protocol("Conversation Test Transport", "CTT", "ctt");
    static final Protocol UPPER = new Protocol("Conversation Test Upper", "CTU", "ctu");
    static final Field COUNT = Field.define("ctu.count", "Packets in this conversation", FieldType.UINT32).build();

    /** Counts packets; its release is recorded. */
    static final class Counter {
        int packets;
    }

    final List<Integer> released = new ArrayList<>();

    /** Frame: conversation id (1), flag (1: 1 = last packet, the transport forgets the conversation), payload. */
    final class Plugin implements DissectorPlugin {
        final Map<Integer, Conversation> conversations = new HashMap<>();
        ConversationData<Counter> counters;

        @Override
        public int apiVersion() {
            return DissectorPlugin.API_VERSION;
        }

        @Override
        public String name() {
            return "conversations";
        }

        @Override
        public void register(Registrar r) {
            r.protocol(TRANSPORT);
            r.protocol(UPPER, COUNT);
            counters = r.conversationData("ctu.counter", Counter::new, c -> released.add(c.packets));
            DissectorHandle upper = r.dissector("ctu", UPPER, (p, off, len) -> {
                Counter c = counters.getOrCreate(p);
                c.packets++;
                p.tree().addGenerated(COUNT, c.packets);
                return len;
            });
            r.dissector("frame", TRANSPORT, (p, off, len) -> {
                int id = p.u8(off);
                Conversation c = conversations.computeIfAbsent(id, k -> p.engine().newConversation());
                Conversation saved = p.conversation();
                p.conversation(c);
                p.call(upper, off + 2, len - 2);
                p.conversation(saved);
                if (p.u8(off + 1) == 1) {
                    conversations.remove(id).release();
                }
                return len;
            });
        }

        @Override
        public void handoff(Registrar r) {
            assertThatThrownBy(() -> r.conversationData("ctu.counter", Counter::new))
                    .isInstanceOf(PluginException.class).hasMessageContaining("declared already");
        }
    }

    private long count(Engine e, String hex) {
        return e.dissect(TestFrames.frame(1, TestFrames.hex(hex), 1)).tree().valueOr(COUNT, -1);
    }

    @Test
    void stateLivesOnTheConversationAndGoesWhenTheTransportForgetsIt() {
        Plugin plugin = new Plugin();
        Engine e = Engine.builder().discover(false).plugin(plugin).build();
        e.tree().wantAll(true);
        assertThat(count(e, "01 00 aa")).isEqualTo(1);
        assertThat(count(e, "02 00 aa")).isEqualTo(1);
        assertThat(count(e, "01 00 aa")).isEqualTo(2);
        assertThat(count(e, "01 01 aa")).as("the last packet of conversation 1").isEqualTo(3);
        assertThat(released).containsExactly(3);
        assertThat(count(e, "01 00 aa")).as("a new conversation with the same id starts afresh").isEqualTo(1);
        assertThat(count(e, "02 00 aa")).isEqualTo(2);
        assertThat(released).containsExactly(3);
    }

    @Test
    void withoutATransportThereIsNoConversation() {
        Plugin plugin = new Plugin();
        Engine e = Engine.builder().discover(false).plugin(plugin).build();
        Packet p = e.dissect(TestFrames.frame(1, TestFrames.hex("01 00"), 1));
        assertThat(p.conversation()).isNull();
        assertThat(plugin.counters.get(p)).isNull();
        assertThat(plugin.counters.getOrCreate(p)).isNull();
    }

    @Test
    void releaseEmptiesAndCallsEachReleaseAction() {
        Plugin plugin = new Plugin();
        Engine e = Engine.builder().discover(false).plugin(plugin).build();
        Conversation c = e.newConversation();
        assertThat(c.isEmpty()).isTrue();
        c.release();
        assertThat(released).isEmpty();
    }
}
