package org.dissect4j.tcp;

import static org.dissect4j.tcp.TcpSeq.unsigned;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Expert;
import org.dissect4j.api.HeuristicList;
import org.dissect4j.api.Packet;
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

    private static final String RELATIVE_SEQ = "    (relative sequence number)";

    private final TcpSettings settings;
    private final TcpFlagText flagText = new TcpFlagText();
    private final TcpHeaderDissector header;
    private final TcpAnalysis analysis;
    private final TcpAnalysisTree analysisTree;
    private final TcpOptions options;
    private final TcpHandoff handoff;
    private final TcpReassembly reassembly;
    private final TcpErrorQuote errorQuote = new TcpErrorQuote();
    /** The segment being dissected: reset per packet, passed to the parts. */
    private final TcpSegment segment = new TcpSegment();

    public TcpDissector(TcpSettings settings) {
        this.settings = settings;
        ReassemblyBudget budget = new ReassemblyBudget(settings.maxReassemblyBytes, settings.maxStreamReassemblyBytes);
        this.header = new TcpHeaderDissector(settings, flagText);
        this.analysis = new TcpAnalysis(settings, budget);
        this.analysisTree = new TcpAnalysisTree(settings);
        this.options = new TcpOptions(settings);
        this.handoff = new TcpHandoff(settings);
        this.reassembly = new TcpReassembly(budget, handoff);
    }

    /** Wires the dissector to the tables it hands payload to (done once, at hand-off time). */
    void wire(DissectorTable portTable, HeuristicList heuristics, DissectorHandle dataHandle) {
        handoff.wire(portTable, heuristics, dataHandle);
    }

    /** The protocols that tell a segment quoted in an ICMP error (each null when not loaded). */
    void wireErrorQuotes(DissectorHandle ip, DissectorHandle icmp, DissectorHandle icmpv6) {
        errorQuote.wire(ip, icmp, icmpv6);
    }

    /** Connections currently tracked. */
    public int conversationCount() {
        return analysis.conversationCount();
    }

    /** Bytes currently held in reassembly buffers. */
    public long reassemblyBytes() {
        return reassembly.bytesHeld();
    }

    @Override
    public int dissect(Packet p, int offset, int length) {
        Tree t = p.tree();
        int quoted = errorQuote.of(p);
        if (p.wantsOnlyHeader()) {
            return header.dissectHeaderOnly(p, t, offset, length, quoted);
        }
        TcpSegment s = segment;
        if (p.captured(offset) < 4) {
            // Wireshark's TCP reads both ports before it names itself: the column stays the carrier's (IPv4)
            p.keepCarrierColumn();
        }
        s.reset(p, offset, quoted);
        if (s.columns) {
            p.protocolColumn("TCP");
            p.clearInfo().append(s.sport).append(" \u2192 ").append(s.dport);
        }
        int tcpNode = TcpHeaderDissector.openWithPorts(p, t, offset, length, s.sport, s.dport);
        if (quoted == TcpErrorQuote.QUOTED_IPV4) {
            // Before the rest of the header, which an ICMP error need not quote.
            t.addUint(TcpFields.SEQ, offset + SEQ_OFFSET, 4, p.u32(offset + SEQ_OFFSET));
        }
        s.readHeader(p, offset);
        analysis.findConversation(p, s);
        s.conv.lastSeen = s.now;
        t.addGenerated(TcpFields.STREAM, s.conv.stream);
        int completeness = t.addGenerated(TcpFields.COMPLETENESS, s.conv.completeness);
        if (completeness >= 0) {
            t.setFlags(completeness, Tree.NO_SOURCE);       // packet-tcp.c adds it with a NULL tvb
        }
        if (settings.analyzeSeq) {
            s.fwd.numSackRanges = 0;
        }
        long delta = s.now - s.conv.tsPrev;
        if (!s.visited) {
            s.conv.tsPrev = s.now;
        }
        segmentLength(t, s, offset, length);
        if (s.columns) {
            infoFlags(p.info(), s);
        }
        sequenceFields(t, s, offset);
        if (s.hlen < MIN_LENGTH) {
            return bogusHeaderLength(p, t, s, offset, length);
        }
        analysis.updateCompleteness(s);
        t.setLength(tcpNode, Math.min(s.hlen, Math.max(0, p.captured(offset))));
        ackFlagsWindowFields(t, s, offset);
        connectionEvents(t, s, offset);
        // Checksum, and whether the payload may be reassembled.
        boolean desegmentOk = header.checksumFields(p, t, offset, length, s.columns);
        boolean canDesegment = desegmentOk && settings.desegment && p.netType() != Packet.AT_NONE;
        urgentPointer(p, t, s, offset);
        optionsAndAnalysis(p, t, s, offset, delta);
        if (payload(p, t, s, offset, length, canDesegment)) {
            reassembly.releaseIfClosed(s);
        }
        t.close();
        return length;
    }

    /**
     * Payload length, the sequence analysis (first pass), relative numbers and the scaled window; a header
     * longer than the segment leaves the segment without a length.
     */
    private void segmentLength(Tree t, TcpSegment s, int offset, int length) {
        if (s.quoted != TcpErrorQuote.NONE) {
            // The length of a segment an ICMP error quotes is unknown: no analysis, no relative numbers.
            return;
        }
        if (length < s.hlen) {
            t.expert(TcpExpert.SHORT_SEGMENT, offset, 0);
            return;
        }
        s.seglen = length - s.hlen;
        s.haveSeglen = true;
        t.addGenerated(TcpFields.LEN, s.seglen);
        if (settings.analyzeSeq) {
            if (!s.visited) {
                analysis.analyzeSequence(s);
            }
            if (settings.relativeSeq) {
                s.seq -= s.fwd.baseSeq;
                if (s.has(TH_ACK)) {
                    s.ack -= s.rev.baseSeq;
                }
            }
        }
        if (!s.has(TH_SYN)) {
            if (s.fwd.winScale >= 0) {
                s.win = s.win << s.fwd.winScale;
            } else if (s.fwd.winScale == -1 && settings.defaultWindowScaling >= 0) {
                s.win = s.win << settings.defaultWindowScaling;
            }
        }
        s.nxtseq = s.seq + s.seglen;
    }

    private void infoFlags(StringBuilder info, TcpSegment s) {
        info.append(" [").append(flagText.infoNames(s.flags)).append(']');
        info.append(" Seq=").append(unsigned(s.seq));
        if (s.has(TH_ACK)) {
            info.append(" Ack=").append(unsigned(s.ack));
        }
        info.append(" Win=").append(s.win);
    }

    /** Whether the numbers are relative and an output shows labels (then they say so, as Wireshark's lines do). */
    private boolean relative(Tree t, TcpSegment s) {
        return t.wantsLabels() && settings.analyzeSeq && settings.relativeSeq && s.quoted == TcpErrorQuote.NONE;
    }

    private void sequenceFields(Tree t, TcpSegment s, int offset) {
        if (s.quoted == TcpErrorQuote.QUOTED_IPV4) {
            return;
        }
        int seq = t.addUint(TcpFields.SEQ, offset + 4, 4, unsigned(s.seq));
        if (relative(t, s)) {
            t.appendLabel(seq, RELATIVE_SEQ);
        }
        int raw = t.addUint(TcpFields.SEQ_RAW, offset + 4, 4, unsigned(s.rawSeq));
        if (!(settings.analyzeSeq && settings.relativeSeq)) {
            t.setFlags(raw, Tree.HIDDEN);
        }
    }

    /** A data offset under 5 words: the header length is shown and the segment ends there. */
    private static int bogusHeaderLength(Packet p, Tree t, TcpSegment s, int offset, int length) {
        if (s.columns) {
            p.info().append(", bogus TCP header length (").append(s.hlen).append(", must be at least ")
                    .append(MIN_LENGTH).append(')');
        }
        t.addUint(TcpFields.HDR_LEN, offset + 12, 1, s.hlen);
        t.expert(TcpExpert.BOGUS_HEADER_LENGTH, offset + 12, 1);
        t.close();
        return Math.min(length, 12);
    }

    /** Next sequence number, acknowledgment, header length, flags and window. */
    private void ackFlagsWindowFields(Tree t, TcpSegment s, int offset) {
        if (s.haveSeglen) {
            int nx = s.has(TH_SYN | TH_FIN) ? s.nxtseq + 1 : s.nxtseq;
            int next = t.addGenerated(TcpFields.NXTSEQ, unsigned(nx));
            if (relative(t, s)) {
                t.appendLabel(next, RELATIVE_SEQ);
            }
        }
        int ack = t.addUint(TcpFields.ACK, offset + 8, 4, unsigned(s.ack));
        int ackRawNode = t.addUint(TcpFields.ACK_RAW, offset + 8, 4, unsigned(s.rawAck));
        if (s.has(TH_ACK)) {
            if (!(settings.relativeSeq && settings.analyzeSeq)) {
                t.setFlags(ackRawNode, Tree.HIDDEN);
            } else if (t.wantsLabels()) {
                t.appendLabel(ack, "    (relative ack number)");
            }
        } else if (s.rawAck != 0) {
            t.expertOn(ack, TcpExpert.ACK_NONZERO, offset + 8, 4, null);
        }
        t.addUint(TcpFields.HDR_LEN, offset + 12, 1, s.hlen);
        header.flagFields(t, offset, s.flags);
        t.addUint(TcpFields.WINDOW_SIZE_VALUE, offset + 14, 2, s.rawWin);
        t.setFlags(t.addUint(TcpFields.WINDOW_SIZE, offset + 14, 2, s.win), Tree.GENERATED);
        if (!s.has(TH_SYN)) {
            long factor = switch (s.fwd.winScale) {
                case -1 -> settings.defaultWindowScaling >= 0 ? 1L << settings.defaultWindowScaling : -1;
                case -2 -> -2;
                default -> 1L << s.fwd.winScale;
            };
            t.setFlags(t.addLong(TcpFields.WINDOW_SIZE_SCALEFACTOR, offset + 14, 2, factor), Tree.GENERATED);
        }
    }

    /** SYN, FIN and RST: their expert items, the server port, who closes, and the handshake's RTT. */
    private void connectionEvents(Tree t, TcpSegment s, int offset) {
        if (s.has(TH_SYN)) {
            if (s.has(TH_ACK)) {
                t.expertOn(header.synNode, TcpExpert.CONNECTION_SYNACK, offset + 13, 1,
                        serverPortMessage(t, s, TcpExpert.CONNECTION_SYNACK, s.sport));
                s.conv.serverPort = s.sport;
            } else {
                t.expertOn(header.synNode, TcpExpert.CONNECTION_SYN, offset + 13, 1,
                        serverPortMessage(t, s, TcpExpert.CONNECTION_SYN, s.dport));
                s.conv.serverPort = s.dport;
                s.conv.tsMruSyn = s.now;
            }
            s.fwd.isFirstAck = true;
        }
        if (s.has(TH_FIN)) {
            t.expertOn(header.finNode, TcpExpert.CONNECTION_FIN, offset + 13, 1, null);
            if (!s.rev.closingInitiator) {
                s.fwd.closingInitiator = true;
                t.expertOn(header.strNode, TcpExpert.CONNECTION_FIN_ACTIVE, offset + 12, 2, null);
            } else {
                t.expertOn(header.strNode, TcpExpert.CONNECTION_FIN_PASSIVE, offset + 12, 2, null);
            }
        }
        if (s.has(TH_RST)) {
            t.expertOn(header.rstNode, TcpExpert.CONNECTION_RST, offset + 13, 1, null);
        }
        if (settings.analyzeSeq && s.flags(TH_SYN | TH_ACK, TH_ACK)) {
            if (s.conv.tsMruSyn != Long.MIN_VALUE && s.conv.tsFirstRtt == 0) {
                s.conv.tsFirstRtt = s.now - s.conv.tsMruSyn;
            }
            s.fwd.isFirstAck = false;
        }
    }

    /** Wireshark's "...: server port N" detail of the SYN and SYN+ACK items, composed only when shown. */
    private static CharSequence serverPortMessage(Tree t, TcpSegment s, Expert e, int port) {
        return t.wantsExpertMessages() ? s.expertText(e).append(": server port ").append(port) : null;
    }

    private static void urgentPointer(Packet p, Tree t, TcpSegment s, int offset) {
        int urp = p.u16(offset + URGENT_OFFSET);
        int urgent = t.addUint(TcpFields.URGENT_POINTER, offset + 18, 2, urp);
        if (s.has(TH_URG)) {
            if (s.columns) {
                p.info().append(" Urg=").append(urp);
            }
        } else if (urp != 0) {
            t.expertOn(urgent, TcpExpert.URGENT_POINTER_NON_ZERO, offset + 18, 2, null);
        }
        if (s.haveSeglen && s.columns) {
            p.info().append(" Len=").append(s.seglen);
        }
    }

    /** The options, the timestamps, the analysis subtree, and what SYN, FIN and RST change in the connection. */
    private void optionsAndAnalysis(Packet p, Tree t, TcpSegment s, int offset, long delta) {
        int optlen = s.hlen - MIN_LENGTH;
        int optionsNode = -1;
        if (optlen != 0) {
            int bc = Math.max(0, p.captured(offset + MIN_LENGTH));
            optionsNode = t.add(TcpFields.OPTIONS, offset + MIN_LENGTH, Math.min(bc, optlen));
            if (bc == 0) {
                // options declared by the data offset but not in the packet: tshark shows <MISSING>
                t.setFlags(optionsNode, Tree.MISSING);
            }
        }
        // The times come before the options are walked (a malformed option ends the segment's dissection),
        // and are shown after the options' subtree.
        if (settings.calculateTimestamps) {
            t.setFlags(t.open(TcpFields.TIMESTAMPS, 0, 0), Tree.GENERATED);
            t.setFlags(t.addLong(TcpFields.TIME_RELATIVE, 0, 0, s.now - s.conv.tsFirst), Tree.GENERATED);
            t.setFlags(t.addLong(TcpFields.TIME_DELTA, 0, 0, delta), Tree.GENERATED);
            t.close();
        }
        if (optlen != 0) {
            s.sackBase = settings.analyzeSeq && settings.relativeSeq ? s.rev.baseSeq : 0;
            t.push(optionsNode);
            options.dissect(p, s, offset + MIN_LENGTH, optlen);
            t.close();
        }
        if (settings.analyzeSeq) {
            analysisTree.print(p, s);
        }
        if (s.quoted != TcpErrorQuote.NONE) {
            return;
        }
        if (!s.visited && s.has(TH_SYN)) {
            TcpAnalysis.verifyWindowScaling(s);
        }
        if (s.has(TH_FIN)) {
            s.fwd.finSeen = true;
        }
        if (s.has(TH_RST) || s.fwd.finSeen && s.rev.finSeen) {
            s.conv.closed = true;
        }
    }

    /**
     * The payload: the end of an until-FIN PDU, a reset's cause, or data for reassembly or the next layer.
     * False when an until-FIN PDU was completed, which ends the dissection of the segment.
     */
    private boolean payload(Packet p, Tree t, TcpSegment s, int offset, int length, boolean canDesegment) {
        int payload = offset + s.hlen;
        int captured = p.captured(payload);
        if (s.quoted != TcpErrorQuote.NONE) {
            // What an ICMP error quotes goes to the next layer as it is: no reassembly, no until-FIN state.
            if (captured > 0) {
                t.add(TcpFields.PAYLOAD, payload, captured);
                handoff.ctx.fin = s.has(TH_FIN);
                handoff.processPayload(p, s, payload, offset + length - payload, s.seq, false);
            }
            return true;
        }
        TcpFlow fwd = s.fwd;
        if (s.haveSeglen && s.has(TH_FIN) && fwd.untilFin && !s.visited) {
            if (fwd.finFrame == 0 || fwd.finFrame == s.frame) {
                fwd.finFrame = s.frame;
                if (reassembly.finishUntilFin(p, s, payload)) {
                    return false;
                }
            } else {
                t.addGenerated(TcpFields.FIN_RETRANSMISSION, fwd.finFrame);
            }
        } else if (s.has(TH_FIN) && fwd.finFrame == 0) {
            fwd.finFrame = s.frame;
        }
        if (captured <= 0) {
            return true;
        }
        if (s.has(TH_RST)) {
            t.add(TcpFields.RESET_CAUSE, payload, captured);
            return true;
        }
        // Over the captured bytes only (a snaplen cut the segment: its line still counts s.seglen).
        t.add(TcpFields.PAYLOAD, payload, Math.min(s.seglen, captured));
        // A SYN's data starts one after its sequence number.
        int seq = s.has(TH_SYN) ? s.seq + 1 : s.seq;
        int nxtseq = s.has(TH_SYN) ? s.nxtseq + 1 : s.nxtseq;
        handoff.ctx.fin = s.has(TH_FIN);
        // Data on a SYN is handed on as it is, as tshark 4.0 does (zeek tcp/payload-syn, payload-synack: what follows
        // a complete HTTP request in the SYN is 'Continuation', not the start of a PDU waiting for more)
        if (canDesegment && s.haveSeglen && !fwd.reassemblyFailed && !s.has(TH_SYN)) {
            reassembly.desegment(p, s, payload, offset + length, seq, nxtseq);
        } else {
            handoff.processPayload(p, s, payload, offset + length - payload, seq, false);
        }
        return true;
    }
}
