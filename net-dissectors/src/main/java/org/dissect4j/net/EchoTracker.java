package org.dissect4j.net;

import java.util.Arrays;

/**
 * Matches ICMP/ICMPv6 echo requests with their replies, as Wireshark's ICMP transactions do:
 * a request is remembered under the address pair (either direction), identifier, sequence number
 * and the checksum its reply will carry; a reply with the same key finds it once.
 *
 * <p>Open addressing over primitive arrays, no allocation per packet. Bounded: when three
 * quarters of {@code capacity} slots are used the table is emptied (old requests are forgotten).
 */
final class EchoTracker {
    private static final int KEY_LONGS = 5;

    private final long[] keys;
    private final long[] requestFrame;
    private final long[] requestTime;
    private final long[] responseFrame;
    private final boolean[] used;
    private int size;
    private int slot = -1;

    EchoTracker(int capacity) {
        int c = Integer.highestOneBit(Math.max(64, capacity - 1)) << 1;
        keys = new long[c * KEY_LONGS];
        requestFrame = new long[c];
        requestTime = new long[c];
        responseFrame = new long[c];
        used = new boolean[c];
    }

    /**
     * Finds the entry for the key (creating it when {@code create}); returns whether one exists.
     * The entry's data is then read with {@link #requestFrame()} etc.
     */
    boolean find(int family, long aHi, long aLo, long bHi, long bLo, long key, boolean create) {
        long k0;
        long k1;
        long k2;
        long k3;
        int c = Long.compareUnsigned(aHi, bHi);
        if (c == 0) {
            c = Long.compareUnsigned(aLo, bLo);
        }
        if (c <= 0) {
            k0 = aHi;
            k1 = aLo;
            k2 = bHi;
            k3 = bLo;
        } else {
            k0 = bHi;
            k1 = bLo;
            k2 = aHi;
            k3 = aLo;
        }
        long k4 = key ^ ((long) family << 60);
        int mask = used.length - 1;
        long h = ((k0 * 0x9E3779B97F4A7C15L + k1) * 0x9E3779B97F4A7C15L + k2) * 0x9E3779B97F4A7C15L + k3;
        h = h * 0x9E3779B97F4A7C15L + k4;
        int s = (int) (h ^ (h >>> 32)) & mask;
        while (used[s]) {
            int k = s * KEY_LONGS;
            if (keys[k] == k0 && keys[k + 1] == k1 && keys[k + 2] == k2 && keys[k + 3] == k3 && keys[k + 4] == k4) {
                slot = s;
                return true;
            }
            s = (s + 1) & mask;
        }
        if (!create) {
            slot = -1;
            return false;
        }
        if ((size + 1) * 4 > used.length * 3) {
            Arrays.fill(used, false);
            size = 0;
            return find(family, aHi, aLo, bHi, bLo, key, true);
        }
        used[s] = true;
        int k = s * KEY_LONGS;
        keys[k] = k0;
        keys[k + 1] = k1;
        keys[k + 2] = k2;
        keys[k + 3] = k3;
        keys[k + 4] = k4;
        requestFrame[s] = 0;
        requestTime[s] = 0;
        responseFrame[s] = 0;
        size++;
        slot = s;
        return true;
    }

    long requestFrame() {
        return requestFrame[slot];
    }

    long requestTime() {
        return requestTime[slot];
    }

    long responseFrame() {
        return responseFrame[slot];
    }

    void request(long frame, long time) {
        requestFrame[slot] = frame;
        requestTime[slot] = time;
        responseFrame[slot] = 0;
    }

    void response(long frame) {
        responseFrame[slot] = frame;
    }
}
