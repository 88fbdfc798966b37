package org.dissect4j.tcp;

import org.dissect4j.api.Base;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.TreeView;
import org.dissect4j.api.ValueNames;

/**
 * TCP's protocols and fields, with Wireshark 4.0's abbreviations, types and bases ({@code tshark -G fields}).
 * Each TCP option is a protocol of its own in Wireshark ({@code tcp.options.mss}, ...); so it is here, so
 * that {@code tcp.options.sack_perm} prints the option's raw bytes as tshark does.
 */
public final class TcpFields {
    private TcpFields() {
    }

    /** Conversation completeness bits ({@code tcp.completeness}). */
    static final int COMPLETENESS_SYNSENT = 0x01, COMPLETENESS_SYNACK = 0x02, COMPLETENESS_ACK = 0x04,
            COMPLETENESS_DATA = 0x08, COMPLETENESS_FIN = 0x10, COMPLETENESS_RST = 0x20;

    public static final Protocol TCP = new Protocol("Transmission Control Protocol", "TCP", "tcp");

    static final Field SRCPORT = Field.define("tcp.srcport", "Source Port", FieldType.UINT16).build();
    static final Field DSTPORT = Field.define("tcp.dstport", "Destination Port", FieldType.UINT16).build();
    static final Field PORT = Field.define("tcp.port", "Source or Destination Port", FieldType.UINT16).hidden().build();
    static final Field STREAM = Field.define("tcp.stream", "Stream index", FieldType.UINT32).build();
    static final Field COMPLETENESS = Field.define("tcp.completeness", "Conversation completeness", FieldType.UINT8)
            .description("The completeness of the conversation capture").labeler(TcpLabels::completeness).build();
    static final Field LEN = Field.define("tcp.len", "TCP Segment Len", FieldType.UINT32).build();
    static final Field SEQ = Field.define("tcp.seq", "Sequence Number", FieldType.UINT32).build();
    static final Field SEQ_RAW = Field.define("tcp.seq_raw", "Sequence Number (raw)", FieldType.UINT32)
            .description("This shows the raw value of the sequence number").build();
    static final Field NXTSEQ = Field.define("tcp.nxtseq", "Next Sequence Number", FieldType.UINT32).build();
    static final Field ACK = Field.define("tcp.ack", "Acknowledgment Number", FieldType.UINT32).build();
    static final Field ACK_RAW = Field.define("tcp.ack_raw", "Acknowledgment number (raw)", FieldType.UINT32)
            .description("This shows the raw value of the acknowledgment number").build();
    static final Field HDR_LEN = Field.define("tcp.hdr_len", "Header Length", FieldType.UINT8)
            .description("Data offset in 32-bit words").labeler(TcpLabels::headerLength).build();
    static final Field FLAGS = Field.define("tcp.flags", "Flags", FieldType.UINT16).base(Base.HEX).mask(0xfff, 12)
            .description("Flags (12 bits)").labeler(TcpLabels::flags).build();
    static final Field FLAGS_RES = flag("tcp.flags.res", "Reserved", 0xe00);
    static final Field FLAGS_AE = flag("tcp.flags.ae", "Accurate ECN", 0x100);
    static final Field FLAGS_CWR = flag("tcp.flags.cwr", "Congestion Window Reduced", 0x80);
    static final Field FLAGS_ECE = flag("tcp.flags.ece", "ECN-Echo", 0x40);
    static final Field FLAGS_URG = flag("tcp.flags.urg", "Urgent", 0x20);
    static final Field FLAGS_ACK = flag("tcp.flags.ack", "Acknowledgment", 0x10);
    static final Field FLAGS_PUSH = flag("tcp.flags.push", "Push", 0x08);
    static final Field FLAGS_RESET = flag("tcp.flags.reset", "Reset", 0x04);
    static final Field FLAGS_SYN = flag("tcp.flags.syn", "Syn", 0x02);
    static final Field FLAGS_FIN = flag("tcp.flags.fin", "Fin", 0x01);
    static final Field FLAGS_STR = Field.define("tcp.flags.str", "TCP Flags", FieldType.STRING).build();
    static final Field WINDOW_SIZE_VALUE = Field.define("tcp.window_size_value", "Window", FieldType.UINT16)
            .description("The window size value from the TCP header").build();
    static final Field WINDOW_SIZE = Field.define("tcp.window_size", "Calculated window size", FieldType.UINT32)
            .description("The scaled window size (if scaling has been used)").build();
    static final Field WINDOW_SIZE_SCALEFACTOR = Field.define("tcp.window_size_scalefactor", "Window size scaling factor",
            FieldType.INT32).description("The window size scaling factor (-1 when unknown, -2 when no scaling is used)")
            .labeler(TcpLabels::scaleFactor).build();
    static final Field CHECKSUM = Field.define("tcp.checksum", "Checksum", FieldType.UINT16).base(Base.HEX)
            .labeler(TcpLabels::checksum).build();
    static final Field CHECKSUM_STATUS = Field.define("tcp.checksum.status", "Checksum Status", FieldType.UINT8)
            .base(Base.NONE).values(ValueNames.of(0, "Bad", 1, "Good", 2, "Unverified", 3, "Not present", 4, "Illegal")).build();
    static final Field CHECKSUM_CALCULATED = Field.define("tcp.checksum_calculated", "Calculated Checksum", FieldType.UINT16)
            .base(Base.HEX).build();
    static final Field URGENT_POINTER = Field.define("tcp.urgent_pointer", "Urgent Pointer", FieldType.UINT16).build();
    static final Field OPTIONS = Field.define("tcp.options", "TCP Options", FieldType.BYTES).labeler(TcpLabels::options).build();
    /** Wireshark's "Timestamps" subtree of the stream times (a text item). */
    static final Field TIMESTAMPS = Field.text("Timestamps");
    /** Recorded over the captured bytes; its line counts the segment's length, "TCP payload (1448 bytes)". */
    static final Field PAYLOAD = Field.define("tcp.payload", "TCP payload", FieldType.BYTES)
            .description("The TCP payload of this packet").labeler(TcpFields::payloadLabel).build();
    static final Field SEGMENT_DATA = Field.define("tcp.segment_data", "TCP segment data", FieldType.BYTES)
            .description("A data segment used in reassembly of a lower-level protocol").labeler(TcpLabels::segmentData).build();
    static final Field RESET_CAUSE = Field.define("tcp.reset_cause", "Reset cause", FieldType.STRING).build();
    static final Field FIN_RETRANSMISSION = Field.define("tcp.fin_retransmission", "Retransmission of FIN from frame",
            FieldType.FRAMENUM).build();

