package org.dissect4j.tcp;

import org.dissect4j.api.Expert;
import org.dissect4j.api.ExpertGroup;
import org.dissect4j.api.Severity;

/** TCP's expert items, with Wireshark's names, severities, groups and messages. */
final class TcpExpert {
    private TcpExpert() {
    }

    static final Expert OPT_LEN_INVALID = new Expert("tcp.option.len.invalid", ExpertGroup.PROTOCOL, Severity.ERROR,
            "Invalid length for option");
    static final Expert RETRANSMISSION = new Expert("tcp.analysis.retransmission", ExpertGroup.SEQUENCE, Severity.NOTE,
            "This frame is a (suspected) retransmission");
    static final Expert FAST_RETRANSMISSION = new Expert("tcp.analysis.fast_retransmission", ExpertGroup.SEQUENCE,
            Severity.NOTE, "This frame is a (suspected) fast retransmission");
    static final Expert SPURIOUS_RETRANSMISSION = new Expert("tcp.analysis.spurious_retransmission", ExpertGroup.SEQUENCE,
            Severity.NOTE, "This frame is a (suspected) spurious retransmission");
    static final Expert OUT_OF_ORDER = new Expert("tcp.analysis.out_of_order", ExpertGroup.SEQUENCE, Severity.WARNING,
            "This frame is a (suspected) out-of-order segment");
    static final Expert REUSED_PORTS = new Expert("tcp.analysis.reused_ports", ExpertGroup.SEQUENCE, Severity.NOTE,
            "A new tcp session is started with the same ports as an earlier session in this trace");
    static final Expert LOST_SEGMENT = new Expert("tcp.analysis.lost_segment", ExpertGroup.SEQUENCE, Severity.WARNING,
            "Previous segment(s) not captured (common at capture start)");
    static final Expert ACK_LOST_SEGMENT = new Expert("tcp.analysis.ack_lost_segment", ExpertGroup.SEQUENCE,
            Severity.WARNING, "ACKed segment that wasn't captured (common at capture start)");
    static final Expert WINDOW_UPDATE = new Expert("tcp.analysis.window_update", ExpertGroup.SEQUENCE, Severity.CHAT,
            "TCP window update");
    static final Expert WINDOW_FULL = new Expert("tcp.analysis.window_full", ExpertGroup.SEQUENCE, Severity.WARNING,
            "TCP window specified by the receiver is now completely full");
    static final Expert KEEP_ALIVE = new Expert("tcp.analysis.keep_alive", ExpertGroup.SEQUENCE, Severity.NOTE,
            "TCP keep-alive segment");
    static final Expert KEEP_ALIVE_ACK = new Expert("tcp.analysis.keep_alive_ack", ExpertGroup.SEQUENCE, Severity.NOTE,
            "ACK to a TCP keep-alive segment");
    static final Expert DUPLICATE_ACK = new Expert(TcpFields.DUPLICATE_ACK, ExpertGroup.SEQUENCE, Severity.NOTE,
            "Duplicate ACK");
    static final Expert ZERO_WINDOW_PROBE = new Expert("tcp.analysis.zero_window_probe", ExpertGroup.SEQUENCE,
            Severity.NOTE, "TCP Zero Window Probe");
    static final Expert ZERO_WINDOW = new Expert("tcp.analysis.zero_window", ExpertGroup.SEQUENCE, Severity.WARNING,
            "TCP Zero Window segment");
    static final Expert ZERO_WINDOW_PROBE_ACK = new Expert("tcp.analysis.zero_window_probe_ack", ExpertGroup.SEQUENCE,
            Severity.NOTE, "ACK to a TCP Zero Window Probe");
    static final Expert TFO_SYN = new Expert("tcp.analysis.tfo_syn", ExpertGroup.SEQUENCE, Severity.NOTE,
            "TCP SYN with TFO Cookie");
    static final Expert CONNECTION_FIN_ACTIVE = new Expert("tcp.connection.fin_active", ExpertGroup.SEQUENCE,
            Severity.NOTE, "This frame initiates the connection closing");
    static final Expert CONNECTION_FIN_PASSIVE = new Expert("tcp.connection.fin_passive", ExpertGroup.SEQUENCE,
            Severity.NOTE, "This frame undergoes the connection closing");
    static final Expert SACK_DSACK = new Expert("tcp.options.sack.dsack", ExpertGroup.SEQUENCE, Severity.WARNING,
            "D-SACK Sequence");
    static final Expert WSCALE_SHIFT_INVALID = new Expert("tcp.options.wscale.shift.invalid", ExpertGroup.PROTOCOL,
            Severity.WARNING, "Window scale shift exceeds 14");
    static final Expert MSS_ABSENT = new Expert("tcp.options.mss.absent", ExpertGroup.PROTOCOL, Severity.NOTE,
            "The SYN packet does not contain a MSS option");
    static final Expert MSS_PRESENT = new Expert("tcp.options.mss.present", ExpertGroup.PROTOCOL, Severity.WARNING,
            "The non-SYN packet does contain a MSS option");
    static final Expert SHORT_SEGMENT = new Expert("tcp.short_segment", ExpertGroup.MALFORMED, Severity.WARNING,
            "Short segment");
    static final Expert ACK_NONZERO = new Expert("tcp.ack.nonzero", ExpertGroup.PROTOCOL, Severity.NOTE,
            "The acknowledgment number field is nonzero while the ACK flag is not set");
    static final Expert CONNECTION_SYNACK = new Expert("tcp.connection.synack", ExpertGroup.SEQUENCE, Severity.CHAT,
            "Connection establish acknowledge (SYN+ACK)");
    static final Expert CONNECTION_SYN = new Expert("tcp.connection.syn", ExpertGroup.SEQUENCE, Severity.CHAT,
            "Connection establish request (SYN)");
    static final Expert CONNECTION_FIN = new Expert("tcp.connection.fin", ExpertGroup.SEQUENCE, Severity.CHAT,
            "Connection finish (FIN)");
    static final Expert CONNECTION_RST = new Expert("tcp.connection.rst", ExpertGroup.SEQUENCE, Severity.WARNING,
            "Connection reset (RST)");
    static final Expert CHECKSUM_FFFF = new Expert("tcp.checksum.ffff", ExpertGroup.CHECKSUM, Severity.WARNING,
            "TCP Checksum 0xffff instead of 0x0000 (see RFC 1624)");
    static final Expert CHECKSUM_BAD = new Expert("tcp.checksum_bad.expert", ExpertGroup.CHECKSUM, Severity.ERROR,
            "Bad checksum");
    static final Expert URGENT_POINTER_NON_ZERO = new Expert("tcp.urgent_pointer.non_zero", ExpertGroup.PROTOCOL,
            Severity.NOTE, "The urgent pointer field is nonzero while the URG flag is not set");
    static final Expert SUBOPTION_MALFORMED = new Expert("tcp.suboption_malformed", ExpertGroup.MALFORMED, Severity.ERROR,
            "suboption would go past end of option");
    static final Expert NOP = new Expert("tcp.nop", ExpertGroup.PROTOCOL, Severity.WARNING,
            "4 NOP in a row - a router may have removed some options");
    static final Expert NON_ZERO_BYTES_AFTER_EOL = new Expert("tcp.non_zero_bytes_after_eol", ExpertGroup.PROTOCOL,
            Severity.ERROR, "Non zero bytes in option space after EOL option");
    static final Expert BOGUS_HEADER_LENGTH = new Expert("tcp.bogus_header_length", ExpertGroup.PROTOCOL, Severity.ERROR,
            "Bogus TCP Header length");
    /** Not in Wireshark: a stream went past a reassembly bound and is no longer reassembled. */
    static final Expert REASSEMBLY_LIMIT = new Expert("tcp.reassembly.limit", ExpertGroup.REASSEMBLE, Severity.WARNING,
            "TCP reassembly limit reached: this stream is no longer reassembled");

