package org.dissect4j.net;

import org.dissect4j.api.Expert;
import org.dissect4j.api.ExpertGroup;
import org.dissect4j.api.Severity;

/**
 * Expert items of this module, with Wireshark's names, groups, severities and messages
 * ({@code ei_register_info}). Where Wireshark formats details into the message at run time
 * ({@code Bogus IP header length (16, must be at least 20)}), ours is the registered text:
 * messages are never formatted on the parse path.
 */
public final class NetExperts {
    // ---- Ethernet, VLAN -----------------------------------------------------------------------
    public static final Expert ETH_SRC_NOT_GROUP = new Expert("eth.src_not_group", ExpertGroup.PROTOCOL, Severity.WARNING,
            "Source MAC must not be a group address: IEEE 802.3-2002, Section 3.2.3(b)");
    public static final Expert ETH_INVALID_LENTYPE = new Expert("eth.invalid_lentype.expert", ExpertGroup.PROTOCOL,
            Severity.WARNING, "Invalid length/type");
    public static final Expert ETH_LEN_PAST_END = new Expert("eth.len.past_end", ExpertGroup.MALFORMED, Severity.ERROR,
            "Length field value goes past the end of the payload");
    public static final Expert ETH_PADDING_BAD = new Expert("eth.padding_bad", ExpertGroup.PROTOCOL, Severity.NOTE,
            "Didn't find padding of zeros, and an undecoded trailer exists. There may be padding of non-zeros.");
    public static final Expert VLAN_LEN_PAST_END = new Expert("vlan.len.past_end", ExpertGroup.MALFORMED, Severity.ERROR,
            "Length field value goes past the end of the payload");
    public static final Expert VLAN_TOO_MANY_TAGS = new Expert("vlan.too_many_tags", ExpertGroup.UNDECODED, Severity.WARNING,
            "Too many nested VLAN tags");

    // ---- IPv4 -----------------------------------------------------------------------------------
    public static final Expert IP_BOGUS_VERSION = new Expert("ip.bogus_ip_version", ExpertGroup.PROTOCOL, Severity.ERROR,
            "Bogus IP version");
    public static final Expert IP_BOGUS_HEADER_LENGTH = new Expert("ip.bogus_header_length", ExpertGroup.PROTOCOL,
            Severity.ERROR, "Bogus IP header length");
    public static final Expert IP_BOGUS_LENGTH = new Expert("ip.bogus_ip_length", ExpertGroup.PROTOCOL, Severity.ERROR,
            "Bogus IP length");
    public static final Expert IP_CHECKSUM_BAD = new Expert("ip.checksum_bad.expert", ExpertGroup.CHECKSUM, Severity.ERROR,
            "Bad checksum");
    public static final Expert IP_TTL_TOO_SMALL = new Expert("ip.ttl.too_small", ExpertGroup.SEQUENCE, Severity.NOTE,
            "Time To Live");
    public static final Expert IP_OPT_LEN_INVALID = new Expert("ip.opt.len.invalid", ExpertGroup.PROTOCOL, Severity.WARNING,
            "Invalid length for option");
    public static final Expert IP_OPT_PTR_BEFORE_ADDRESS = new Expert("ip.opt.ptr.before_address", ExpertGroup.PROTOCOL,
            Severity.WARNING, "Pointer points before first address");
    public static final Expert IP_OPT_PTR_MIDDLE_ADDRESS = new Expert("ip.opt.ptr.middle_address", ExpertGroup.PROTOCOL,
            Severity.WARNING, "Pointer points to middle of address");
    public static final Expert IP_NOP = new Expert("ip.nop", ExpertGroup.PROTOCOL, Severity.WARNING,
            "4 NOP in a row - a router may have removed some options");
    public static final Expert IP_FRAGMENT_LIMIT = new Expert("ip.fragment.limit", ExpertGroup.REASSEMBLE, Severity.WARNING,
            "Fragment not reassembled: reassembly limit reached");

    /** Not in Wireshark: the UDP conversation table was full (udp.max_conversations) and was emptied. */
    public static final Expert UDP_CONVERSATION_LIMIT = new Expert("udp.conversation_limit", ExpertGroup.SEQUENCE, Severity.NOTE,
            "UDP conversation limit reached (udp.max_conversations): every earlier conversation was forgotten");