    static final Field TIME_RELATIVE = Field.define("tcp.time_relative", "Time since first frame in this TCP stream",
            FieldType.RELATIVE_TIME).build();
    static final Field TIME_DELTA = Field.define("tcp.time_delta", "Time since previous frame in this TCP stream",
            FieldType.RELATIVE_TIME).build();

    // ---- analysis --------------------------------------------------------------------------
    static final Field ANALYSIS = Field.define("tcp.analysis", "SEQ/ACK analysis", FieldType.NONE)
            .description("This frame has some of the TCP analysis shown").build();
    static final Field ANALYSIS_FLAGS = Field.define("tcp.analysis.flags", "TCP Analysis Flags", FieldType.NONE)
            .description("This frame has some of the TCP analysis flags set").build();
    static final Field ACKS_FRAME = Field.define("tcp.analysis.acks_frame", "This is an ACK to the segment in frame",
            FieldType.FRAMENUM).build();
    static final Field ACK_RTT = Field.define("tcp.analysis.ack_rtt", "The RTT to ACK the segment was",
            FieldType.RELATIVE_TIME).build();
    static final Field INITIAL_RTT = Field.define("tcp.analysis.initial_rtt", "iRTT", FieldType.RELATIVE_TIME).build();
    static final Field BYTES_IN_FLIGHT = Field.define("tcp.analysis.bytes_in_flight", "Bytes in flight", FieldType.UINT32).build();
    static final Field PUSH_BYTES_SENT = Field.define("tcp.analysis.push_bytes_sent", "Bytes sent since last PSH flag",
            FieldType.UINT32).build();
    static final Field RTO = Field.define("tcp.analysis.rto", "The RTO for this segment was", FieldType.RELATIVE_TIME).build();
    static final Field RTO_FRAME = Field.define("tcp.analysis.rto_frame", "RTO based on delta from frame", FieldType.FRAMENUM).build();
    static final Field DUPLICATE_ACK = Field.define("tcp.analysis.duplicate_ack", "Duplicate ACK", FieldType.NONE)
            .description("This is a duplicate ACK").labeler((t, n, out) -> out.append("This is a TCP duplicate ack")).build();
    static final Field DUPLICATE_ACK_NUM = Field.define("tcp.analysis.duplicate_ack_num", "Duplicate ACK #", FieldType.UINT32).build();
    static final Field DUPLICATE_ACK_FRAME = Field.define("tcp.analysis.duplicate_ack_frame", "Duplicate to the ACK in frame",
            FieldType.FRAMENUM).build();

