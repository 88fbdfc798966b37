package org.dissect4j.tcp;

import static org.dissect4j.tcp.TcpSeq.ge;
import static org.dissect4j.tcp.TcpSeq.gt;
import static org.dissect4j.tcp.TcpSeq.le;
import static org.dissect4j.tcp.TcpSeq.lt;
import static org.dissect4j.tcp.TcpSeq.unsigned;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.Expert;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.HeuristicList;
import org.dissect4j.api.Packet;
import org.dissect4j.api.StreamReassembly;
import org.dissect4j.api.Tree;

/**
 * The TCP dissector (RFC 9293): header, options, conversations with relative sequence numbers and
 * window scaling, Wireshark's one-pass sequence analysis, and reassembly of the byte stream for the
 * next layer, which is found through the connection's claimed dissector, the {@code tcp.port} table
 * (server port, lower port, higher port) and the {@code tcp} heuristics, like Wireshark 4.0.
 *
 * <p>Reading order follows Wireshark's {@code dissect_tcp}: ports, conversation, segment length and
 * sequence analysis, flags, window, checksum, options, analysis results, then the payload. Nothing is
 * allocated per packet; a connection allocates its {@link TcpConversation} once.
 */
public final class TcpDissector implements Dissector {
    /** The TCP header (RFC 9293 §3.1): offsets from the start of the segment. */
    static final int SPORT_OFFSET = 0, DPORT_OFFSET = 2, SEQ_OFFSET = 4, ACK_OFFSET = 8, OFF_FLAGS_OFFSET = 12,
            WINDOW_OFFSET = 14, CHECKSUM_OFFSET = 16, URGENT_OFFSET = 18, MIN_LENGTH = 20;
    static final int TH_FIN = 0x01, TH_SYN = 0x02, TH_RST = 0x04, TH_PUSH = 0x08, TH_ACK = 0x10, TH_URG = 0x20,
            TH_ECE = 0x40, TH_CWR = 0x80, TH_AE = 0x100, TH_RES = 0xe00, TH_MASK = 0xfff;
    private static final int MAX_FIRST_FRAGMENT = 1024 * 1024;
    private static final int UNTIL_FIN_SPAN = 0x4000_0000;
    private static final String SEGMENT_OF_PDU = "[TCP segment of a reassembled PDU]";

    private final TcpSettings settings;
    private final ReassemblyBudget budget;
    private final TcpConversationTable conversations;
    private final TcpAcked ta = new TcpAcked();
    private final TcpStreamContext ctx = new TcpStreamContext();
    private final TcpOptions options;
    private final TcpFlagText flagText = new TcpFlagText();
    private final TcpHeaderDissector header;
    private DissectorTable portTable;
    private HeuristicList heuristics;
    private DissectorHandle dataHandle;
    private int streamCount;

    // Per packet (reset at the start of dissect).
    private TcpConversation conv;
    private TcpFlow fwd;
    private TcpFlow rev;
    private long now;
    private long frame;
    private int flags;
    private int sackBaseAck;
    private int thAck;

    public TcpDissector(TcpSettings settings) {
        this.settings = settings;
        this.budget = new ReassemblyBudget(settings.maxReassemblyBytes, settings.maxStreamReassemblyBytes);
        this.conversations = new TcpConversationTable(settings.maxConversations, settings.idleTimeoutNanos,
                settings.closedTimeoutNanos, budget);
        this.options = new TcpOptions(this);
        this.header = new TcpHeaderDissector(settings, flagText);
    }

    /** Wires the dissector to the tables it hands payload to (done once, at hand-off time). */
    void wire(DissectorTable portTable, HeuristicList heuristics, DissectorHandle dataHandle) {
        this.portTable = portTable;
        this.heuristics = heuristics;
        this.dataHandle = dataHandle;
    }

    /** Connections currently tracked. */
    public int conversationCount() {
        return conversations.size();
    }

    /** Bytes currently held in reassembly buffers. */
    public long reassemblyBytes() {
        return budget.used;
    }