    // ---- IPv6 -----------------------------------------------------------------------------------
    public static final Expert IPV6_BOGUS_VERSION = new Expert("ipv6.bogus_ipv6_version", ExpertGroup.MALFORMED,
            Severity.ERROR, "Bogus IP version");
    public static final Expert IPV6_PLEN_EXCEEDS_FRAMING = new Expert("ipv6.plen_exceeds_framing", ExpertGroup.PROTOCOL,
            Severity.WARNING, "IPv6 payload length does not match expected framing length");
    public static final Expert IPV6_PLEN_ZERO = new Expert("ipv6.plen_zero", ExpertGroup.PROTOCOL, Severity.CHAT,
            "IPv6 payload length equals 0 (maybe because of \"TCP segmentation offload\" (TSO))");
    public static final Expert IPV6_OPT_INVALID_LEN = new Expert("ipv6.opt.invalid_len", ExpertGroup.MALFORMED,
            Severity.ERROR, "Invalid IPv6 option length");
    public static final Expert IPV6_OPT_UNKNOWN_DATA = new Expert("ipv6.opt.unknown_data.expert", ExpertGroup.UNDECODED,
            Severity.NOTE, "Unknown Data (not interpreted)");
    public static final Expert IPV6_OPT_JUMBO_PROHIBITED = new Expert("ipv6.opt.jumbo.prohibited", ExpertGroup.PROTOCOL,
            Severity.WARNING, "When IPv6 payload length does not equal 0 a Jumbo Payload option must not be present");
    public static final Expert IPV6_OPT_JUMBO_TRUNCATED = new Expert("ipv6.opt.jumbo.truncated", ExpertGroup.PROTOCOL,
            Severity.WARNING, "Jumbo Payload option present and jumbo length < 65536");
    public static final Expert IPV6_HOPOPTS_NOT_FIRST = new Expert("ipv6.hopopts.not_first", ExpertGroup.PROTOCOL,
            Severity.ERROR, "IPv6 Hop-by-Hop extension header must appear immediately after IPv6 header");
    public static final Expert IPV6_ROUTING_INVALID_LENGTH = new Expert("ipv6.routing.invalid_length", ExpertGroup.MALFORMED,
            Severity.ERROR, "Invalid IPv6 Routing header length");
    public static final Expert IPV6_ROUTING_INVALID_SEGLEFT = new Expert("ipv6.routing.invalid_segleft",
            ExpertGroup.PROTOCOL, Severity.ERROR, "IPv6 Routing Header segments left field must not exceed address count");
    public static final Expert IPV6_ROUTING_UNDECODED = new Expert("ipv6.routing.undecoded", ExpertGroup.UNDECODED,
            Severity.NOTE, "Undecoded IPv6 routing header field");
    public static final Expert IPV6_ROUTING_DEPRECATED = new Expert("ipv6.routing.deprecated", ExpertGroup.DEPRECATED,
            Severity.NOTE, "Routing header type is deprecated");
    public static final Expert IPV6_FRAGMENT_LIMIT = new Expert("ipv6.fragment.limit", ExpertGroup.REASSEMBLE,
            Severity.WARNING, "Fragment not reassembled: reassembly limit reached");

    // ---- UDP ------------------------------------------------------------------------------------
    public static final Expert UDP_LENGTH_BAD = new Expert("udp.length.bad", ExpertGroup.MALFORMED, Severity.ERROR,
            "Bad length value");
    public static final Expert UDP_LENGTH_BAD_ZERO = new Expert("udp.length.bad_zero", ExpertGroup.PROTOCOL,
            Severity.WARNING, "Length is zero but payload < 65536");
    public static final Expert UDP_CHECKSUM_ZERO = new Expert("udp.checksum.zero", ExpertGroup.PROTOCOL, Severity.ERROR,
            "Illegal checksum value (0)");
    public static final Expert UDP_CHECKSUM_BAD = new Expert("udp.checksum.bad", ExpertGroup.CHECKSUM, Severity.ERROR,
            "Bad checksum");

    // ---- ICMP, ICMPv6, GRE, ARP -----------------------------------------------------------------
    public static final Expert ICMP_CHECKSUM_BAD = new Expert("icmp.checksum_bad", ExpertGroup.CHECKSUM, Severity.WARNING,
            "Bad checksum");
    public static final Expert ICMPV6_CHECKSUM_BAD = new Expert("icmpv6.checksum_bad.expert", ExpertGroup.CHECKSUM,
            Severity.WARNING, "Bad checksum");
    public static final Expert ICMPV6_OPT_INVALID_LEN = new Expert("icmpv6.invalid_option_length", ExpertGroup.MALFORMED,
            Severity.ERROR, "Invalid Option Length");
    public static final Expert GRE_CHECKSUM_INCORRECT = new Expert("gre.checksum.incorrect", ExpertGroup.PROTOCOL,
            Severity.WARNING, "Incorrect GRE Checksum");

    private NetExperts() {
    }

    /** Every expert item, for registration. */
    static Expert[] all() {
        return new Expert[] {ETH_SRC_NOT_GROUP, ETH_INVALID_LENTYPE, ETH_LEN_PAST_END, ETH_PADDING_BAD, VLAN_LEN_PAST_END,
            VLAN_TOO_MANY_TAGS, IP_BOGUS_VERSION, IP_BOGUS_HEADER_LENGTH, IP_BOGUS_LENGTH,
            IP_CHECKSUM_BAD, IP_TTL_TOO_SMALL, IP_OPT_LEN_INVALID, IP_OPT_PTR_BEFORE_ADDRESS, IP_OPT_PTR_MIDDLE_ADDRESS,
            IP_NOP, IP_FRAGMENT_LIMIT, IPV6_BOGUS_VERSION, IPV6_PLEN_EXCEEDS_FRAMING, IPV6_PLEN_ZERO,
            IPV6_OPT_INVALID_LEN, IPV6_OPT_UNKNOWN_DATA, IPV6_OPT_JUMBO_PROHIBITED, IPV6_OPT_JUMBO_TRUNCATED,
            IPV6_HOPOPTS_NOT_FIRST, IPV6_ROUTING_INVALID_LENGTH, IPV6_ROUTING_INVALID_SEGLEFT, IPV6_ROUTING_DEPRECATED,
            IPV6_ROUTING_UNDECODED, IPV6_FRAGMENT_LIMIT, UDP_CONVERSATION_LIMIT, UDP_LENGTH_BAD, UDP_LENGTH_BAD_ZERO,
            UDP_CHECKSUM_ZERO, UDP_CHECKSUM_BAD,
            ICMP_CHECKSUM_BAD, ICMPV6_CHECKSUM_BAD, ICMPV6_OPT_INVALID_LEN, GRE_CHECKSUM_INCORRECT};
    }
}