    // ---- reassembly ------------------------------------------------------------------------
    static final Field SEGMENTS = Field.define("tcp.segments", "Reassembled TCP Segments", FieldType.NONE)
            .labeler(TcpLabels::segments).build();
    static final Field SEGMENT = Field.define("tcp.segment", "TCP Segment", FieldType.FRAMENUM)
            .labeler(TcpLabels::segment).build();
    static final Field SEGMENT_OVERLAP = Field.define("tcp.segment.overlap", "Segment overlap", FieldType.BOOLEAN)
            .description("Segment overlaps with other segments").trueFalse("True", "False").build();
    static final Field SEGMENT_COUNT = Field.define("tcp.segment.count", "Segment count", FieldType.UINT32).build();
    static final Field REASSEMBLED_IN = Field.define("tcp.reassembled_in", "Reassembled PDU in frame", FieldType.FRAMENUM).build();
    static final Field REASSEMBLED_LENGTH = Field.define("tcp.reassembled.length", "Reassembled TCP length", FieldType.UINT32).build();
    static final Field REASSEMBLED_DATA = Field.define("tcp.reassembled.data", "Reassembled TCP Data", FieldType.BYTES).build();

    // ---- options ---------------------------------------------------------------------------
    static final Field OPTION_KIND = Field.define("tcp.option_kind", "Kind", FieldType.UINT8)
            .values(TcpOptionKind.NAMES).build();
    static final Field OPTION_LEN = Field.define("tcp.option_len", "Length", FieldType.UINT8).build();