    @Override
    public int dissect(Packet p, int offset, int length) {
        Tree t = p.tree();
        if (p.wantsNothingBeyond(TcpHeaderDissector.HEADER_FIELDS)) {
            return header.dissectHeaderOnly(p, t, offset, length);
        }
        boolean columns = p.columns();
        int sport = p.u16(offset + SPORT_OFFSET);
        int dport = p.u16(offset + DPORT_OFFSET);
        frame = p.frame().number();
        now = p.frame().timestampNanos();
        conv = null;
        fwd = null;
        rev = null;
        ta.clear();
        if (columns) {
            p.protocolColumn("TCP");
            p.clearInfo().append(sport).append(" \u2192 ").append(dport);
        }
        int tcpNode = TcpHeaderDissector.openWithPorts(p, t, offset, length, sport, dport);

        int rawSeq = (int) p.u32(offset + SEQ_OFFSET);
        int rawAck = (int) p.u32(offset + ACK_OFFSET);
        int offX2 = p.u8(offset + OFF_FLAGS_OFFSET);
        flags = p.u16(offset + OFF_FLAGS_OFFSET) & TH_MASK;
        int rawWin = p.u16(offset + WINDOW_OFFSET);
        int hlen = (offX2 >> 4) * 4;
        int seq = rawSeq;
        int ack = rawAck;
        long win = rawWin;

        boolean visited = p.visited();
        findConversation(p, sport, dport, seq, ack, visited);
        conv.lastSeen = now;
        t.addGenerated(TcpFields.STREAM, conv.stream);
        t.addGenerated(TcpFields.COMPLETENESS, conv.completeness);
        if (settings.analyzeSeq) {
            fwd.numSackRanges = 0;
        }
        long delta = now - conv.tsPrev;
        if (!visited) {
            conv.tsPrev = now;
        }

        boolean haveSeglen;
        int seglen = 0;
        int nxtseq = 0;
        if (length < hlen) {
            t.expert(TcpExpert.SHORT_SEGMENT, offset, 0);
            haveSeglen = false;
        } else {
            seglen = length - hlen;
            haveSeglen = true;
            t.addGenerated(TcpFields.LEN, seglen);
            if (settings.analyzeSeq) {
                if (!visited) {
                    analyzeSequence(seq, ack, seglen, flags, rawWin);
                }
                if (settings.relativeSeq) {
                    seq -= fwd.baseSeq;
                    if ((flags & TH_ACK) != 0) {
                        ack -= rev.baseSeq;
                    }
                }
            }
            if ((flags & TH_SYN) == 0) {
                if (fwd.winScale >= 0) {
                    win = win << fwd.winScale;
                } else if (fwd.winScale == -1 && settings.defaultWindowScaling >= 0) {
                    win = win << settings.defaultWindowScaling;
                }
            }
            nxtseq = seq + seglen;
        }
        thAck = ack;

        if (columns) {
            StringBuilder info = p.info();
            info.append(" [").append(flagText.infoNames(flags)).append(']');
            info.append(" Seq=").append(unsigned(seq));
            if ((flags & TH_ACK) != 0) {
                info.append(" Ack=").append(unsigned(ack));
            }
            info.append(" Win=").append(win);
        }
        t.addUint(TcpFields.SEQ, offset + 4, 4, unsigned(seq));
        if (settings.analyzeSeq && settings.relativeSeq) {
            t.addUint(TcpFields.SEQ_RAW, offset + 4, 4, unsigned(rawSeq));
        } else {
            t.setFlags(t.addUint(TcpFields.SEQ_RAW, offset + 4, 4, unsigned(rawSeq)), Tree.HIDDEN);
        }

        if (hlen < MIN_LENGTH) {
            if (columns) {
                p.info().append(", bogus TCP header length (").append(hlen).append(", must be at least ")
                        .append(MIN_LENGTH).append(')');
            }
            t.addUint(TcpFields.HDR_LEN, offset + 12, 1, hlen);
            t.expert(TcpExpert.BOGUS_HEADER_LENGTH, offset + 12, 1);
            t.close();
            return Math.min(length, 12);
        }

        updateCompleteness(seglen);
        t.setLength(tcpNode, Math.min(hlen, Math.max(0, p.captured(offset))));
        if (haveSeglen) {
            int nx = (flags & (TH_SYN | TH_FIN)) != 0 ? nxtseq + 1 : nxtseq;
            t.addGenerated(TcpFields.NXTSEQ, unsigned(nx));
        }
        t.addUint(TcpFields.ACK, offset + 8, 4, unsigned(ack));
        int ackRawNode = t.addUint(TcpFields.ACK_RAW, offset + 8, 4, unsigned(rawAck));
        if ((flags & TH_ACK) != 0) {
            if (!(settings.relativeSeq && settings.analyzeSeq)) {
                t.setFlags(ackRawNode, Tree.HIDDEN);
            }
        } else if (rawAck != 0) {
            t.expert(TcpExpert.ACK_NONZERO, offset + 8, 4);
        }
        t.addUint(TcpFields.HDR_LEN, offset + 12, 1, hlen);
        header.flagFields(t, offset, flags);
        t.addUint(TcpFields.WINDOW_SIZE_VALUE, offset + 14, 2, rawWin);
        t.setFlags(t.addUint(TcpFields.WINDOW_SIZE, offset + 14, 2, win), Tree.GENERATED);
        if ((flags & TH_SYN) == 0) {
            long factor = switch (fwd.winScale) {
                case -1 -> settings.defaultWindowScaling >= 0 ? 1L << settings.defaultWindowScaling : -1;
                case -2 -> -2;
                default -> 1L << fwd.winScale;
            };
            t.setFlags(t.addLong(TcpFields.WINDOW_SIZE_SCALEFACTOR, offset + 14, 2, factor), Tree.GENERATED);
        }

        if ((flags & TH_SYN) != 0) {
            if ((flags & TH_ACK) != 0) {
                t.expert(TcpExpert.CONNECTION_SYNACK, offset + 13, 1, serverPortMessage(t, TcpExpert.CONNECTION_SYNACK, sport));
                conv.serverPort = sport;
            } else {
                t.expert(TcpExpert.CONNECTION_SYN, offset + 13, 1, serverPortMessage(t, TcpExpert.CONNECTION_SYN, dport));
                conv.serverPort = dport;
                conv.tsMruSyn = now;
            }
            fwd.isFirstAck = true;
        }
        if ((flags & TH_FIN) != 0) {
            t.expert(TcpExpert.CONNECTION_FIN, offset + 13, 1);
            if (!rev.closingInitiator) {
                fwd.closingInitiator = true;
                t.expert(TcpExpert.CONNECTION_FIN_ACTIVE, offset + 12, 2);
            } else {
                t.expert(TcpExpert.CONNECTION_FIN_PASSIVE, offset + 12, 2);
            }
        }
        if ((flags & TH_RST) != 0) {
            t.expert(TcpExpert.CONNECTION_RST, offset + 13, 1);
        }
        if (settings.analyzeSeq && (flags & (TH_SYN | TH_ACK)) == TH_ACK && conv.tsMruSyn != Long.MIN_VALUE
                && conv.tsFirstRtt == 0) {
            conv.tsFirstRtt = now - conv.tsMruSyn;
        }
        if (settings.analyzeSeq && (flags & (TH_SYN | TH_ACK)) == TH_ACK) {
            fwd.isFirstAck = false;
        }

        // Checksum, and whether the payload may be reassembled.
        boolean desegmentOk = header.checksumFields(p, t, offset, length, columns);
        boolean canDesegment = desegmentOk && settings.desegment && p.netType() != Packet.AT_NONE;

        int urp = p.u16(offset + URGENT_OFFSET);
        t.addUint(TcpFields.URGENT_POINTER, offset + 18, 2, urp);
        if ((flags & TH_URG) != 0) {
            if (columns) {
                p.info().append(" Urg=").append(urp);
            }
        } else if (urp != 0) {
            t.expert(TcpExpert.URGENT_POINTER_NON_ZERO, offset + 18, 2);
        }
        if (haveSeglen && columns) {
            p.info().append(" Len=").append(seglen);
        }

        int optlen = hlen - MIN_LENGTH;
        if (optlen != 0) {
            int bc = Math.max(0, p.captured(offset + MIN_LENGTH));
            int n = t.add(TcpFields.OPTIONS, offset + MIN_LENGTH, Math.min(bc, optlen));
            if (bc == 0) {
                // options declared by the data offset but not in the packet: tshark shows <MISSING>
                t.setFlags(n, Tree.MISSING);
            }
        }
        if (settings.calculateTimestamps) {
            t.setFlags(t.addLong(TcpFields.TIME_RELATIVE, 0, 0, now - conv.tsFirst), Tree.GENERATED);
            t.setFlags(t.addLong(TcpFields.TIME_DELTA, 0, 0, delta), Tree.GENERATED);
        }
        if (optlen != 0) {
            sackBaseAck = settings.analyzeSeq && settings.relativeSeq ? rev.baseSeq : 0;
            options.dissect(p, offset + MIN_LENGTH, optlen, flags, visited);
        }

        if (settings.analyzeSeq) {
            printAnalysis(p);
        }
        if (!visited && (flags & TH_SYN) != 0) {
            verifyWindowScaling((flags & TH_ACK) != 0);
        }
        if ((flags & TH_FIN) != 0) {
            fwd.finSeen = true;
        }
        if ((flags & TH_RST) != 0 || fwd.finSeen && rev.finSeen) {
            conv.closed = true;
        }

        int payload = offset + hlen;
        int captured = p.captured(payload);

        if (haveSeglen && (flags & TH_FIN) != 0 && fwd.untilFin && !visited) {
            if (fwd.finFrame == 0 || fwd.finFrame == frame) {
                fwd.finFrame = frame;
                if (finishUntilFin(p, payload, seq, seglen, sport, dport)) {
                    t.close();
                    return length;
                }
            } else {
                t.addGenerated(TcpFields.FIN_RETRANSMISSION, fwd.finFrame);
            }
        } else if ((flags & TH_FIN) != 0 && fwd.finFrame == 0) {
            fwd.finFrame = frame;
        }

        if (captured > 0) {
            if ((flags & TH_RST) != 0) {
                t.add(TcpFields.RESET_CAUSE, payload, captured);
            } else {
                t.add(TcpFields.PAYLOAD, payload, seglen);
                int s = seq, n = nxtseq;
                ctx.fin = (flags & TH_FIN) != 0;
                if ((flags & TH_SYN) != 0) {
                    s++;
                    n++;
                }
                if (canDesegment && haveSeglen && !fwd.reassemblyFailed) {
                    desegment(p, payload, offset + length, s, n, sport, dport);
                } else {
                    processPayload(p, payload, offset + length - payload, s, false, false, sport, dport, true);
                }
            }
        }
        if (conv.closed && (flags & (TH_RST | TH_FIN)) != 0 && !fwd.untilFin && !rev.untilFin) {
            // The connection is over: give its reassembly memory back now (the data source of this frame,
            // if any, keeps its array alive until the next frame).
            if ((flags & TH_RST) != 0 || !fwd.mspActive && !rev.mspActive) {
                fwd.releaseReassembly(budget);
                rev.releaseReassembly(budget);
            }
        }
        t.close();
        return length;
    }

