package org.dissect4j.tcp;

import static org.dissect4j.tcp.TcpDissector.TH_FIN;
import static org.dissect4j.tcp.TcpDissector.TH_RST;
import static org.dissect4j.tcp.TcpSeq.ge;
import static org.dissect4j.tcp.TcpSeq.gt;
import static org.dissect4j.tcp.TcpSeq.le;
import static org.dissect4j.tcp.TcpSeq.lt;
import static org.dissect4j.tcp.TcpSeq.unsigned;

import org.dissect4j.api.Packet;
import org.dissect4j.api.StreamReassembly;
import org.dissect4j.api.Tree;

/**
 * Reassembly of a direction's byte stream into the PDUs the next layer asks for (Wireshark's
 * {@code desegment_tcp}): one multi-segment PDU in progress per direction ({@link TcpFlow}'s MSP) buffered
 * in a {@link SegmentBuffer} within the {@link ReassemblyBudget}; a completed PDU is handed on as a new
 * data source, "Reassembled TCP", of the frame that completed it.
 */
final class TcpReassembly {
    /** Composes per-packet labels (only when an output shows them). */
    private final StringBuilder label = new StringBuilder(48);
    private static final int MAX_FIRST_FRAGMENT = 1024 * 1024;
    private static final int UNTIL_FIN_SPAN = 0x4000_0000;
    private static final String SEGMENT_OF_PDU = "[TCP segment of a reassembled PDU]";
    /** Outcomes of {@link #completePdu}. */
    private static final int HANDED_ON = 0, WANTS_MORE = 1, FAILED = 2;

    private final ReassemblyBudget budget;
    private final TcpHandoff handoff;
    private final TcpStreamContext ctx;

    TcpReassembly(ReassemblyBudget budget, TcpHandoff handoff) {
        this.budget = budget;
        this.handoff = handoff;
        this.ctx = handoff.ctx;
    }

    /** Bytes currently held in reassembly buffers. */
    long bytesHeld() {
        return budget.used;
    }

    /**
     * Hands the whole PDUs in {@code [off, end)} (sequence numbers {@code seq} to {@code nxtseq}) to the
     * next layer, buffering what it asks more for, and labels the segment's data.
     */
    void desegment(Packet p, TcpSegment s, int off, int end, int seq, int nxtseq) {
        Tree t = p.tree();
        TcpFlow fwd = s.fwd;
        boolean firstPdu = true;
        String lockedProtocol = null;
        while (true) {
            ctx.desegOffset = 0;
            ctx.desegLen = 0;
            int desegOffset = off;
            boolean mustDesegment = false;
            boolean calledDissector = false;
            boolean complete = false;
            int anotherPduFollows = 0;
            int lastFragmentLen = 0;
            int remaining = end - off;

            if (retransmittedData(t, s, off, remaining, seq, nxtseq)) {
                break;
            }
            if (fwd.mspActive && le(fwd.mspSeq, seq) && gt(fwd.mspNxtpdu, seq)) {
                lastFragmentLen = addToPdu(p, s, off, remaining, seq, nxtseq);
                if (lastFragmentLen < 0) {
                    break;
                }
                complete = fwd.buffer.complete();
                if (lt(fwd.mspNxtpdu, nxtseq) && ge(fwd.mspNxtpdu, seq) && lastFragmentLen > 0) {
                    anotherPduFollows = fwd.mspNxtpdu - seq;
                }
            } else {
                handoff.processPayload(p, s, off, remaining, seq, true);
                calledDissector = true;
                if (ctx.desegLen != 0) {
                    mustDesegment = true;
                    desegOffset = off + ctx.desegOffset;
                }
            }

            if (complete) {
                calledDissector = true;
                int outcome = completePdu(p, s, off, seq, remaining, lastFragmentLen, anotherPduFollows);
                if (outcome == FAILED) {
                    break;
                }
                if (outcome == WANTS_MORE) {
                    // what follows the PDU in this segment goes round again; nothing follows: done
                    if (end - (off + lastFragmentLen) > 0) {
                        off += lastFragmentLen;
                        seq += lastFragmentLen;
                        continue;
                    }
                    anotherPduFollows = 0;
                }
            }
            if (mustDesegment) {
                startPdu(p, s, desegOffset, seq + (desegOffset - off), nxtseq);
            }
            if (!calledDissector || ctx.desegLen != 0) {
                segmentData(p, desegOffset, anotherPduFollows != 0 ? anotherPduFollows : end - desegOffset, firstPdu,
                        lockedProtocol == null);
            }
            if (anotherPduFollows <= 0) {
                break;
            }
            if (p.columns()) {
                p.fenceInfo();
                lockedProtocol = p.protocolColumn();
            }
            firstPdu = false;
            off += anotherPduFollows;
            seq += anotherPduFollows;
        }
        if (lockedProtocol != null) {
            p.protocolColumn(lockedProtocol);
        }
    }