    static final Protocol OPT_NOP = opt("TCP Option - No-Operation (NOP)", "tcp.options.nop");
    static final Protocol OPT_EOL = opt("TCP Option - End of Option List (EOL)", "tcp.options.eol");
    static final Protocol OPT_TIMESTAMP = opt("TCP Option - Timestamps", "tcp.options.timestamp").labeler(TcpLabels::timestamps);
    static final Protocol OPT_MSS = opt("TCP Option - Maximum segment size", "tcp.options.mss").labeler(TcpLabels::mss);
    static final Protocol OPT_WSCALE = opt("TCP Option - Window scale", "tcp.options.wscale").labeler(TcpLabels::windowScale);
    static final Protocol OPT_SACK_PERM = opt("TCP Option - SACK permitted", "tcp.options.sack_perm");
    static final Protocol OPT_SACK = opt("TCP Option - SACK", "tcp.options.sack").labeler(TcpLabels::sack);
    static final Protocol OPT_ECHO = opt("TCP Option - Echo", "tcp.options.echo");
    static final Protocol OPT_ECHOREPLY = opt("TCP Option - Echo reply", "tcp.options.echoreply");
    static final Protocol OPT_CC = opt("TCP Option - CC", "tcp.options.cc");
    static final Protocol OPT_CCNEW = opt("TCP Option - CC.NEW", "tcp.options.ccnew");
    static final Protocol OPT_CCECHO = opt("TCP Option - CC.ECHO", "tcp.options.ccecho");
    static final Protocol OPT_AO = opt("TCP Option - TCP AO", "tcp.options.ao");
    static final Protocol OPT_MD5 = opt("TCP Option - TCP MD5 signature", "tcp.options.md5");
    static final Protocol OPT_SCPS = opt("TCP Option - SCPS capabilities", "tcp.options.scps");
    static final Protocol OPT_SNACK = opt("TCP Option - Selective Negative Acknowledgment", "tcp.options.snack");
    static final Protocol OPT_SCPSREC = opt("TCP Option - SCPS record boundary", "tcp.options.scpsrec");
    static final Protocol OPT_SCPSCOR = opt("TCP Option - SCPS corruption experienced", "tcp.options.scpscor");
    static final Protocol OPT_QS = opt("TCP Option - Quick-Start", "tcp.options.qs");
    static final Protocol OPT_USER_TO = opt("TCP Option - User Timeout", "tcp.options.user_to");
    static final Protocol OPT_TFO = opt("TCP Option - TCP Fast Open", "tcp.options.tfo");
    static final Protocol OPT_ACC_ECN = opt("TCP Option - Accurate ECN", "tcp.options.acc_ecn");
    static final Protocol OPT_RVBD_PROBE = opt("TCP Option - Riverbed Probe", "tcp.options.rvbd.probe");
    static final Protocol OPT_RVBD_TRPY = opt("TCP Option - Riverbed Transparency", "tcp.options.rvbd.trpy");
    static final Protocol OPT_EXP = opt("TCP Option - Experimental", "tcp.options.experimental").labeler(TcpLabels::experimental);
    static final Protocol OPT_UNKNOWN = opt("TCP Option - Unknown", "tcp.options.unknown");
    /** Multipath TCP: Wireshark shows the option as a protocol of its own. */
    static final Protocol MPTCP = new Protocol("Multipath Transmission Control Protocol", "MPTCP", "mptcp");

