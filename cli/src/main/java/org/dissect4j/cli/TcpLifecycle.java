package org.dissect4j.cli;

/**
 * How one TCP connection opened and ended, fed segment by segment (direction, flags, relative
 * Seq/Ack, segment length, frame, time) — shared by {@code --handshakes} and the SVG flow.
 *
 * <p><b>Opening.</b> The caller tells the side of each segment: the client sent the first SYN without
 * ACK (without one, it received the first SYN/ACK; without either, it sent the first segment).
 * The handshake is complete when the client acknowledges the SYN/ACK; the initial RTT is, as
 * Wireshark's {@code tcp.analysis.initial_rtt}, the time from the SYN to that ACK.
 *
 * <p><b>Ending.</b> With both FINs: a <em>4-way</em> close when the second closer acknowledged the
 * first FIN in a segment of its own before sending its FIN, a <em>3-way</em> close when its FIN
 * segment carries that acknowledgement (FIN/ACK merged), a <em>simultaneous</em> close when neither
 * FIN acknowledged the other; then whether the last ACK was seen. A RST is reported with its side,
 * after a FIN if one came first. One FIN only is a half-close. Without FIN or RST nothing is known of the
 * end: the connection may have stayed open, or closed after the capture stopped ("no FIN/RST seen").
 */
final class TcpLifecycle {
    static final int CLIENT = 0, SERVER = 1;

    int syns, synAcks;
    long synFrame = -1, synAckFrame = -1, ackFrame = -1;
    long synTime = Long.MIN_VALUE, synAckTime = Long.MIN_VALUE, ackTime = Long.MIN_VALUE;
    /** The handshake ACK carried data (e.g. TLS ClientHello piggy-backed). */
    boolean ackCarriedData;

    final long[] finFrame = {-1, -1};
    final long[] finTime = {Long.MIN_VALUE, Long.MIN_VALUE};
    private final long[] finNext = new long[2];
    /** The side that sent the first FIN, or -1. */
    int firstCloser = -1;
    /** The second closer acknowledged the first FIN before (4-way) or with (3-way) its own FIN. */
    private boolean ackedSeparately;
    private boolean mergedFinAck;
    private boolean simultaneous;
    long lastAckFrame = -1;
    final int[] rsts = new int[2];
    long rstFrame = -1;
    int firstRst = -1;
    long rstTime = Long.MIN_VALUE;

    /** Feeds one segment; {@code side} is {@link #CLIENT} or {@link #SERVER}. */
    void segment(int side, int flags, long seq, long ack, long len, long frame, long time) {
        boolean syn = (flags & FlowCollector.SYN) != 0;
        boolean hasAck = (flags & FlowCollector.ACK) != 0;
        boolean fin = (flags & FlowCollector.FIN) != 0;
        boolean rst = (flags & FlowCollector.RST) != 0;
        if (syn && !hasAck && side == CLIENT) {
            if (syns++ == 0) {
                synFrame = frame;
                synTime = time;
            }
        } else if (syn && hasAck && side == SERVER) {
            if (synAcks++ == 0) {
                synAckFrame = frame;
                synAckTime = time;
            }
        } else if (!syn && !rst && hasAck && side == CLIENT && synAcks > 0 && ackFrame < 0) {
            ackFrame = frame;
            ackTime = time;
            ackCarriedData = len > 0;
        }
        if (rst) {
            rsts[side]++;
            if (firstRst < 0) {
                firstRst = side;
                rstFrame = frame;
                rstTime = time;
            }
        }
        int other = 1 - side;
        if (firstCloser >= 0 && side != firstCloser && hasAck && after(ack, finNext[firstCloser])) {
            if (fin && finFrame[side] < 0 && !ackedSeparately) {
                mergedFinAck = true;
            } else if (!fin && finFrame[side] < 0) {
                ackedSeparately = true;
            }
        }
        if (fin && finFrame[side] < 0) {
            finFrame[side] = frame;
            finTime[side] = time;
            finNext[side] = (seq + len + 1) & 0xFFFFFFFFL;
            if (firstCloser < 0) {
                firstCloser = side;
            } else if (!ackedSeparately && !mergedFinAck) {
                simultaneous = true;
            }
        } else if (!fin && finFrame[other] >= 0 && finFrame[side] >= 0 && hasAck && after(ack, finNext[other])
                && lastAckFrame < 0 && side == firstCloser) {
            lastAckFrame = frame;
        }
    }