    // ---- conversations ---------------------------------------------------------------------

    private void findConversation(Packet p, int sport, int dport, int seq, int ack, boolean visited) {
        boolean first = conversations.probe(p.netType(), p.netSrc(), p.netDst(), sport, dport);
        TcpConversation c = conversations.find();
        boolean isNew = false;
        if (c == null) {
            c = conversations.create(streamCount++, now);
            isNew = true;
        }
        selectFlows(c, first);
        if (isNew) {
            initFlows(c, p, first);
        }
        // A SYN whose sequence number differs from the connection's: a new connection on the same ports.
        if ((flags & (TH_SYN | TH_ACK)) == TH_SYN && (fwd.staticFlags & TcpFlow.S_BASE_SEQ_SET) != 0 && !visited) {
            if (seq != fwd.baseSeq) {
                c = conversations.create(streamCount++, now);
                selectFlows(c, first);
                initFlows(c, p, first);
                ta.create().flags |= TcpAcked.REUSED_PORTS;
                c.completeness = TcpFields.COMPLETENESS_SYNSENT;
                isNew = false;
                reusedNew = true;
            } else {
                // A retransmitted SYN: restore nextseq (Wireshark issue 17616).
                fwd.nextseq = fwd.maxseqtobeacked;
            }
        }
        if ((flags & (TH_SYN | TH_ACK)) == (TH_SYN | TH_ACK) && (fwd.staticFlags & TcpFlow.S_BASE_SEQ_SET) != 0
                && seq != fwd.baseSeq) {
            fwd.baseSeq = seq;
            ta.create().flags |= TcpAcked.REUSED_PORTS;
        }
        conversationIsNew = isNew;
    }

    private boolean conversationIsNew;
    private boolean reusedNew;

    private void selectFlows(TcpConversation c, boolean first) {
        conv = c;
        if (first) {
            fwd = c.flow1;
            rev = c.flow2;
        } else {
            fwd = c.flow2;
            rev = c.flow1;
        }
    }

    private void initFlows(TcpConversation c, Packet p, boolean first) {
        c.tsMruSyn = Long.MIN_VALUE;
    }

    private void updateCompleteness(int seglen) {
        int cc = 0;
        if (conversationIsNew) {
            if ((flags & (TH_SYN | TH_ACK)) == TH_SYN) {
                cc |= TcpFields.COMPLETENESS_SYNSENT;
                if (seglen > 0) {
                    cc |= TcpFields.COMPLETENESS_DATA;
                }
            }
        } else {
            cc = conv.completeness;
            if ((flags & (TH_SYN | TH_ACK)) == (TH_SYN | TH_ACK)) {
                cc |= TcpFields.COMPLETENESS_SYNACK;
            }
            if ((flags & (TH_SYN | TH_ACK)) == TH_ACK) {
                cc |= seglen > 0 ? TcpFields.COMPLETENESS_DATA : TcpFields.COMPLETENESS_ACK;
            }
            if ((flags & (TH_FIN | TH_ACK)) == (TH_FIN | TH_ACK)) {
                cc |= TcpFields.COMPLETENESS_FIN;
            }
            if ((flags & TH_RST) != 0) {
                cc |= TcpFields.COMPLETENESS_RST;
            }
        }
        conv.completeness = cc;
        conversationIsNew = false;
        reusedNew = false;
    }

    // ---- sequence analysis (Wireshark's tcp_analyze_sequence_number) -------------------------