    static final Field MSS_VAL = Field.define("tcp.options.mss_val", "MSS Value", FieldType.UINT16).build();
    static final Field WSCALE_SHIFT = Field.define("tcp.options.wscale.shift", "Shift count", FieldType.UINT8).build();
    static final Field WSCALE_MULTIPLIER = Field.define("tcp.options.wscale.multiplier", "Multiplier", FieldType.UINT16).build();
    static final Field SACK_LE = Field.define("tcp.options.sack_le", "TCP SACK Left Edge", FieldType.UINT32).build();
    static final Field SACK_RE = Field.define("tcp.options.sack_re", "TCP SACK Right Edge", FieldType.UINT32).build();
    static final Field SACK_COUNT = Field.define("tcp.options.sack.count", "TCP SACK Count", FieldType.UINT8).build();
    static final Field DSACK_LE = Field.define("tcp.options.sack.dsack_le", "TCP D-SACK Left Edge", FieldType.UINT32).build();
    static final Field DSACK_RE = Field.define("tcp.options.sack.dsack_re", "TCP D-SACK Right Edge", FieldType.UINT32).build();
    /** The item the D-SACK expert hangs from (a text item over the block). */
    static final Field DSACK_SEQUENCE = Field.text("D-SACK Sequence");
    static final Field ECHO_VALUE = Field.define("tcp.options.echo_value", "TCP Echo Option", FieldType.UINT32).build();
    static final Field TSVAL = Field.define("tcp.options.timestamp.tsval", "Timestamp value", FieldType.UINT32).build();
    static final Field TSECR = Field.define("tcp.options.timestamp.tsecr", "Timestamp echo reply", FieldType.UINT32).build();
    static final Field CC_VALUE = Field.define("tcp.options.cc_value", "TCP CC Option", FieldType.UINT32).build();
    static final Field MD5_DIGEST = Field.define("tcp.options.md5.digest", "MD5 digest", FieldType.BYTES).build();
    static final Field AO_KEYID = Field.define("tcp.options.ao.keyid", "AO KeyID", FieldType.UINT8).build();
    static final Field AO_RNEXTKEYID = Field.define("tcp.options.ao.rnextkeyid", "AO RNextKeyID", FieldType.UINT8).build();
    static final Field AO_MAC = Field.define("tcp.options.ao.mac", "AO MAC", FieldType.BYTES).build();
    /** Quick-Start rates (RFC 4782): 40 kbit/s times 2 to the power of the 4-bit value, 0 for none. */
    static final ValueNames QS_RATES = ValueNames.of(0, "0 bit/s", 1, "80 Kbit/s", 2, "160 Kbit/s", 3, "320 Kbit/s",
            4, "640 Kbit/s", 5, "1.28 Mbit/s", 6, "2.56 Mbit/s", 7, "5.12 Mbit/s", 8, "10.24 Mbit/s", 9, "20.48 Mbit/s",
            10, "40.96 Mbit/s", 11, "81.92 Mbit/s", 12, "163.84 Mbit/s", 13, "327.68 Mbit/s", 14, "655.36 Mbit/s",
            15, "1.31072 Gbit/s");
    static final Field QS_RATE = Field.define("tcp.options.qs.rate", "QS Rate", FieldType.UINT8).mask(0x0f, 8)
            .values(QS_RATES).build();
    static final Field QS_TTL_DIFF = Field.define("tcp.options.qs.ttl_diff", "QS Rate", FieldType.UINT8).build();
    static final Field USER_TO_GRANULARITY = Field.define("tcp.options.user_to_granularity", "Granularity", FieldType.BOOLEAN)
            .mask(0x8000, 16).trueFalse("Minutes", "Seconds").build();
    static final Field USER_TO_VAL = Field.define("tcp.options.user_to_val", "User Timeout", FieldType.UINT16)
            .mask(0x7fff, 16).build();
    static final Field TFO_REQUEST = Field.define("tcp.options.tfo.request", "Fast Open Cookie Request", FieldType.NONE).build();
    static final Field TFO_COOKIE = Field.define("tcp.options.tfo.cookie", "Fast Open Cookie", FieldType.BYTES).build();
    static final Field EXP_DATA = Field.define("tcp.options.experimental.data", "Data", FieldType.BYTES).build();
    static final Field EXP_EXID = Field.define("tcp.options.experimental.exid", "Experiment Identifier", FieldType.UINT16)
            .base(Base.HEX).build();
    static final Field UNKNOWN_PAYLOAD = Field.define("tcp.options.unknown.payload", "Payload", FieldType.BYTES).build();

