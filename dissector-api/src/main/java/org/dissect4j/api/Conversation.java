package org.dissect4j.api;

/**
 * The per-conversation values of every plugin ({@link ConversationData}), held by a transport's
 * conversation: TCP keeps one per connection, UDP one per address/port pair. A transport makes it
 * with {@link Engine#newConversation()} when it creates its conversation, sets it on the packet
 * ({@link Packet#conversation(Conversation)}) before it hands data on, and calls {@link #release()}
 * when it forgets the conversation.
 */
public final class Conversation {
    private final ConversationData<?>[] declared;
    private Object[] values;

    Conversation(ConversationData<?>[] declared) {
        this.declared = declared;
    }

    Object value(int index) {
        Object[] v = values;
        return v == null ? null : v[index];
    }

    void value(int index, Object value) {
        if (values == null) {
            values = new Object[declared.length];
        }
        values[index] = value;
    }

    /**
     * Drops every plugin's value (calling each release action declared): the transport has
     * forgotten the conversation. Later reads see none; a later {@code getOrCreate} starts afresh.
     * Call it from the engine's thread; calling it twice does nothing the second time.
     */
    public void release() {
        Object[] v = values;
        values = null;
        if (v != null) {
            for (int i = 0; i < v.length; i++) {
                if (v[i] != null) {
                    declared[i].release(v[i]);
                }
            }
        }
    }

    /**
     * Whether no plugin keeps a value here.
     *
     * @return {@code true} when no plugin has made its value yet (or all were released)
     */
    public boolean isEmpty() {
        Object[] v = values;
        if (v != null) {
            for (Object o : v) {
                if (o != null) {
                    return false;
                }
            }
        }
        return true;
    }
}