    /** {@code a >= b} in sequence space (relative numbers, mod 2^32). */
    private static boolean after(long a, long b) {
        return (int) (a - b) >= 0;
    }

    boolean handshakeComplete() {
        return synFrame >= 0 && synAckFrame >= 0 && ackFrame >= 0;
    }

    /** The handshake in a few words: {@code complete}, {@code SYN only}, {@code refused (RST)}... */
    String handshake() {
        if (handshakeComplete()) {
            return syns > 1 || synAcks > 1 ? "complete (" + retries() + ")" : "complete";
        }
        if (synFrame < 0 && synAckFrame < 0) {
            return "not seen";
        }
        if (synAckFrame < 0) {
            if (firstRst == SERVER) {
                return "refused (RST)";
            }
            return syns > 1 ? "no answer (" + syns + " SYNs)" : "no answer";
        }
        if (synFrame < 0) {
            return "SYN/ACK only";
        }
        return "no final ACK";
    }

    private String retries() {
        StringBuilder sb = new StringBuilder();
        if (syns > 1) {
            sb.append(syns - 1).append(" SYN retransmission").append(syns > 2 ? "s" : "");
        }
        if (synAcks > 1) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(synAcks - 1).append(" SYN/ACK retransmission").append(synAcks > 2 ? "s" : "");
        }
        return sb.toString();
    }

    /** Initial RTT in nanoseconds (SYN to the handshake ACK), or -1. */
    long initialRtt() {
        return handshakeComplete() ? ackTime - synTime : -1;
    }

    /** How the connection ended, e.g. {@code 4-way FIN (client closed first)}, {@code RST by server}. */
    String close() {
        String who = firstCloser == CLIENT ? "client" : "server";
        String fins;
        if (finFrame[0] >= 0 && finFrame[1] >= 0) {
            String kind;
            if (simultaneous) {
                kind = "simultaneous FIN";
            } else if (mergedFinAck) {
                kind = "3-way FIN (merged FIN/ACK), " + who + " closed first";
            } else {
                kind = "4-way FIN, " + who + " closed first";
            }
            fins = lastAckFrame >= 0 ? kind : kind + ", last ACK not seen";
        } else if (firstCloser >= 0) {
            fins = "half-closed: FIN by " + who + " only";
        } else {
            fins = null;
        }
        if (firstRst >= 0) {
            String rst = "RST by " + (firstRst == CLIENT ? "client" : "server");
            return fins == null ? rst : fins + ", then " + rst;
        }
        return fins == null ? "no FIN/RST seen" : fins;
    }

    /** Short close kind for labels: {@code 4-way FIN}, {@code 3-way FIN}, {@code RST by client}, {@code half-close}, {@code no FIN/RST}. */
    String closeShort() {
        if (firstRst >= 0) {
            return "RST by " + (firstRst == CLIENT ? "client" : "server");
        }
        if (finFrame[0] >= 0 && finFrame[1] >= 0) {
            return simultaneous ? "simultaneous FIN" : mergedFinAck ? "3-way FIN" : "4-way FIN";
        }
        return firstCloser >= 0 ? "half-close" : "no FIN/RST";
    }

    /**
     * Which part of the connection the capture holds: {@code start and end}, {@code start only} (no FIN or
     * RST), {@code end only} (no SYN or SYN/ACK: it started before the capture), {@code middle only}.
     */
    String seen() {
        boolean start = synFrame >= 0 || synAckFrame >= 0;
        boolean end = firstCloser >= 0 || firstRst >= 0;
        return start ? end ? "start and end" : "start only" : end ? "end only" : "middle only";
    }

    /** The frame where the teardown started (first FIN or RST), or -1. */
    long teardownFrame() {
        long f = -1;
        for (long x : new long[] {finFrame[0], finFrame[1], rstFrame}) {
            if (x >= 0 && (f < 0 || x < f)) {
                f = x;
            }
        }
        return f;
    }
}