    private void analyzeSequence(int seq, int ack, int seglen, int fl, long window) {
        TcpFlow f = fwd, r = rev;
        if ((f.staticFlags & TcpFlow.S_BASE_SEQ_SET) == 0) {
            if ((fl & TH_SYN) != 0) {
                f.baseSeq = seq;
                f.staticFlags |= (fl & TH_ACK) != 0 ? TcpFlow.S_SAW_SYNACK : TcpFlow.S_SAW_SYN;
            } else {
                f.baseSeq = seq - 1;
            }
            f.staticFlags |= TcpFlow.S_BASE_SEQ_SET;
        }
        if ((r.staticFlags & TcpFlow.S_BASE_SEQ_SET) == 0 && (fl & TH_ACK) != 0) {
            r.baseSeq = ack - 1;
            r.staticFlags |= TcpFlow.S_BASE_SEQ_SET;
        }
        if ((fl & TH_ACK) != 0) {
            r.validBif = true;
        }

        boolean finishedFwd = false;
        if (seglen == 1 && seq == f.nextseq && r.window == 0) {
            ta.create().flags |= TcpAcked.ZERO_WINDOW_PROBE;
            finishedFwd = true;
        }
        if (!finishedFwd) {
            if (window == 0 && (fl & (TH_RST | TH_FIN | TH_SYN)) == 0) {
                ta.create().flags |= TcpAcked.ZERO_WINDOW;
            }
            if (f.nextseq != 0 && gt(seq, f.nextseq) && (fl & TH_RST) == 0) {
                ta.create().flags |= TcpAcked.LOST_PACKET;
                f.validBif = false;
            }
            if ((seglen == 0 || seglen == 1) && seq == f.nextseq - 1 && (fl & (TH_SYN | TH_FIN | TH_RST)) == 0) {
                ta.create().flags |= TcpAcked.KEEP_ALIVE;
            }
            if (seglen == 0 && window != 0 && window != f.window && seq == f.nextseq && ack == f.lastack
                    && (fl & (TH_SYN | TH_FIN | TH_RST)) == 0) {
                ta.create().flags |= TcpAcked.WINDOW_UPDATE;
            }
            if (seglen > 0 && r.winScale != -1) {
                int shift = r.isFirstAck ? 0 : (r.winScale == -2 ? 0 : r.winScale);
                int edge = r.lastack + (int) (r.window << shift);
                if (seq + seglen == edge && (fl & (TH_SYN | TH_FIN | TH_RST)) == 0) {
                    ta.create().flags |= TcpAcked.WINDOW_FULL;
                }
            }
            if (seglen == 0 && window != 0 && window == f.window && seq == f.nextseq && ack == f.lastack
                    && (r.lastSegmentFlags & TcpAcked.KEEP_ALIVE) != 0 && (fl & (TH_SYN | TH_FIN | TH_RST)) == 0) {
                ta.create().flags |= TcpAcked.KEEP_ALIVE_ACK;
                finishedFwd = true;
            }
        }
        if (!finishedFwd) {
            if (seglen == 0 && window == 0 && window == f.window && seq == f.nextseq && ack == f.lastack
                    && (r.lastSegmentFlags & TcpAcked.ZERO_WINDOW_PROBE) != 0 && (fl & (TH_SYN | TH_FIN | TH_RST)) == 0) {
                ta.create().flags |= TcpAcked.ZERO_WINDOW_PROBE_ACK;
                finishedFwd = true;
            }
        }
        if (!finishedFwd) {
            if (seglen == 0 && window != 0 && window == f.window && seq == f.nextseq && ack == f.lastack
                    && (fl & (TH_SYN | TH_FIN | TH_RST)) == 0) {
                f.dupacknum = f.dupacknum == -1 ? 1 : f.dupacknum + 1;
                TcpAcked a = ta.create();
                a.flags |= TcpAcked.DUPLICATE_ACK;
                a.dupackNum = f.dupacknum;
                a.dupackFrame = f.lastnondupack;
            }
        }

        // finished_fwd:
        if (ack != f.lastack) {
            f.lastnondupack = frame;
            f.dupacknum = 0;
        }
        if (r.maxseqtobeacked != 0 && gt(ack, r.maxseqtobeacked) && (fl & TH_ACK) != 0) {
            TcpAcked a = ta.create();
            if (Integer.compareUnsigned(r.maxseqtobeacked, r.nextseq) > 0) {
                r.maxseqtobeacked = r.nextseq;
                a.flags |= TcpAcked.ACK_LOST_PACKET;
            } else {
                if (r.dupacknum == 0) {
                    a.flags |= TcpAcked.ACK_LOST_PACKET;
                }
                r.dupacknum = -1;
            }
        }

        if (seglen > 0 || (fl & (TH_SYN | TH_FIN)) != 0) {
            retransmissionCheck(seq, seglen, fl);
        }

        // finished_checking_retransmission_type:
        int nextseq = seq + seglen;
        if ((seglen != 0 || (fl & (TH_SYN | TH_FIN)) != 0) && f.ualCount < TcpFlow.MAX_UNACKED) {
            if ((fl & (TH_SYN | TH_FIN)) != 0) {
                nextseq += 1;
            }
            f.addUnacked(frame, seq, nextseq, now);
        }
        if (gt(nextseq, f.nextseq) || f.nextseq == 0) {
            if (!ta.present || (ta.flags & TcpAcked.ZERO_WINDOW_PROBE) == 0) {
                f.nextseq = nextseq;
                f.nextseqFrame = frame;
                f.nextseqTime = now;
            }
        }
        if (seq == f.maxseqtobeacked || f.maxseqtobeacked == 0) {
            if (!ta.present || (ta.flags & TcpAcked.ZERO_WINDOW_PROBE) == 0) {
                f.maxseqtobeacked = f.nextseq;
            }
        }
        f.window = window;
        f.lastack = ack;
        f.lastacktime = now;
        f.lastSegmentFlags = ta.present ? ta.flags : 0;

        // Remove what this segment acknowledges from the other direction's unacknowledged segments.
        for (int i = r.ualCount - 1; i >= 0; ) {
            int useq = r.ualSeq[i], unext = r.ualNext[i];
            if (ack == unext) {
                TcpAcked a = ta.create();
                a.frameAcked = r.ualFrame[i];
                a.ackRtt = now - r.ualTs[i];
            } else if (gt(ack, useq) && le(ack, unext)) {
                r.ualSeq[i] = ack;
                continue;
            } else if (gt(unext, ack)) {
                i--;
                continue;
            }
            r.removeUnacked(i);
            i--;
        }

        if (settings.trackBytesInFlight) {
            boolean dry = false;
            int inFlight = 0;
            if (!settings.bifSeqBased) {
                if (seglen != 0 && f.ualCount > 0 && f.validBif) {
                    dry = true;
                    int newest = f.ualCount - 1;
                    int firstSeq = f.ualSeq[newest] - f.baseSeq;
                    int lastSeq = f.ualNext[newest] - f.baseSeq;
                    for (int i = newest; i >= 0; i--) {
                        int n = f.ualNext[i] - f.baseSeq;
                        int s = f.ualSeq[i] - f.baseSeq;
                        if (Integer.compareUnsigned(n, lastSeq) > 0) {
                            lastSeq = n;
                        }
                        if (Integer.compareUnsigned(s, firstSeq) < 0) {
                            firstSeq = s;
                        }
                    }
                    inFlight = lastSeq - firstSeq;
                }
            } else if (seglen != 0 && f.validBif) {
                dry = true;
                inFlight = f.nextseq - r.lastack;
            }
            if (dry) {
                if (r.numSackRanges > 0) {
                    int delivered = 0;
                    for (int i = 0; i < r.numSackRanges; i++) {
                        delivered += r.sackRight[i + 1] - r.sackLeft[i + 1];
                    }
                    inFlight -= delivered;
                }
                if (inFlight != 0 && Integer.compareUnsigned(inFlight, 2_000_000_000) < 0) {
                    TcpAcked a = ta.create();
                    a.bytesInFlight = unsigned(inFlight);
                    if ((fl & (TH_SYN | TH_FIN)) != 0) {
                        a.bytesInFlight = unsigned(inFlight - 1);
                    }
                }
                if ((fl & TH_PUSH) != 0 && !f.pushSetLast) {
                    f.pushBytesSent += seglen;
                    f.pushSetLast = true;
                } else if ((fl & TH_PUSH) != 0) {
                    f.pushBytesSent = seglen;
                    f.pushSetLast = true;
                } else if (f.pushSetLast) {
                    f.pushBytesSent = seglen;
                    f.pushSetLast = false;
                } else {
                    f.pushBytesSent += seglen;
                }
                ta.create().pushBytesSent = f.pushBytesSent;
            }
        }
    }

