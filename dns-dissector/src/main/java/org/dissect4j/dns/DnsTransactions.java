package org.dissect4j.dns;

import java.util.Arrays;

import org.dissect4j.api.ConversationData;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Registrar;

/**
 * Request/response matching, Wireshark's {@code dns_transaction_t} tree: per conversation (a UDP
 * address/port pair, a TCP connection), the transactions keyed by transaction ID and the frame of their
 * request. A request opens a transaction unless the latest one of its ID is still unanswered and younger
 * than the retransmission timer (then it is a retransmission of it); a response answers the latest
 * transaction of its ID, or is a retransmission when that one was answered already (unless its question
 * asked for a zone transfer, AXFR or IXFR, which takes many responses); a response without one is unsolicited.
 *
 * <p>On the second pass ({@code -2}, {@link Packet#visited()}), the transaction of a frame is the latest of its
 * ID whose request came at or before the frame, so that a request also learns the frame of its response
 * ({@code dns.response_in}). Found through a cursor per ID that only moves forward, as frames do: no search.
 *
 * <p>Kept as conversation data: the transport decides how many conversations are remembered and drops a
 * conversation's transactions with it. Bounded here: a conversation holds at most {@link #maxTransactions}
 * transactions ({@code -o dns.max_transactions}, 65,536), and all conversations together have room for
 * {@link #maxTotal} ({@code -o dns.max_transactions_total}, 2,097,152); a conversation that would hold more
 * starts afresh (its earlier requests are then forgotten: a late response to one shows as unsolicited) and
 * the message that made it gets the expert item {@code dns.transaction_limit}. A conversation's first
 * transaction and the growth of its arrays allocate; lookups do not.
 */
final class DnsTransactions {
    static final int MAX_TRANSACTIONS = 1 << 16;
    /** Transaction slots of all conversations together (about 35 bytes each). */
    static final long MAX_TOTAL = 1L << 21;
    /** The bounds in force (the defaults above unless a preference changes them). */
    int maxTransactions = MAX_TRANSACTIONS;
    long maxTotal = MAX_TOTAL;
    /** Whether the message last tracked made its conversation start afresh. */
    boolean limitReached;
    private static final long NANOS = 1_000_000_000L;

    /** Slots the conversations' arrays hold, counted against {@link #MAX_TOTAL}. */
    private long slotsInUse;

    /** One conversation's transactions, in the order their requests came (parallel arrays). */
    static final class Conversation {
        private final DnsTransactions budget;
        private int size;
        private int[] ids = new int[2];
        private long[] requestFrame = new long[2];
        private long[] responseFrame = new long[2];
        private long[] requestTime = new long[2];
        private boolean[] multiple = new boolean[2];
        /** The next transaction of the same ID, -1 at the end. */
        private int[] nextSameId = new int[2];
        // open addressing, ID + 1 as the key (0 = free): the first, latest and second-pass cursor slot per ID
        private int[] keys = new int[4];
        private int[] first = new int[4];
        private int[] latest = new int[4];
        private int[] cursor = new int[4];
        private int idCount;

        /** A conversation whose growth is counted in {@code budget}, or in no budget when it is {@code null}. */
        Conversation(DnsTransactions budget) {
            this.budget = budget;
            if (budget != null) {
                budget.slotsInUse += ids.length;
            }
        }

        int size() {
            return size;
        }

        private int entry(int id) {
            int mask = keys.length - 1;
            int i = (id * 0x9E3779B1) >>> 16 & mask;
            while (keys[i] != 0 && keys[i] != id + 1) {
                i = (i + 1) & mask;
            }
            return i;
        }

        /** The latest transaction of {@code id}, or -1. */
        int latest(int id) {
            int e = entry(id);
            return keys[e] == 0 ? -1 : latest[e];
        }

        /** The latest transaction of {@code id} whose request is at or before {@code frame}, or -1. */
        int latestUpTo(int id, long frame) {
            int e = entry(id);
            if (keys[e] == 0 || requestFrame[first[e]] > frame) {
                return -1;
            }
            int s = cursor[e];
            if (requestFrame[s] > frame) {
                s = first[e];       // frames went back (a new pass over the conversation): start over
            }
            for (int n = nextSameId[s]; n >= 0 && requestFrame[n] <= frame; n = nextSameId[n]) {
                s = n;
            }
            cursor[e] = s;
            return s;
        }

