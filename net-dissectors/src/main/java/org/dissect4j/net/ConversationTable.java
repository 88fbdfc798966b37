package org.dissect4j.net;

import java.util.Arrays;

import org.dissect4j.api.Conversation;
import org.dissect4j.api.Engine;

/**
 * Conversations keyed by two (address, port) endpoints in either direction, each with a stream
 * index in order of first appearance and the times of its first and latest packet
 * (for {@code udp.stream}, {@code udp.time_relative}, {@code udp.time_delta}).
 *
 * <p>Open addressing over primitive arrays: a lookup hashes and compares longs and never
 * allocates; the arrays double when three quarters full. Bounded: when {@code maxConversations}
 * are known the table is cleared (stream indexes keep counting up), so hostile traffic cannot
 * exhaust memory. Each conversation holds the plugins' {@link Conversation} data, made on first
 * use and released when the table forgets the conversation.
 */
final class ConversationTable {
    private static final int KEY_LONGS = 5;

    private final int maxConversations;
    private long[] keys;
    private int[] stream;
    private long[] firstTime;
    private long[] lastTime;
    private boolean[] used;
    private Conversation[] data;
    private int size;
    private int nextStream;

    ConversationTable(int maxConversations) {
        this.maxConversations = Math.max(16, maxConversations);
        allocate(64);
    }

    private boolean forgotAll;

    private void allocate(int capacity) {
        keys = new long[capacity * KEY_LONGS];
        stream = new int[capacity];
        firstTime = new long[capacity];
        lastTime = new long[capacity];
        used = new boolean[capacity];
        data = new Conversation[capacity];
        size = 0;
    }

    /**
     * Finds or creates the conversation of the two endpoints (family 4 or 6; IPv4 addresses in the
     * low 32 bits of {@code lo}) and returns its slot for {@link #stream(int)} and the times.
     */
    int lookup(int family, long aHi, long aLo, int aPort, long bHi, long bLo, int bPort) {
        forgotAll = false;
        // Canonical order: the smaller endpoint first, so both directions share one entry.
        int c = Long.compareUnsigned(aHi, bHi);
        if (c == 0) {
            c = Long.compareUnsigned(aLo, bLo);
        }
        if (c == 0) {
            c = Integer.compare(aPort, bPort);
        }
        long k0;
        long k1;
        long k2;
        long k3;
        long k4;
        if (c <= 0) {
            k0 = aHi;
            k1 = aLo;
            k2 = bHi;
            k3 = bLo;
            k4 = ((long) family << 32) | ((long) aPort << 16) | bPort;
        } else {
            k0 = bHi;
            k1 = bLo;
            k2 = aHi;
            k3 = aLo;
            k4 = ((long) family << 32) | ((long) bPort << 16) | aPort;
        }
        int mask = used.length - 1;
        long h = k0 * 0x9E3779B97F4A7C15L + k1;
        h = h * 0x9E3779B97F4A7C15L + k2;
        h = h * 0x9E3779B97F4A7C15L + k3;
        h = h * 0x9E3779B97F4A7C15L + k4;
        int slot = (int) (h ^ (h >>> 32)) & mask;
        while (used[slot]) {
            int k = slot * KEY_LONGS;
            if (keys[k] == k0 && keys[k + 1] == k1 && keys[k + 2] == k2 && keys[k + 3] == k3 && keys[k + 4] == k4) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        if (size >= maxConversations) {
            forgetAll();
            int fresh = lookup(family, aHi, aLo, aPort, bHi, bLo, bPort);
            forgotAll = true;
            return fresh;
        }
        if ((size + 1) * 4 > used.length * 3) {
            grow();
            return lookup(family, aHi, aLo, aPort, bHi, bLo, bPort);
        }
        used[slot] = true;
        int k = slot * KEY_LONGS;
        keys[k] = k0;
        keys[k + 1] = k1;
        keys[k + 2] = k2;
        keys[k + 3] = k3;
        keys[k + 4] = k4;
        stream[slot] = nextStream++;
        data[slot] = null;
        firstTime[slot] = Long.MIN_VALUE;
        lastTime[slot] = Long.MIN_VALUE;
        size++;
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldStream = stream;
        long[] oldFirst = firstTime;
        long[] oldLast = lastTime;
        boolean[] oldUsed = used;
        Conversation[] oldData = data;
        allocate(oldUsed.length * 2);
        int mask = used.length - 1;
        for (int i = 0; i < oldUsed.length; i++) {
            if (!oldUsed[i]) {
                continue;
            }
            int o = i * KEY_LONGS;
            long h = oldKeys[o] * 0x9E3779B97F4A7C15L + oldKeys[o + 1];
            h = h * 0x9E3779B97F4A7C15L + oldKeys[o + 2];
            h = h * 0x9E3779B97F4A7C15L + oldKeys[o + 3];
            h = h * 0x9E3779B97F4A7C15L + oldKeys[o + 4];
            int slot = (int) (h ^ (h >>> 32)) & mask;
            while (used[slot]) {
                slot = (slot + 1) & mask;
            }
            used[slot] = true;
            System.arraycopy(oldKeys, o, keys, slot * KEY_LONGS, KEY_LONGS);
            stream[slot] = oldStream[i];
            firstTime[slot] = oldFirst[i];
            lastTime[slot] = oldLast[i];
            data[slot] = oldData[i];
            size++;
        }
    }

    /** The plugins' data of the conversation in {@code slot}, made by {@code engine} on first use. */
    Conversation data(int slot, Engine engine) {
        Conversation c = data[slot];
        if (c == null) {
            c = engine.newConversation();
            data[slot] = c;
        }
        return c;
    }

    /** Whether the last {@link #lookup} found the table full and forgot every conversation first. */
    boolean forgotAll() {
        return forgotAll;
    }

    /** Forgets every conversation (the bound was reached): their plugins' data is released. */
    private void forgetAll() {
        for (int i = 0; i < used.length; i++) {
            if (data[i] != null) {
                data[i].release();
                data[i] = null;
            }
        }
        Arrays.fill(used, false);
        size = 0;
    }

    int stream(int slot) {
        return stream[slot];
    }

    /** Time of the conversation's first packet, or {@link Long#MIN_VALUE}. */
    long firstTime(int slot) {
        return firstTime[slot];
    }

    /** Time of the conversation's latest packet before this one, or {@link Long#MIN_VALUE}. */
    long lastTime(int slot) {
        return lastTime[slot];
    }

    /** Records a packet at {@code time} in the conversation. */
    void seen(int slot, long time) {
        if (firstTime[slot] == Long.MIN_VALUE) {
            firstTime[slot] = time;
        }
        lastTime[slot] = time;
    }

    int size() {
        return size;
    }
}