    private void retransmissionCheck(int seq, int seglen, int fl) {
        TcpFlow f = fwd, r = rev;
        boolean seqNotAdvanced = f.nextseq != 0 && lt(seq, f.nextseq);
        if (ta.present && (ta.flags & TcpAcked.KEEP_ALIVE) != 0) {
            return;
        }
        if (seglen > 1 && f.nextseq - 1 == seq) {
            seqNotAdvanced = false;
        }
        if (seglen > 0 && r.lastack != 0 && le(seq + seglen, r.lastack)) {
            ta.create().flags |= TcpAcked.SPURIOUS_RETRANSMISSION;
            return;
        }
        boolean fastFirst = settings.fastRetransmissionFirst;
        for (int round = 0; round < 2; round++) {
            boolean fast = fastFirst == (round == 0);
            if (fast) {
                long t = now - r.lastacktime;
                if (seqNotAdvanced && r.dupacknum >= 2 && r.lastack == seq && Long.compareUnsigned(t, 20_000_000L) < 0) {
                    ta.create().flags |= TcpAcked.FAST_RETRANSMISSION;
                    return;
                }
            } else {
                long t = now - f.nextseqTime;
                long threshold = conv.tsFirstRtt == 0 ? 3_000_000L : firstRtt();
                int end = seq + seglen + ((fl & (TH_SYN | TH_FIN)) != 0 ? 1 : 0);
                if (seqNotAdvanced && Long.compareUnsigned(t, threshold) < 0 && f.nextseq != end) {
                    ta.create().flags |= TcpAcked.OUT_OF_ORDER;
                    return;
                }
            }
        }
        if (seqNotAdvanced) {
            TcpAcked a = ta.create();
            a.flags |= TcpAcked.RETRANSMISSION;
            a.rto = now - f.nextseqTime;
            a.rtoFrame = f.nextseqFrame;
            if (f.ualCount > 0) {
                a.rto = now - f.ualTs[0];
                a.rtoFrame = f.ualFrame[0];
            }
        }
    }

    private long firstRtt() {
        return conv.tsFirstRtt;
    }

    private void verifyWindowScaling(boolean synAck) {
        if (fwd.winScale == -1) {
            fwd.winScale = -2;
            rev.winScale = -2;
        } else if (synAck && rev.winScale == -2) {
            fwd.winScale = -2;
        }
    }

    // ---- analysis output (Wireshark's tcp_print_sequence_number_analysis) --------------------