    /**
     * Hands the completed PDU in progress on as "Reassembled TCP". {@link #WANTS_MORE} when the next layer
     * asked for more (the PDU is kept or split), {@link #FAILED} when the budget refused that, else
     * {@link #HANDED_ON}.
     */
    private int completePdu(Packet p, TcpSegment s, int off, int seq, int remaining, int lastFragmentLen,
                            int anotherPduFollows) {
        Tree t = p.tree();
        SegmentBuffer b = s.fwd.buffer;
        int src = t.addSource(b.view, 0, b.total, "Reassembled TCP");
        // Wireshark shows the segments before the next layer's items, and none when that layer took nothing
        int mark = t.size();
        segmentsTree(t, b, src);
        int shown = t.size();
        handoff.processReassembled(p, s, src, b.total, s.fwd.mspSeq, true);
        if (ctx.desegLen != 0) {
            if (ctx.desegOffset == 0 && t.size() == shown) {
                t.truncate(mark);
            }
            return pduNeedsMore(p, s, b, src, off, seq, remaining, lastFragmentLen) ? WANTS_MORE : FAILED;
        }
        t.add(TcpFields.SEGMENT_DATA, off, anotherPduFollows > 0 ? anotherPduFollows : remaining);
        pduDone(s);
        return HANDED_ON;
    }

    /** Labels the segment's bytes that were not handed on whole ("[TCP segment of a reassembled PDU]"). */
    private void segmentData(Packet p, int at, int length, boolean firstPdu, boolean protocolOpen) {
        if (ctx.desegOffset == 0 && p.columns()) {
            if (protocolOpen) {
                p.protocolColumn("TCP");
            }
            if (firstPdu) {
                appendSep(p.info(), SEGMENT_OF_PDU);
            }
        }
        p.tree().add(TcpFields.SEGMENT_DATA, at, length);
    }

    /** Data already reassembled or retransmitted is labelled (or, for a spurious retransmission, not) and not handed on. */
    private boolean retransmittedData(Tree t, TcpSegment s, int off, int remaining, int seq, int nxtseq) {
        TcpFlow fwd = s.fwd;
        long frame = s.frame;
        if (fwd.lastMspValid && fwd.lastMspSeq == seq && le(nxtseq, fwd.lastMspNxtpdu) && fwd.lastMspLastFrame != frame
                || fwd.mspActive && fwd.mspSeq == seq && le(nxtseq, fwd.mspNxtpdu) && fwd.mspLastFrame != frame
                && fwd.mspFirstFrame != frame) {
            retransmittedLabel(t, t.add(TcpFields.SEGMENT_DATA, off, remaining), remaining);
            return true;
        }
        if (s.analysed(TcpAcked.SPURIOUS_RETRANSMISSION)) {
            return true;
        }
        if (s.analysed(TcpAcked.RETRANSMISSION)) {
            retransmittedLabel(t, t.add(TcpFields.SEGMENT_DATA, off, remaining), remaining);
            return true;
        }
        return false;
    }

    /** {@code Retransmitted TCP segment data (1200 bytes)}, composed only when an output shows labels. */
    private void retransmittedLabel(Tree t, int node, int length) {
        if (node >= 0 && t.wantsLabels()) {
            label.setLength(0);
            label.append("Retransmitted TCP segment data (").append(length).append(length == 1 ? " byte)" : " bytes)");
            t.setLabel(node, label);
        }
    }

    /** Adds the segment's part of the PDU in progress; its length, or -1 when the budget refused it. */
    private int addToPdu(Packet p, TcpSegment s, int off, int remaining, int seq, int nxtseq) {
        TcpFlow fwd = s.fwd;
        fwd.mspLastFrame = s.frame;
        int len = fwd.mspEntireSegment ? remaining : (int) Math.min(unsigned(nxtseq - seq), unsigned(fwd.mspNxtpdu - seq));
        boolean more = lt(nxtseq, fwd.mspNxtpdu);
        if (!fwd.buffer.add(p.segment(), p.base() + off, seq - fwd.mspSeq, len, !more, s.frame, budget)) {
            reassemblyFailed(p, s, off);
            handoff.processPayload(p, s, off, remaining, seq, false);
            return -1;
        }
        if (fwd.mspEntireSegment) {
            fwd.mspEntireSegment = false;
            if (lt(fwd.mspNxtpdu, nxtseq)) {
                fwd.mspNxtpdu = nxtseq;
            }
        }
        return len;
    }

