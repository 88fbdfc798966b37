package org.dissect4j.api;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One plugin's data per conversation (a TCP connection, a UDP address/port pair): declared once at
 * registration ({@link Registrar#conversationData}), kept on the transport's conversation, and
 * dropped exactly when the transport forgets the conversation (TCP's idle, closed and count
 * bounds; the UDP table's bound). A plugin keeps no table of its own and sees no stale state of an
 * earlier connection that reused a stream index.
 *
 * <pre>{@code
 * static ConversationData<MySession> SESSIONS;                 // in register():
 * SESSIONS = r.conversationData("my.session", MySession::new);
 * ...
 * MySession s = SESSIONS.getOrCreate(p);                      // in dissect(): null without a conversation
 * }</pre>
 *
 * <p>Creating the value allocates once per conversation; reading it allocates nothing.
 *
 * @param <T> what the plugin keeps per conversation
 */
public final class ConversationData<T> {
    private final String name;
    private final int index;
    private final Supplier<? extends T> factory;
    private final Consumer<? super T> onRelease;

    ConversationData(String name, int index, Supplier<? extends T> factory, Consumer<? super T> onRelease) {
        this.name = name;
        this.index = index;
        this.factory = factory;
        this.onRelease = onRelease;
    }

    /**
     * The name it was declared under (for messages).
     *
     * @return the name given to {@link Registrar#conversationData}
     */
    public String name() {
        return name;
    }

    int index() {
        return index;
    }

    /**
     * The value of the packet's current conversation, without making one. Allocates nothing.
     *
     * @param p the packet being dissected
     * @return the value, or {@code null} when the conversation has none yet or the packet has no
     *     conversation ({@link Packet#conversation()} is {@code null})
     */
    @SuppressWarnings("unchecked")
    public T get(Packet p) {
        Conversation c = p.conversation();
        return c == null ? null : (T) c.value(index);
    }

    /**
     * The value of the packet's current conversation, made by the factory on first use (the one
     * allocation per conversation); {@code null} only when the packet has no conversation (no transport
     * set one, e.g. a unit test's direct call). The value lives until the transport forgets the
     * conversation ({@link Conversation#release()}).
     *
     * @param p the packet being dissected
     * @return the conversation's value, or {@code null} without a conversation
     */
    @SuppressWarnings("unchecked")
    public T getOrCreate(Packet p) {
        Conversation c = p.conversation();
        if (c == null) {
            return null;
        }
        Object v = c.value(index);
        if (v == null) {
            v = factory.get();
            c.value(index, v);
        }
        return (T) v;
    }

    @SuppressWarnings("unchecked")
    void release(Object value) {
        if (onRelease != null) {
            onRelease.accept((T) value);
        }
    }
}