    private void printAnalysis(Packet p) {
        if (!ta.present) {
            return;
        }
        Tree t = p.tree();
        int node = t.add(TcpFields.ANALYSIS, 0, 0);
        t.setFlags(node, Tree.GENERATED);
        t.push(node);
        if (ta.frameAcked != 0) {
            t.addGenerated(TcpFields.ACKS_FRAME, ta.frameAcked);
            if (ta.ackRtt != 0) {
                t.setFlags(t.addLong(TcpFields.ACK_RTT, 0, 0, ta.ackRtt), Tree.GENERATED);
            }
        }
        if (conv.tsFirstRtt != 0) {
            t.setFlags(t.addLong(TcpFields.INITIAL_RTT, 0, 0, firstRtt()), Tree.GENERATED);
        }
        if (ta.bytesInFlight != 0 && settings.trackBytesInFlight) {
            t.addGenerated(TcpFields.BYTES_IN_FLIGHT, ta.bytesInFlight);
            t.addGenerated(TcpFields.PUSH_BYTES_SENT, ta.pushBytesSent);
        }
        int fl = ta.flags;
        if (fl != 0) {
            int flagsNode = t.add(TcpFields.ANALYSIS_FLAGS, 0, 0);
            t.setFlags(flagsNode, Tree.GENERATED);
            t.push(flagsNode);
            boolean columns = p.columns();
            if ((fl & TcpAcked.REUSED_PORTS) != 0) {
                t.expert(TcpExpert.REUSED_PORTS, 0, 0);
                prepend(p, columns, "[TCP Port numbers reused] ");
            }
            if ((fl & TcpAcked.RETRANSMISSION) != 0) {
                t.expert(TcpExpert.RETRANSMISSION, 0, 0);
                prepend(p, columns, "[TCP Retransmission] ");
                if (ta.rto != 0) {
                    t.setFlags(t.addLong(TcpFields.RTO, 0, 0, ta.rto), Tree.GENERATED);
                    t.addGenerated(TcpFields.RTO_FRAME, ta.rtoFrame);
                }
            }
            if ((fl & TcpAcked.FAST_RETRANSMISSION) != 0) {
                t.expert(TcpExpert.FAST_RETRANSMISSION, 0, 0);
                t.expert(TcpExpert.RETRANSMISSION, 0, 0);
                prepend(p, columns, "[TCP Fast Retransmission] ");
            }
            if ((fl & TcpAcked.SPURIOUS_RETRANSMISSION) != 0) {
                t.expert(TcpExpert.SPURIOUS_RETRANSMISSION, 0, 0);
                t.expert(TcpExpert.RETRANSMISSION, 0, 0);
                prepend(p, columns, "[TCP Spurious Retransmission] ");
            }
            if ((fl & TcpAcked.OUT_OF_ORDER) != 0) {
                t.expert(TcpExpert.OUT_OF_ORDER, 0, 0);
                prepend(p, columns, "[TCP Out-Of-Order] ");
            }
            if ((fl & TcpAcked.LOST_PACKET) != 0) {
                t.expert(TcpExpert.LOST_SEGMENT, 0, 0);
                prepend(p, columns, "[TCP Previous segment not captured] ");
            }
            if ((fl & TcpAcked.ACK_LOST_PACKET) != 0) {
                t.expert(TcpExpert.ACK_LOST_SEGMENT, 0, 0);
                prepend(p, columns, "[TCP ACKed unseen segment] ");
            }
            if ((fl & TcpAcked.WINDOW_UPDATE) != 0) {
                t.expert(TcpExpert.WINDOW_UPDATE, 0, 0);
                prepend(p, columns, "[TCP Window Update] ");
            }
            if ((fl & TcpAcked.WINDOW_FULL) != 0) {
                t.expert(TcpExpert.WINDOW_FULL, 0, 0);
                prepend(p, columns, "[TCP Window Full] ");
            }
            if ((fl & TcpAcked.KEEP_ALIVE) != 0) {
                t.expert(TcpExpert.KEEP_ALIVE, 0, 0);
                prepend(p, columns, "[TCP Keep-Alive] ");
            }
            if ((fl & TcpAcked.KEEP_ALIVE_ACK) != 0) {
                t.expert(TcpExpert.KEEP_ALIVE_ACK, 0, 0);
                prepend(p, columns, "[TCP Keep-Alive ACK] ");
            }
            if (ta.dupackNum != 0) {
                if ((fl & TcpAcked.DUPLICATE_ACK) != 0) {
                    t.setFlags(t.add(TcpFields.DUPLICATE_ACK, 0, 0), Tree.GENERATED);
                    if (columns) {
                        StringBuilder info = p.info();
                        // "[TCP Dup ACK <frame>#<n>] " without formatting a String.
                        int at = 0;
                        info.insert(at, "[TCP Dup ACK ");
                        at += 13;
                        int len0 = info.length();
                        info.insert(at, ta.dupackFrame);
                        at += info.length() - len0;
                        info.insert(at, '#');
                        at++;
                        len0 = info.length();
                        info.insert(at, ta.dupackNum);
                        at += info.length() - len0;
                        info.insert(at, "] ");
                        p.fenceInfoPrefix(at + 2);
                    }
                }
                t.close();
                t.addGenerated(TcpFields.DUPLICATE_ACK_NUM, ta.dupackNum);
                t.addGenerated(TcpFields.DUPLICATE_ACK_FRAME, ta.dupackFrame);
                t.expert(TcpExpert.DUPLICATE_ACK, 0, 0, t.wantsExpertMessages()
                        ? expertText(TcpExpert.DUPLICATE_ACK).append(" (#").append(ta.dupackNum).append(')') : null);
                t.push(flagsNode);
            }
            if ((fl & TcpAcked.ZERO_WINDOW_PROBE) != 0) {
                t.expert(TcpExpert.ZERO_WINDOW_PROBE, 0, 0);
                prepend(p, columns, "[TCP ZeroWindowProbe] ");
            }
            if ((fl & TcpAcked.ZERO_WINDOW) != 0) {
                t.expert(TcpExpert.ZERO_WINDOW, 0, 0);
                prepend(p, columns, "[TCP ZeroWindow] ");
            }
            if ((fl & TcpAcked.ZERO_WINDOW_PROBE_ACK) != 0) {
                t.expert(TcpExpert.ZERO_WINDOW_PROBE_ACK, 0, 0);
                prepend(p, columns, "[TCP ZeroWindowProbeAck] ");
            }
            t.close();
        }
        t.close();
    }

    private static void prepend(Packet p, boolean columns, String text) {
        if (columns) {
            p.prependInfo(text);
        }
    }

    // ---- options callbacks -----------------------------------------------------------------

    /** A window scale option: remembered for this direction (first pass only). */
    void windowScaleOption(int shift) {
        fwd.winScale = shift;
    }

    /** Relative base for SACK edges. */
    int sackBase() {
        return sackBaseAck;
    }

    /** The relative acknowledgment number of the segment (for D-SACK). */
    int ack() {
        return thAck;
    }

    /** Stores a SACK block for bytes-in-flight (Wireshark keeps blocks 1..3 of a 4-slot array). */
    void sackBlock(int index, int left, int right) {
        if (settings.analyzeSeq && settings.trackBytesInFlight && index < TcpFlow.MAX_SACK_RANGES) {
            fwd.numSackRanges = index;
            fwd.sackLeft[index] = left;
            fwd.sackRight[index] = right;
        }
    }

    void resetSackBlocks() {
        if (settings.analyzeSeq && settings.trackBytesInFlight) {
            fwd.numSackRanges = 0;
        }
    }

    boolean ignoreTimestamps() {
        return settings.ignoreTimestamps;
    }

    void tfoSynWithData() {
        conv.tfoSynData = true;
    }

    // ---- payload ---------------------------------------------------------------------------