        /** Opens a transaction for the request {@code frame}; returns its slot. */
        int open(int id, long frame, long time) {
            int max = budget != null ? budget.maxTransactions : MAX_TRANSACTIONS;
            if (size >= max || size == ids.length && budget != null && budget.slotsInUse + size > budget.maxTotal) {
                clear();
                if (budget != null) {
                    budget.limitReached = true;
                }
            }
            if (size == ids.length) {
                int n = size * 2;
                if (budget != null) {
                    budget.slotsInUse += n - size;
                }
                ids = Arrays.copyOf(ids, n);
                requestFrame = Arrays.copyOf(requestFrame, n);
                responseFrame = Arrays.copyOf(responseFrame, n);
                requestTime = Arrays.copyOf(requestTime, n);
                multiple = Arrays.copyOf(multiple, n);
                nextSameId = Arrays.copyOf(nextSameId, n);
            }
            int s = size++;
            ids[s] = id;
            requestFrame[s] = frame;
            responseFrame[s] = 0;
            requestTime[s] = time;
            multiple[s] = false;
            nextSameId[s] = -1;
            if ((idCount + 1) * 2 > keys.length) {
                growMap();
            }
            int e = entry(id);
            if (keys[e] == 0) {
                keys[e] = id + 1;
                first[e] = s;
                cursor[e] = s;
                idCount++;
            } else {
                nextSameId[latest[e]] = s;
            }
            latest[e] = s;
            return s;
        }

        private void growMap() {
            int[] k = keys;
            int[] f = first;
            int[] l = latest;
            int[] c = cursor;
            keys = new int[k.length * 2];
            first = new int[k.length * 2];
            latest = new int[k.length * 2];
            cursor = new int[k.length * 2];
            for (int i = 0; i < k.length; i++) {
                if (k[i] != 0) {
                    int e = entry(k[i] - 1);
                    keys[e] = k[i];
                    first[e] = f[i];
                    latest[e] = l[i];
                    cursor[e] = c[i];
                }
            }
        }

        private void clear() {
            size = 0;
            idCount = 0;
            Arrays.fill(keys, 0);
        }
    }

    private final long timerNanos;
    private ConversationData<Conversation> perConversation;

    // ---- the transaction of the message being dissected (Wireshark's dns_trans, or its stand-in) ----
    /** The slot of a real transaction, -1 for a stand-in (no conversation, none found, a retransmission seen again). */
    int slot;
    long requestFrame;
    long responseFrame;
    long requestTime;
    boolean retransmission;
    private Conversation current;

    /** {@code timerSeconds}: Wireshark's {@code dns.retransmission_timer}. */
    DnsTransactions(long timerSeconds) {
        this.timerNanos = timerSeconds * NANOS;
    }

    /** Declares the per-conversation slot (at registration). */
    void declare(Registrar r) {
        perConversation = r.conversationData("dns.transactions", () -> new Conversation(this), this::forget);
    }

    /** A conversation the transport forgot: its slots no longer count. */
    private void forget(Conversation c) {
        slotsInUse -= c.ids.length;
    }

    /** Slots the remembered conversations hold. */
    long slotsInUse() {
        return slotsInUse;
    }

    /**
     * Finds (first pass: opens or answers) the transaction of a message with {@code id}; the result is in
     * the fields. Without a conversation (a test calling the dissector directly, a message quoted in an
     * ICMP error) nothing is tracked.
     */
    void track(Packet p, int id, boolean response) {
        slot = -1;
        limitReached = false;
        requestFrame = 0;
        responseFrame = 0;
        retransmission = false;
        long now = p.frame().timestampNanos();
        requestTime = now;
        Conversation c = perConversation == null || p.conversation() == null ? null : perConversation.getOrCreate(p);
        current = c;
        if (c == null) {
            return;
        }
        long frame = p.frame().number();
        int s;
        if (!p.visited()) {
            s = c.latest(id);
            if (!response) {
                if (s >= 0 && c.responseFrame[s] == 0 && now - c.requestTime[s] < timerNanos) {
                    retransmission = true;
                } else {
                    s = c.open(id, frame, now);
                }
            } else if (s >= 0) {
                if (c.responseFrame[s] == 0) {
                    c.responseFrame[s] = frame;
                } else if (!c.multiple[s]) {
                    retransmission = true;
                }
            }
        } else {
            s = c.latestUpTo(id, frame);
            if (s >= 0) {
                if (!response && c.requestFrame[s] != frame) {
                    // a retransmitted request: Wireshark makes a stand-in that points at the original
                    retransmission = true;
                    requestFrame = c.requestFrame[s];
                    return;
                }
                if (response && c.responseFrame[s] != frame && !c.multiple[s]) {
                    retransmission = true;
                }
            }
        }
        if (s >= 0) {
            slot = s;
            requestFrame = c.requestFrame[s];
            responseFrame = c.responseFrame[s];
            requestTime = c.requestTime[s];
        }
    }

    /** Whether the question of the message asks for many responses (AXFR, IXFR): set on its transaction. */
    void multipleResponses(boolean many) {
        if (slot >= 0 && current != null) {
            current.multiple[slot] = many;
        }
    }
}