    // ---- MPTCP (the option's common fields) ------------------------------------------------
    static final Field MPTCP_SUBTYPE = Field.define("tcp.options.mptcp.subtype", "Multipath TCP subtype", FieldType.UINT8)
            .mask(0xf0, 8).values(ValueNames.of(0, "Multipath Capable", 1, "Join Connection", 2, "Data Sequence Signal",
                    3, "Add Address", 4, "Remove Address", 5, "Change Subflow Priority", 6, "TCP Fallback", 7, "Fast Close",
                    8, "TCP Reset")).build();
    static final Field MPTCP_VERSION = Field.define("tcp.options.mptcp.version", "Multipath TCP version", FieldType.UINT8)
            .mask(0x0f, 8).build();
    static final Field MPTCP_FLAGS = Field.define("tcp.options.mptcp.flags", "Multipath TCP flags", FieldType.UINT8)
            .base(Base.HEX).build();
    static final Field MPTCP_RESERVED = Field.define("tcp.options.mptcp.reserved", "Reserved", FieldType.UINT16)
            .base(Base.HEX).mask(0xfff, 16).build();
    static final Field MPTCP_ADDRID = Field.define("tcp.options.mptcp.addrid", "Address ID", FieldType.UINT8).build();
    static final Field MPTCP_SENDKEY = Field.define("tcp.options.mptcp.sendkey", "Sender's Key", FieldType.UINT64).build();
    static final Field MPTCP_RECVKEY = Field.define("tcp.options.mptcp.recvkey", "Receiver's Key", FieldType.UINT64).build();
    static final Field MPTCP_RECVTOK = Field.define("tcp.options.mptcp.recvtok", "Receiver's Token", FieldType.UINT32).build();
    static final Field MPTCP_SENDRAND = Field.define("tcp.options.mptcp.sendrand", "Sender's Random Number", FieldType.UINT32).build();
    static final Field MPTCP_SENDTRUNCHMAC = Field.define("tcp.options.mptcp.sendtrunchmac", "Sender's Truncated HMAC",
            FieldType.UINT64).build();
    static final Field MPTCP_SENDHMAC = Field.define("tcp.options.mptcp.sendhmac", "Sender's HMAC", FieldType.BYTES).build();
    static final Field MPTCP_RAWDATAACK = Field.define("tcp.options.mptcp.rawdataack", "Original MPTCP Data ACK",
            FieldType.UINT64).build();
    static final Field MPTCP_RAWDATASEQNO = Field.define("tcp.options.mptcp.rawdataseqno", "Data Sequence Number",
            FieldType.UINT64).build();
    static final Field MPTCP_SUBFLOWSEQNO = Field.define("tcp.options.mptcp.subflowseqno", "Subflow Sequence Number",
            FieldType.UINT32).build();
    static final Field MPTCP_DATALVLLEN = Field.define("tcp.options.mptcp.datalvllen", "Data-level Length", FieldType.UINT16).build();
    static final Field MPTCP_CHECKSUM = Field.define("tcp.options.mptcp.checksum", "Checksum", FieldType.UINT16).base(Base.HEX).build();
    static final Field MPTCP_IPVER = Field.define("tcp.options.mptcp.ipver", "IP version", FieldType.UINT8).mask(0x0f, 8).build();
    static final Field MPTCP_ECHO = Field.define("tcp.options.mptcp.echo", "Echo", FieldType.UINT8).mask(0x01, 8).build();
    static final Field MPTCP_IPV4 = Field.define("tcp.options.mptcp.ipv4", "Advertised IPv4 Address", FieldType.IPv4).build();
    static final Field MPTCP_IPV6 = Field.define("tcp.options.mptcp.ipv6", "Advertised IPv6 Address", FieldType.IPv6).build();
    static final Field MPTCP_PORT = Field.define("tcp.options.mptcp.port", "Advertised port", FieldType.UINT16).build();
    static final Field MPTCP_RST_REASON = Field.define("tcp.options.mptcp.rst_reason", "MPTCP Reset Reason", FieldType.UINT8)
            .base(Base.HEX).build();

    private static Field flag(String abbrev, String name, int mask) {
        return Field.define(abbrev, name, FieldType.BOOLEAN).mask(mask, 12).build();
    }

    /** An option protocol: Wireshark registers them in name only, as byte fields, so {@code -T fields} prints their bytes. */
    private static Protocol opt(String name, String filter) {
        return new Protocol(name, name.substring("TCP Option - ".length()), filter).bytesValue();
    }