    /** Wireshark's desegment_tcp: hands whole PDUs to the next layer, buffering the rest. */
    private void desegment(Packet p, int off, int end, int seq, int nxtseq, int sport, int dport) {
        Tree t = p.tree();
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

            if (fwd.lastMspValid && fwd.lastMspSeq == seq && le(nxtseq, fwd.lastMspNxtpdu) && fwd.lastMspLastFrame != frame
                    || fwd.mspActive && fwd.mspSeq == seq && le(nxtseq, fwd.mspNxtpdu) && fwd.mspLastFrame != frame
                    && fwd.mspFirstFrame != frame) {
                t.add(TcpFields.SEGMENT_DATA, off, remaining);
                break;
            }
            if (ta.present && (ta.flags & TcpAcked.SPURIOUS_RETRANSMISSION) != 0) {
                break;
            }
            if (ta.present && (ta.flags & TcpAcked.RETRANSMISSION) != 0) {
                t.add(TcpFields.SEGMENT_DATA, off, remaining);
                break;
            }

            if (fwd.mspActive && le(fwd.mspSeq, seq) && gt(fwd.mspNxtpdu, seq)) {
                fwd.mspLastFrame = frame;
                int len = fwd.mspEntireSegment ? remaining : (int) Math.min(unsigned(nxtseq - seq), unsigned(fwd.mspNxtpdu - seq));
                lastFragmentLen = len;
                boolean more = lt(nxtseq, fwd.mspNxtpdu);
                if (!fwd.buffer.add(p.segment(), p.base() + off, seq - fwd.mspSeq, len, !more, frame, budget)) {
                    reassemblyFailed(p, off);
                    processPayload(p, off, remaining, seq, false, false, sport, dport, true);
                    break;
                }
                if (fwd.mspEntireSegment) {
                    fwd.mspEntireSegment = false;
                    if (lt(fwd.mspNxtpdu, nxtseq)) {
                        fwd.mspNxtpdu = nxtseq;
                    }
                }
                complete = fwd.buffer.complete();
                if (lt(fwd.mspNxtpdu, nxtseq) && ge(fwd.mspNxtpdu, seq) && len > 0) {
                    anotherPduFollows = fwd.mspNxtpdu - seq;
                }
            } else {
                processPayload(p, off, remaining, seq, true, false, sport, dport, true);
                calledDissector = true;
                if (ctx.desegLen != 0) {
                    mustDesegment = true;
                    desegOffset = off + ctx.desegOffset;
                }
            }

            if (complete) {
                SegmentBuffer b = fwd.buffer;
                int total = b.total;
                int src = t.addSource(b.view, 0, total, "Reassembled TCP");
                processPayloadOn(p, src, total, fwd.mspSeq, sport, dport);
                calledDissector = true;
                if (ctx.desegLen != 0) {
                    if (ctx.desegOffset == 0) {
                        t.removeLastSource();
                        b.partial();
                    } else if (le(fwd.mspSeq + ctx.desegOffset, seq)) {
                        b.partial();
                    } else {
                        segmentsTree(t, b, src, total);
                        int split = ctx.desegOffset;
                        SegmentBuffer nb = fwd.freshBuffer(budget);
                        if (!nb.takeTail(b, split, total - split, budget)) {
                            reassemblyFailed(p, off);
                            break;
                        }
                        fwd.mspSeq += split;
                        fwd.mspFirstFrame = frame;
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
                    anotherPduFollows = 0;
                    off += lastFragmentLen;
                    seq += lastFragmentLen;
                    if (end - off > 0) {
                        continue;
                    }
                } else {
                    int nbytes = anotherPduFollows > 0 ? anotherPduFollows : remaining;
                    t.add(TcpFields.SEGMENT_DATA, off, nbytes);
                    segmentsTree(t, b, src, total);
                    fwd.mspActive = false;
                    fwd.lastMspValid = true;
                    fwd.lastMspSeq = fwd.mspSeq;
                    fwd.lastMspNxtpdu = fwd.mspNxtpdu;
                    fwd.lastMspLastFrame = frame;
                }
            }

            if (mustDesegment) {
                int desegSeq = seq + (desegOffset - off);
                if (unsigned(nxtseq - desegSeq) <= MAX_FIRST_FRAGMENT && !fwd.reassemblyFailed) {
                    int desegLen = ctx.desegLen;
                    SegmentBuffer nb = fwd.freshBuffer(budget);
                    fwd.mspActive = true;
                    fwd.mspSeq = desegSeq;
                    fwd.mspFirstFrame = frame;
                    fwd.mspLastFrame = frame;
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
                            frame, budget)) {
                        reassemblyFailed(p, desegOffset);
                    }
                }
            }