    /**
     * The next layer wants more than the completed PDU: keep it (or its tail past what was consumed)
     * and move the PDU's end. False when the budget refused the tail.
     */
    private boolean pduNeedsMore(Packet p, TcpSegment s, SegmentBuffer b, int src, int off, int seq, int remaining,
                                 int lastFragmentLen) {
        TcpFlow fwd = s.fwd;
        Tree t = p.tree();
        int total = b.total;
        if (ctx.desegOffset == 0) {
            t.removeLastSource();
            b.partial();
        } else if (le(fwd.mspSeq + ctx.desegOffset, seq)) {
            b.partial();
        } else {
            int split = ctx.desegOffset;
            SegmentBuffer nb = fwd.freshBuffer(budget);
            if (!nb.takeTail(b, split, total - split, budget)) {
                reassemblyFailed(p, s, off);
                return false;
            }
            fwd.mspSeq += split;
            fwd.mspFirstFrame = s.frame;
        }
        int desegLen = ctx.desegLen;
        if (desegLen == StreamReassembly.ONE_MORE_SEGMENT) {
            int a = seq + remaining;
            fwd.mspNxtpdu = (gt(a, fwd.mspNxtpdu) ? a : fwd.mspNxtpdu) + 1;
            fwd.mspEntireSegment = true;
        } else if (desegLen == StreamReassembly.UNTIL_FIN) {
            fwd.untilFin = true;
            fwd.mspNxtpdu = fwd.mspSeq + UNTIL_FIN_SPAN;
        } else if (ge(seq + lastFragmentLen, fwd.mspNxtpdu)) {
            fwd.mspNxtpdu = seq + lastFragmentLen + desegLen;
        } else {
            fwd.mspNxtpdu += desegLen;
        }
        fwd.buffer.expected = announced(desegLen) ? fwd.mspNxtpdu - fwd.mspSeq : 0;
        return true;
    }

    /** The PDU was handed on whole: shows its segments and remembers it, to recognise its retransmission. */
    private static void pduDone(TcpSegment s) {
        TcpFlow fwd = s.fwd;
        fwd.mspActive = false;
        fwd.lastMspValid = true;
        fwd.lastMspSeq = fwd.mspSeq;
        fwd.lastMspNxtpdu = fwd.mspNxtpdu;
        fwd.lastMspLastFrame = s.frame;
    }

    /** The next layer asked for more from {@code desegOffset} on: a new PDU in progress begins there. */
    private void startPdu(Packet p, TcpSegment s, int desegOffset, int desegSeq, int nxtseq) {
        TcpFlow fwd = s.fwd;
        if (unsigned(nxtseq - desegSeq) > MAX_FIRST_FRAGMENT || fwd.reassemblyFailed) {
            return;
        }
        int desegLen = ctx.desegLen;
        SegmentBuffer nb = fwd.freshBuffer(budget);
        fwd.mspActive = true;
        fwd.mspSeq = desegSeq;
        fwd.mspFirstFrame = s.frame;
        fwd.mspLastFrame = s.frame;
        fwd.mspEntireSegment = false;
        if (desegLen == StreamReassembly.ONE_MORE_SEGMENT) {
            fwd.mspNxtpdu = nxtseq + 1;
            fwd.mspEntireSegment = true;
        } else if (desegLen == StreamReassembly.UNTIL_FIN) {
            fwd.untilFin = true;
            fwd.mspNxtpdu = nxtseq + UNTIL_FIN_SPAN;
        } else {
            fwd.mspNxtpdu = nxtseq + desegLen;
        }
        nb.expected = announced(desegLen) ? fwd.mspNxtpdu - desegSeq : 0;
        if (!nb.add(p.segment(), p.base() + desegOffset, 0, nxtseq - desegSeq, !lt(nxtseq, fwd.mspNxtpdu),
                s.frame, budget)) {
            reassemblyFailed(p, s, desegOffset);
        }
    }

    /** Whether the upper layer said how many bytes it needs (not "one more segment" or "until FIN"). */
    private static boolean announced(int desegLen) {
        return desegLen != StreamReassembly.ONE_MORE_SEGMENT && desegLen != StreamReassembly.UNTIL_FIN;
    }