    /** Not in Wireshark: the connection table is full (tcp.max_conversations); the least recently seen one was dropped. */
    static final Expert CONVERSATION_LIMIT = new Expert("tcp.conversation_limit", ExpertGroup.SEQUENCE, Severity.NOTE,
            "TCP connection limit reached (tcp.max_conversations): the least recently seen connection was forgotten");

    static Expert[] all() {
        return new Expert[] {OPT_LEN_INVALID, RETRANSMISSION, FAST_RETRANSMISSION, SPURIOUS_RETRANSMISSION, OUT_OF_ORDER,
                REUSED_PORTS, LOST_SEGMENT, ACK_LOST_SEGMENT, WINDOW_UPDATE, WINDOW_FULL, KEEP_ALIVE, KEEP_ALIVE_ACK,
                DUPLICATE_ACK, ZERO_WINDOW_PROBE, ZERO_WINDOW, ZERO_WINDOW_PROBE_ACK, TFO_SYN, CONNECTION_FIN_ACTIVE,
                CONNECTION_FIN_PASSIVE, SACK_DSACK, WSCALE_SHIFT_INVALID, MSS_ABSENT, MSS_PRESENT, SHORT_SEGMENT,
                ACK_NONZERO, CONNECTION_SYNACK, CONNECTION_SYN, CONNECTION_FIN, CONNECTION_RST, CHECKSUM_FFFF,
                CHECKSUM_BAD, URGENT_POINTER_NON_ZERO, SUBOPTION_MALFORMED, NOP, NON_ZERO_BYTES_AFTER_EOL,
                BOGUS_HEADER_LENGTH, REASSEMBLY_LIMIT, CONVERSATION_LIMIT};
    }
}