            if (!calledDissector || ctx.desegLen != 0) {
                if (ctx.desegOffset == 0 && p.columns()) {
                    if (lockedProtocol == null) {
                        p.protocolColumn("TCP");
                    }
                    if (firstPdu) {
                        appendSep(p.info(), SEGMENT_OF_PDU);
                    }
                }
                int nbytes = anotherPduFollows != 0 ? anotherPduFollows : end - desegOffset;
                t.add(TcpFields.SEGMENT_DATA, desegOffset, nbytes);
            }
            if (anotherPduFollows > 0) {
                if (p.columns()) {
                    p.fenceInfo();
                    lockedProtocol = p.protocolColumn();
                }
                firstPdu = false;
                off += anotherPduFollows;
                seq += anotherPduFollows;
                continue;
            }
            break;
        }
        if (lockedProtocol != null) {
            p.protocolColumn(lockedProtocol);
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
    private void reassemblyFailed(Packet p, int at) {
        fwd.reassemblyFailed = true;
        fwd.releaseReassembly(budget);
        p.tree().expert(TcpExpert.REASSEMBLY_LIMIT, at, 0);
    }

    /** The FIN of a direction whose upper layer asked for everything until FIN: completes that PDU. */
    private boolean finishUntilFin(Packet p, int payload, int seq, int seglen, int sport, int dport) {
        if (!fwd.mspActive || fwd.buffer == null || !ge(seq, fwd.mspSeq) || fwd.reassemblyFailed) {
            return false;
        }
        int n = Math.min(seglen, p.captured(payload));
        if (!fwd.buffer.add(p.segment(), p.base() + payload, seq - fwd.mspSeq, n, true, frame, budget)) {
            reassemblyFailed(p, payload);
            return false;
        }
        if (!fwd.buffer.complete()) {
            return false;
        }
        Tree t = p.tree();
        SegmentBuffer b = fwd.buffer;
        int total = b.total;
        int src = t.addSource(b.view, 0, total, "Reassembled TCP");
        segmentsTree(t, b, src, total);
        fwd.mspActive = false;
        fwd.untilFin = false;
        ctx.arm(false, true, fwd.mspSeq, 0, conv);
        decodeOn(p, src, 0, total, sport, dport);
        return true;
    }

    /** Wireshark's show_fragment_tree: the segments a PDU was built from, on the frame that completed it. */
    private void segmentsTree(Tree t, SegmentBuffer b, int src, int total) {
        if (!t.wants(TcpFields.SEGMENTS) && !t.wants(TcpFields.SEGMENT) && !t.wants(TcpFields.SEGMENT_COUNT)
                && !t.wants(TcpFields.REASSEMBLED_LENGTH) && !t.wants(TcpFields.REASSEMBLED_DATA)) {
            return;
        }
        int saved = t.currentSource();
        t.useSource(src);
        t.push(-1);
        int node = t.add(TcpFields.SEGMENTS, 0, total);
        t.push(node);
        for (int i = 0; i < b.segCount; i++) {
            t.setFlags(t.addLong(TcpFields.SEGMENT, b.segOffset[i], b.segLength[i], b.segFrame[i]), 0);
        }
        t.addGenerated(TcpFields.SEGMENT_COUNT, b.segCount);
        t.setFlags(t.addUint(TcpFields.REASSEMBLED_LENGTH, 0, total, total), Tree.GENERATED);
        t.setFlags(t.add(TcpFields.REASSEMBLED_DATA, 0, total), Tree.GENERATED);
        t.close();
        t.close();
        t.useSource(saved);
    }

    /** Calls the next layer on reassembled bytes (source {@code src}, offset 0). */
    private void processPayloadOn(Packet p, int src, int total, int seq, int sport, int dport) {
        ctx.arm(true, true, seq, 0, conv);
        decodeOn(p, src, 0, total, sport, dport);
    }

    /** Wireshark's process_tcp_payload + decode_tcp_ports for data in the current source. */
    private void processPayload(Packet p, int off, int len, int seq, boolean can, boolean reassembled, int sport,
                                int dport, boolean segment) {
        if (ta.present && (ta.flags & TcpAcked.KEEP_ALIVE) != 0) {
            callData(p, -1, off, len);
            return;
        }
        if (settings.noSubdissectorOnError && ta.present
                && (ta.flags & (TcpAcked.RETRANSMISSION | TcpAcked.OUT_OF_ORDER)) != 0) {
            return;
        }
        ctx.arm(can, reassembled, seq, off, conv);
        decodeOn(p, -1, off, len, sport, dport);
    }

    /** Undissected bytes as {@code data}; like Wireshark's data dissector, it leaves the Protocol column alone. */
    private void callData(Packet p, int src, int off, int len) {
        if (dataHandle == null) {
            return;
        }
        String column = p.protocolColumn();
        callOn(p, src, dataHandle, off, len);
        p.protocolColumn(column);
    }

    private int callOn(Packet p, int src, DissectorHandle h, int off, int len) {
        return src < 0 ? p.call(h, off, len) : p.callOnSource(src, h, off, len);
    }

    /** Tries the claimed dissector, Decode As ports, the server, lower and higher ports, the heuristics, then data. */
    private void decodeOn(Packet p, int src, int off, int len, int sport, int dport) {
        StreamReassembly saved = p.stream();
        p.stream(ctx);
        try {
            if (tryHandle(p, src, conv.handle, off, len)) {
                return;
            }
            DissectorTable table = portTable;
            int low = Math.min(sport, dport), high = Math.max(sport, dport);
            int server = conv.serverPort;
            boolean tryServer = false, tryLow = false, tryHigh = false;
            if (table != null) {
                if (server != 0) {
                    if (table.hasOverride(server)) {
                        if (tryHandle(p, src, table.get(server), off, len)) {
                            return;
                        }
                    } else {
                        tryServer = true;
                    }
                }
                if (low != 0) {
                    if (table.hasOverride(low)) {
                        if (tryHandle(p, src, table.get(low), off, len)) {
                            return;
                        }
                    } else {
                        tryLow = true;
                    }
                }
                if (high != 0) {
                    if (table.hasOverride(high)) {
                        if (tryHandle(p, src, table.get(high), off, len)) {
                            return;
                        }
                    } else {
                        tryHigh = true;
                    }
                }
            }
            if (settings.tryHeuristicFirst && tryHeuristics(p, src, off, len)) {
                return;
            }
            if (tryServer && tryHandle(p, src, table.get(server), off, len)) {
                return;
            }
            if (tryLow && tryHandle(p, src, table.get(low), off, len)) {
                return;
            }
            if (tryHigh && tryHandle(p, src, table.get(high), off, len)) {
                return;
            }
            if (!settings.tryHeuristicFirst && tryHeuristics(p, src, off, len)) {
                return;
            }
            ctx.desegLen = 0;
            ctx.desegOffset = 0;
            callData(p, src, off, len);
        } finally {
            p.stream(saved);
        }
    }

    private boolean tryHandle(Packet p, int src, DissectorHandle h, int off, int len) {
        if (h == null) {
            return false;
        }
        ctx.desegLen = 0;
        ctx.desegOffset = 0;
        int consumed = callOn(p, src, h, off, len);
        return consumed > 0 || ctx.desegLen != 0;
    }

    private boolean tryHeuristics(Packet p, int src, int off, int len) {
        HeuristicList list = heuristics;
        if (list == null) {
            return false;
        }
        for (int i = 0, n = list.size(); i < n; i++) {
            HeuristicList.Entry e = list.entry(i);
            if (e.enabled() && tryHandle(p, src, e.handle(), off, len)) {
                return true;
            }
        }
        return false;
    }

    private final StringBuilder expertText = new StringBuilder(96);

    /** A reused builder holding {@code e}'s fixed message, to which a per-packet detail is appended. */
    private StringBuilder expertText(Expert e) {
        expertText.setLength(0);
        return expertText.append(e.message());
    }

    /** Wireshark's "...: server port N" detail of the SYN and SYN+ACK items, composed only when shown. */
    private CharSequence serverPortMessage(Tree t, Expert e, int port) {
        return t.wantsExpertMessages() ? expertText(e).append(": server port ").append(port) : null;
    }
}
