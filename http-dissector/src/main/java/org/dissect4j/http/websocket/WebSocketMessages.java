package org.dissect4j.http.websocket;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.dissect4j.api.ConversationData;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Registrar;

/**
 * Fragmented messages (RFC 6455 section 5.4) being put together, per connection and direction, as Wireshark's
 * {@code websocket} reassembles them by default: a Text or Binary frame without FIN starts a message, Continuation
 * frames add to it, the one with FIN completes it. Bounded: a message longer than {@link #MAX_MESSAGE} bytes or of
 * more than {@link #MAX_FRAGMENTS} frames is given up (its frames stay shown one by one, as without reassembly); a
 * direction's buffer is made on its first fragmented message and grows by doubling up to that bound.
 */
final class WebSocketMessages {
    /** The largest message put together, in bytes. */
    static final int MAX_MESSAGE = 1 << 20;
    /** The most frames of one message put together. */
    static final int MAX_FRAGMENTS = 256;

    /** One direction's message in progress. */
    static final class Message {
        /** The opcode of the message's first frame, or -1 when none is in progress. */
        int opcode = -1;
        byte[] bytes = new byte[0];
        MemorySegment segment = MemorySegment.ofArray(bytes);
        int length;
        long[] frames = new long[4];
        int[] lengths = new int[4];
        int count;

        boolean add(Packet p, MemorySegment from, long at, int n) {
            if (length + (long) n > MAX_MESSAGE || count == MAX_FRAGMENTS) {
                opcode = -1;        // given up: too long for the bound
                return false;
            }
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(MAX_MESSAGE, Math.max(length + n, Math.max(256, bytes.length * 2))));
                segment = MemorySegment.ofArray(bytes);
            }
            MemorySegment.copy(from, at, segment, length, n);
            if (count == frames.length) {
                frames = Arrays.copyOf(frames, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
            }
            frames[count] = p.frame().number();
            lengths[count] = n;
            count++;
            length += n;
            return true;
        }

        void start(int op) {
            opcode = op;
            length = 0;
            count = 0;
        }
    }

    /** Both directions of one connection: the first side seen is {@link #a}. */
    static final class Connection {
        int portA = -1;
        byte[] addressA;
        final Message a = new Message();
        final Message b = new Message();
    }

    private ConversationData<Connection> perConnection;

    void declare(Registrar r) {
        perConnection = r.conversationData("websocket.messages", Connection::new);
    }

    /** The message in progress in the packet's direction, or null without a connection below. */
    Message message(Packet p) {
        Connection c = perConnection == null ? null : perConnection.getOrCreate(p);
        if (c == null) {
            return null;
        }
        byte[] src = p.netSrc();
        if (c.portA < 0) {
            c.portA = p.srcPort();
            c.addressA = src == null ? new byte[0] : src.clone();
        }
        boolean sideA = c.portA == p.srcPort() && Arrays.equals(c.addressA, src == null ? c.addressA : src);
        return sideA ? c.a : c.b;
    }

}
