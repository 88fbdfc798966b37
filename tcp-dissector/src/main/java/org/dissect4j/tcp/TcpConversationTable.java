package org.dissect4j.tcp;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TCP connections by address and port pair, in least-recently-seen order. A lookup reuses one probe
 * key and allocates nothing; only a new connection allocates its key and {@link TcpConversation}.
 *
 * <p><b>Bounds.</b> At most {@code maxConversations} connections are kept: when a new one would exceed
 * it, the least recently seen is dropped. Connections closed (FIN both ways, or RST) and idle for
 * {@code closedTimeoutNanos} of capture time, and any connection idle for {@code idleTimeoutNanos}, are
 * dropped when a new connection arrives. A dropped connection that shows up again gets a new stream
 * index, as if the capture had started in the middle of it.
 */
final class TcpConversationTable {
    /** The two endpoints of a connection, lower endpoint first (address bytes, then port). */
    static final class Key {
        int type;
        long aHi, aLo, bHi, bLo;
        int aPort, bPort;
        private int hash;

        boolean set(int type, byte[] src, byte[] dst, int n, int sport, int dport) {
            long sHi, sLo, dHi, dLo;
            if (n == 4) {
                // IPv4, the common case: one word read per address instead of the byte loops (same values as hi/lo)
                sHi = (long) (int) BE_INT.get(src, 0) << 32;
                dHi = (long) (int) BE_INT.get(dst, 0) << 32;
                sLo = 0;
                dLo = 0;
            } else {
                sHi = hi(src, n);
                sLo = lo(src, n);
                dHi = hi(dst, n);
                dLo = lo(dst, n);
            }
            int c = compare(sHi, sLo, dHi, dLo);
            boolean srcFirst = c != 0 ? c < 0 : sport <= dport;
            this.type = type;
            if (srcFirst) {
                aHi = sHi; aLo = sLo; aPort = sport; bHi = dHi; bLo = dLo; bPort = dport;
            } else {
                aHi = dHi; aLo = dLo; aPort = dport; bHi = sHi; bLo = sLo; bPort = sport;
            }
            // multiply-xorshift mixing: IPv4 addresses sit in the high half of aHi/bHi, and a plain
            // polynomial hash would leave the bits the table indexes by poorly spread
            long h = (aHi ^ aLo * 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 31) ^ bHi ^ bLo * 0x94D049BB133111EBL) * 0x9E3779B97F4A7C15L;
            h = (h ^ (h >>> 29) ^ ((long) aPort << 32 | (long) bPort << 8 | type)) * 0xBF58476D1CE4E5B9L;
            hash = (int) (h ^ (h >>> 32));
            return srcFirst;
        }

        Key copy() {
            Key k = new Key();
            k.type = type;
            k.aHi = aHi; k.aLo = aLo; k.bHi = bHi; k.bLo = bLo;
            k.aPort = aPort; k.bPort = bPort;
            k.hash = hash;
            return k;
        }

        private static final java.lang.invoke.VarHandle BE_INT =
                java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);

        /** Same endpoints as {@code k} (the hash is derived from them). */
        boolean sameAs(Key k) {
            return k.hash == hash && k.type == type && k.aHi == aHi && k.aLo == aLo && k.bHi == bHi && k.bLo == bLo
                    && k.aPort == aPort && k.bPort == bPort;
        }

        private static long hi(byte[] a, int n) {
            long v = 0;
            for (int i = 0; i < Math.min(8, n); i++) {
                v = (v << 8) | (a[i] & 0xff);
            }
            return n < 8 ? v << (8 * (8 - n)) : v;
        }

        private static long lo(byte[] a, int n) {
            long v = 0;
            for (int i = 8; i < n; i++) {
                v = (v << 8) | (a[i] & 0xff);
            }
            return v;
        }

        private static int compare(long aHi, long aLo, long bHi, long bLo) {
            int c = Long.compareUnsigned(aHi, bHi);
            return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && sameAs(k);
        }
    }

    private final LinkedHashMap<Key, TcpConversation> map;
    private final int maxConversations;
    private final long idleTimeoutNanos;
    private final long closedTimeoutNanos;
    private final ReassemblyBudget budget;
    private final Key probe = new Key();
    private long evicted;
    private boolean droppedForRoom;

    TcpConversationTable(int maxConversations, long idleTimeoutNanos, long closedTimeoutNanos, ReassemblyBudget budget) {
        this.maxConversations = maxConversations;
        this.idleTimeoutNanos = idleTimeoutNanos;
        this.closedTimeoutNanos = closedTimeoutNanos;
        this.budget = budget;
        this.map = new LinkedHashMap<>(1024, 0.75f, true);
    }

    /** Fills the probe key; returns whether the packet's source is the key's first endpoint. */
    boolean probe(int type, byte[] src, byte[] dst, int sport, int dport) {
        int n = type == org.dissect4j.api.Packet.AT_IPV6 ? 16 : type == org.dissect4j.api.Packet.AT_IPV4 ? 4 : 0;
        return probe.set(type, src, dst, n, sport, dport);
    }

    /**
     * The conversation found or created last. Every access goes through {@link #find()} or
     * {@link #create}, which leave that entry at the most-recently-seen end of the access-ordered map,
     * so while it is live a hit on it needs no map lookup and leaves the order as {@code map.get} would.
     */
    private TcpConversation last;

    /** The live conversation for the probed key (moved to most recently seen), or null. */
    TcpConversation find() {
        TcpConversation c = last;
        if (c != null && c.live && probe.sameAs(c.key)) {
            return c;
        }
        c = map.get(probe);
        if (c != null) {
            last = c;
        }
        return c;
    }

    /** A new conversation for the probed key, replacing any older one with the same key. */
    TcpConversation create(int stream, long now) {
        expire(now);
        Key k = probe.copy();
        TcpConversation c = new TcpConversation(k, stream, now);
        TcpConversation old = map.put(k, c);
        last = c;
        if (old != null) {
            drop(old);
        }
        droppedForRoom = false;
        while (map.size() > maxConversations) {
            Iterator<Map.Entry<Key, TcpConversation>> it = map.entrySet().iterator();
            TcpConversation eldest = it.next().getValue();
            it.remove();
            drop(eldest);
            droppedForRoom = true;
        }
        return c;
    }

    /** Whether the last {@link #create} had to drop the least recently seen connection to stay within the bound. */
    boolean droppedForRoom() {
        return droppedForRoom;
    }

    private void expire(long now) {
        if (map.isEmpty()) {
            return;
        }
        Iterator<Map.Entry<Key, TcpConversation>> it = map.entrySet().iterator();
        int checked = 0;
        while (it.hasNext() && checked++ < 64) {
            TcpConversation c = it.next().getValue();
            long idle = now - c.lastSeen;
            if (idle > idleTimeoutNanos || c.closed && idle > closedTimeoutNanos) {
                it.remove();
                drop(c);
            } else if (idle <= Math.min(idleTimeoutNanos, closedTimeoutNanos)) {
                break;
            }
        }
    }

    private void drop(TcpConversation c) {
        c.live = false;
        c.releaseData();
        c.flow1.releaseReassembly(budget);
        c.flow2.releaseReassembly(budget);
        evicted++;
    }

    int size() {
        return map.size();
    }

    long evicted() {
        return evicted;
    }

    @SuppressWarnings("unused")
    private static String debug(Key k) {
        return Arrays.toString(new long[] {k.aHi, k.aLo, k.aPort, k.bHi, k.bLo, k.bPort});
    }
}
