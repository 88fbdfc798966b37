package org.dissect4j.example.mqtt;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.ConversationData;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Registrar;

/**
 * What MQTT remembers per TCP connection, as Wireshark's {@code mqtt_conv_t}: the protocol version its
 * CONNECT announced (later packets depend on it: MQTT 5.0 adds properties and reason codes) and the topic
 * aliases its MQTT 5.0 PUBLISH packets defined. Like Wireshark, one alias map serves both directions of a
 * connection. Kept as the connection's {@link ConversationData}: TCP's bounds decide how many connections
 * are remembered, and a forgotten connection's alias bytes are given back.
 *
 * <p>Bounded here: {@link #MAX_ALIASES} aliases per connection, {@link #MAX_TOPIC_BYTES} bytes per
 * remembered topic, {@link #MAX_ALIAS_BYTES} for all topics; an alias over those bounds is simply not
 * remembered (a later use shows {@code mqtt.unknown_topic_alias}). Lookups never allocate; a connection's
 * first packet and an alias's first definition do.
 */
final class MqttConversations {
    static final int MAX_ALIASES = 1024;
    static final int MAX_TOPIC_BYTES = 4096;
    /** All remembered alias topics of all connections together. */
    static final long MAX_ALIAS_BYTES = 32L << 20;

    private long aliasBytes;

    /** One connection's state. */
    final class Conversation {
        int version;
        /** Bytes of this connection's alias topics, counted in {@link #aliasBytes}. */
        private long bytes;
        /** Alias numbers, 0 = free slot (alias 0 is not allowed by the protocol). Open addressing, linear probe. */
        private int[] aliasKeys;
        private byte[][] aliasTopics;
        private MemorySegment[] aliasSegments;
        private int[] aliasLengths;
        private int aliasCount;

        void reset(int version) {
            this.version = version;
            if (aliasKeys != null) {
                Arrays.fill(aliasKeys, 0);
            }
            aliasCount = 0;
        }

        /** Remembers {@code length} bytes at {@code at} as the topic of {@code alias}. */
        void defineAlias(int alias, MemorySegment seg, long at, int length) {
            if (alias <= 0 || length > MAX_TOPIC_BYTES) {
                return;
            }
            if (aliasKeys == null) {
                aliasKeys = new int[16];
                aliasTopics = new byte[16][];
                aliasSegments = new MemorySegment[16];
                aliasLengths = new int[16];
            }
            int slot = find(alias);
            if (aliasKeys[slot] == 0) {
                if (aliasCount >= MAX_ALIASES) {
                    return;
                }
                if ((aliasCount + 1) * 2 > aliasKeys.length) {
                    grow();
                    slot = find(alias);
                }
                aliasKeys[slot] = alias;
                aliasCount++;
            }
            byte[] t = aliasTopics[slot];
            if (t == null || t.length < length) {
                int size = Math.max(length, 32);
                if (aliasBytes + size > MAX_ALIAS_BYTES) {
                    aliasKeys[slot] = 0;    // over the bound: forget this alias rather than grow
                    aliasCount--;
                    rehashAfterRemoval();
                    return;
                }
                aliasBytes += size - (t == null ? 0 : t.length);
                bytes += size - (t == null ? 0 : t.length);
                t = new byte[size];
                aliasTopics[slot] = t;
                aliasSegments[slot] = MemorySegment.ofArray(t);
            }
            MemorySegment.copy(seg, Bytes.U8, at, t, 0, length);
            aliasLengths[slot] = length;
        }

        /** The slot of {@code alias}, or -1 when it was never defined. */
        int aliasSlot(int alias) {
            if (aliasKeys == null || alias <= 0) {
                return -1;
            }
            int slot = find(alias);
            return aliasKeys[slot] == alias ? slot : -1;
        }

        /** The topic bytes of an alias (offset 0, {@link #aliasLength} bytes), valid until the alias is redefined. */
        MemorySegment aliasSegment(int slot) {
            return aliasSegments[slot];
        }

        int aliasLength(int slot) {
            return aliasLengths[slot];
        }

        private int find(int alias) {
            int mask = aliasKeys.length - 1;
            int i = (alias * 0x9E3779B1) >>> 16 & mask;
            while (aliasKeys[i] != 0 && aliasKeys[i] != alias) {
                i = (i + 1) & mask;
            }
            return i;
        }

        /** Re-inserts the entries after a slot freed by {@link #defineAlias}, as linear probing requires. */
        private void rehashAfterRemoval() {
            int[] keys = aliasKeys.clone();
            byte[][] topics = aliasTopics.clone();
            MemorySegment[] segments = aliasSegments.clone();
            int[] lengths = aliasLengths.clone();
            Arrays.fill(aliasKeys, 0);
            Arrays.fill(aliasTopics, null);
            Arrays.fill(aliasSegments, null);
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != 0) {
                    int slot = find(keys[i]);
                    aliasKeys[slot] = keys[i];
                    aliasTopics[slot] = topics[i];
                    aliasSegments[slot] = segments[i];
                    aliasLengths[slot] = lengths[i];
                }
            }
        }

        private void grow() {
            int[] keys = aliasKeys;
            byte[][] topics = aliasTopics;
            MemorySegment[] segments = aliasSegments;
            int[] lengths = aliasLengths;
            aliasKeys = new int[keys.length * 2];
            aliasTopics = new byte[keys.length * 2][];
            aliasSegments = new MemorySegment[keys.length * 2];
            aliasLengths = new int[keys.length * 2];
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != 0) {
                    int slot = find(keys[i]);
                    aliasKeys[slot] = keys[i];
                    aliasTopics[slot] = topics[i];
                    aliasSegments[slot] = segments[i];
                    aliasLengths[slot] = lengths[i];
                }
            }
        }
    }

    /** The state of data that has no connection (no transport below): shared, like a conversation of its own. */
    private final Conversation detached = new Conversation();
    private final int defaultVersion;
    private ConversationData<Conversation> perConnection;

    /** {@code defaultVersion}: the version assumed until a CONNECT is seen (Wireshark's {@code mqtt.default_version}). */
    MqttConversations(int defaultVersion) {
        this.defaultVersion = defaultVersion;
        detached.reset(defaultVersion);
    }

    /** Declares the per-connection slot (at registration). */
    void declare(Registrar r) {
        perConnection = r.conversationData("mqtt.conversation", this::newConversation, this::forget);
    }

    /** The state of the packet's connection (made on first use), or the detached state without one. */
    Conversation get(Packet p) {
        Conversation c = perConnection == null ? null : perConnection.getOrCreate(p);
        return c != null ? c : detached;
    }

    /** A new connection's state, at the default version. */
    Conversation newConversation() {
        Conversation c = new Conversation();
        c.reset(defaultVersion);
        return c;
    }

    /** A connection TCP forgot: its alias topics no longer count against {@link #MAX_ALIAS_BYTES}. */
    void forget(Conversation c) {
        aliasBytes -= c.bytes;
        c.bytes = 0;
    }

    /** Bytes held by the alias topics of all remembered connections. */
    long aliasBytes() {
        return aliasBytes;
    }
}