    /** Every option protocol, in registration order. */
    static Protocol[] optionProtocols() {
        return new Protocol[] {OPT_NOP, OPT_EOL, OPT_TIMESTAMP, OPT_MSS, OPT_WSCALE, OPT_SACK_PERM, OPT_SACK, OPT_ECHO,
                OPT_ECHOREPLY, OPT_CC, OPT_CCNEW, OPT_CCECHO, OPT_AO, OPT_MD5, OPT_SCPS, OPT_SNACK, OPT_SCPSREC, OPT_SCPSCOR,
                OPT_QS, OPT_USER_TO, OPT_TFO, OPT_ACC_ECN, OPT_RVBD_PROBE, OPT_RVBD_TRPY, OPT_EXP, OPT_UNKNOWN};
    }

    /** TCP's own fields (everything but the protocols), in registration order. */
    static Field[] fields() {
        return new Field[] {SRCPORT, DSTPORT, PORT, STREAM, COMPLETENESS, LEN, SEQ, SEQ_RAW, NXTSEQ, ACK, ACK_RAW, HDR_LEN,
                FLAGS, FLAGS_RES, FLAGS_AE, FLAGS_CWR, FLAGS_ECE, FLAGS_URG, FLAGS_ACK, FLAGS_PUSH, FLAGS_RESET, FLAGS_SYN,
                FLAGS_FIN, FLAGS_STR, WINDOW_SIZE_VALUE, WINDOW_SIZE, WINDOW_SIZE_SCALEFACTOR, CHECKSUM, CHECKSUM_STATUS,
                CHECKSUM_CALCULATED, URGENT_POINTER, OPTIONS, TIMESTAMPS, PAYLOAD, SEGMENT_DATA, RESET_CAUSE, FIN_RETRANSMISSION,
                TIME_RELATIVE, TIME_DELTA, ANALYSIS, ANALYSIS_FLAGS, ACKS_FRAME, ACK_RTT, INITIAL_RTT, BYTES_IN_FLIGHT,
                PUSH_BYTES_SENT, RTO, RTO_FRAME, DUPLICATE_ACK, DUPLICATE_ACK_NUM, DUPLICATE_ACK_FRAME, SEGMENTS, SEGMENT, SEGMENT_OVERLAP,
                SEGMENT_COUNT, REASSEMBLED_IN, REASSEMBLED_LENGTH, REASSEMBLED_DATA, OPTION_KIND, OPTION_LEN, MSS_VAL,
                WSCALE_SHIFT, WSCALE_MULTIPLIER, SACK_LE, SACK_RE, SACK_COUNT, DSACK_LE, DSACK_RE, DSACK_SEQUENCE, ECHO_VALUE, TSVAL, TSECR,
                CC_VALUE, MD5_DIGEST, AO_KEYID, AO_RNEXTKEYID, AO_MAC, QS_RATE, QS_TTL_DIFF, USER_TO_GRANULARITY, USER_TO_VAL,
                TFO_REQUEST, TFO_COOKIE, EXP_DATA, EXP_EXID, UNKNOWN_PAYLOAD, MPTCP_SUBTYPE, MPTCP_VERSION, MPTCP_FLAGS,
                MPTCP_RESERVED, MPTCP_ADDRID, MPTCP_SENDKEY, MPTCP_RECVKEY, MPTCP_RECVTOK, MPTCP_SENDRAND,
                MPTCP_SENDTRUNCHMAC, MPTCP_SENDHMAC, MPTCP_RAWDATAACK, MPTCP_RAWDATASEQNO, MPTCP_SUBFLOWSEQNO,
                MPTCP_DATALVLLEN, MPTCP_CHECKSUM, MPTCP_IPVER, MPTCP_ECHO, MPTCP_IPV4, MPTCP_IPV6, MPTCP_PORT,
                MPTCP_RST_REASON};
    }

    private static void payloadLabel(TreeView t, int node, StringBuilder out) {
        int len = Labeler.child(t, t.parent(node), LEN);
        long n = len >= 0 ? t.value(len) : t.length(node);
        out.append("TCP payload (").append(n).append(n == 1 ? " byte)" : " bytes)");
    }
}