    private static void appendSep(StringBuilder info, String s) {
        if (!info.isEmpty()) {
            info.append(' ');
        }
        info.append(s);
    }

    /** The stream went over a reassembly bound: it is no longer reassembled, and memory is given back. */
    private void reassemblyFailed(Packet p, TcpSegment s, int at) {
        s.fwd.reassemblyFailed = true;
        s.fwd.releaseReassembly(budget);
        p.tree().expert(TcpExpert.REASSEMBLY_LIMIT, at, 0);
    }

    /** The FIN of a direction whose upper layer asked for everything until FIN: completes that PDU. */
    boolean finishUntilFin(Packet p, TcpSegment s, int payload) {
        TcpFlow fwd = s.fwd;
        if (!fwd.mspActive || fwd.buffer == null || !ge(s.seq, fwd.mspSeq) || fwd.reassemblyFailed) {
            return false;
        }
        int n = Math.min(s.seglen, p.captured(payload));
        if (!fwd.buffer.add(p.segment(), p.base() + payload, s.seq - fwd.mspSeq, n, true, s.frame, budget)) {
            reassemblyFailed(p, s, payload);
            return false;
        }
        if (!fwd.buffer.complete()) {
            return false;
        }
        Tree t = p.tree();
        SegmentBuffer b = fwd.buffer;
        int src = t.addSource(b.view, 0, b.total, "Reassembled TCP");
        segmentsTree(t, b, src);
        fwd.mspActive = false;
        fwd.untilFin = false;
        handoff.processReassembled(p, s, src, b.total, fwd.mspSeq, false);
        return true;
    }

    /**
     * A closed connection gives its reassembly memory back now, unless a PDU is still being reassembled: a reset
     * seen in one direction does not end the other's PDU (Wireshark goes on reassembling the server's records
     * after the client's RST, zeek tls/heartbleed-encrypted-success); the table's closed timeout and the
     * reassembly budget bound what stays.
     */
    void releaseIfClosed(TcpSegment s) {
        TcpFlow fwd = s.fwd, rev = s.rev;
        if (s.conv.closed && s.has(TH_RST | TH_FIN) && !fwd.untilFin && !rev.untilFin) {
            // The data source of this frame, if any, keeps its array alive until the next frame.
            if (!fwd.mspActive && !rev.mspActive) {
                fwd.releaseReassembly(budget);
                rev.releaseReassembly(budget);
            }
        }
    }

    /** Wireshark's show_fragment_tree: the segments a PDU was built from, on the frame that completed it. */
    private static void segmentsTree(Tree t, SegmentBuffer b, int src) {
        if (!t.wants(TcpFields.SEGMENTS) && !t.wants(TcpFields.SEGMENT) && !t.wants(TcpFields.SEGMENT_COUNT)
                && !t.wants(TcpFields.REASSEMBLED_LENGTH) && !t.wants(TcpFields.REASSEMBLED_DATA)) {
            return;
        }
        int total = b.total;
        int saved = t.currentSource();
        t.useSource(src);
        t.push(-1);
        int node = t.add(TcpFields.SEGMENTS, 0, total);
        t.setFlags(node, Tree.GENERATED);
        t.push(node);
        long end = 0;
        for (int i = 0; i < b.segCount; i++) {
            int seg = t.addLong(TcpFields.SEGMENT, b.segOffset[i], b.segLength[i], b.segFrame[i]);
            t.setFlags(seg, Tree.GENERATED);
            // segments are kept in offset order: one starting before the end of those before it overlaps them
            if (b.segOffset[i] < end && seg >= 0) {
                t.push(seg);
                // over no bytes at the segment's start, as reassemble.c adds it (PDML pos="5995" size="0")
                t.setFlags(t.addUint(TcpFields.SEGMENT_OVERLAP, b.segOffset[i], 0, 1), Tree.GENERATED);
                t.close();
            }
            end = Math.max(end, (long) b.segOffset[i] + b.segLength[i]);
        }
        t.addGenerated(TcpFields.SEGMENT_COUNT, b.segCount);
        t.addGenerated(TcpFields.REASSEMBLED_LENGTH, total);      // over no bytes, as reassemble.c adds it (PDML size="0")
        t.setFlags(t.add(TcpFields.REASSEMBLED_DATA, 0, total), Tree.GENERATED);
        t.close();
        t.close();
        t.useSource(saved);
    }
}
