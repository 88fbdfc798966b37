package org.dissect4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Tree;
import org.dissect4j.filter.DisplayFilter;
import org.dissect4j.filter.FilterException;

/**
 * {@code --color}: Wireshark 4.0's default coloring rules (the {@code colorfilters} file it ships), applied in
 * order; the first rule whose filter matches a packet colors it. Outputs that show it: {@code -T psml}
 * ({@code foreground}/{@code background} attributes of {@code <packet>}), {@code -T pdml} (the
 * {@code frame.coloring_rule.name} and {@code .string} fields at the end of the frame), and the summary lines
 * on a true-color terminal (ANSI escapes, as tshark prints them when {@code COLORTERM} is {@code truecolor} or
 * {@code 24bit} and the output is a terminal).
 *
 * <p>A rule names protocols dissect4j may not dissect (HSRP, OSPF, SMB...): its alternatives ({@code ||} at the
 * top level) that do not compile are dropped, since a protocol not dissected never matches; a rule none of whose
 * alternatives compile is left out. The rule's text shown in PDML is always the original.
 */
final class ColorRules {
    /** Name, filter, background and foreground (16-bit RGB, as the colorfilters file writes them). */
    private static final Object[][] DEFAULTS = {
        {"Bad TCP", "tcp.analysis.flags && !tcp.analysis.window_update && !tcp.analysis.keep_alive && !tcp.analysis.keep_alive_ack",
            rgb(4718, 10030, 11796), rgb(63479, 34695, 34695)},
        {"HSRP State Change", "hsrp.state != 8 && hsrp.state != 16", rgb(4718, 10030, 11796), rgb(65535, 64764, 40092)},
        {"Spanning Tree Topology  Change", "stp.type == 0x80", rgb(4718, 10030, 11796), rgb(65535, 64764, 40092)},
        {"OSPF State Change", "ospf.msg != 1", rgb(4718, 10030, 11796), rgb(65535, 64764, 40092)},
        {"ICMP errors", "icmp.type in { 3..5, 11 } || icmpv6.type in { 1..4 }", rgb(4718, 10030, 11796), rgb(47031, 63479, 29812)},
        {"ARP", "arp", rgb(64250, 61680, 55255), rgb(4718, 10030, 11796)},
        {"ICMP", "icmp || icmpv6", rgb(64764, 57568, 65535), rgb(4718, 10030, 11796)},
        {"TCP RST", "tcp.flags.reset eq 1", rgb(42148, 0, 0), rgb(65535, 64764, 40092)},
        {"SCTP ABORT", "sctp.chunk_type eq ABORT", rgb(42148, 0, 0), rgb(65535, 64764, 40092)},
        {"TTL low or unexpected", "(ip.dst != 224.0.0.0/4 && ip.ttl < 5 && !pim && !ospf) || (ip.dst == 224.0.0.0/24 && ip.dst != 224.0.0.251 "
            + "&& ip.ttl != 1 && !(vrrp || carp))", rgb(42148, 0, 0), rgb(60652, 61680, 60395)},
        {"Checksum Errors", "eth.fcs.status==\"Bad\" || ip.checksum.status==\"Bad\" || tcp.checksum.status==\"Bad\" || "
            + "udp.checksum.status==\"Bad\" || sctp.checksum.status==\"Bad\" || mstp.checksum.status==\"Bad\" || "
            + "cdp.checksum.status==\"Bad\" || edp.checksum.status==\"Bad\" || wlan.fcs.status==\"Bad\" || stt.checksum.status==\"Bad\"",
            rgb(4718, 10030, 11796), rgb(63479, 34695, 34695)},
        {"SMB", "smb || nbss || nbns || netbios", rgb(65278, 65535, 53456), rgb(4718, 10030, 11796)},
        {"HTTP", "http || tcp.port == 80 || http2", rgb(58596, 65535, 51143), rgb(4718, 10030, 11796)},
        {"DCERPC", "dcerpc", rgb(51199, 38706, 65533), rgb(4718, 10030, 11796)},
        {"Routing", "hsrp || eigrp || ospf || bgp || cdp || vrrp || carp || gvrp || igmp || ismp", rgb(65534, 62325, 54808),
            rgb(4718, 10030, 11796)},
        {"TCP SYN/FIN", "tcp.flags & 0x02 || tcp.flags.fin == 1", rgb(41026, 41026, 41026), rgb(4718, 10030, 11796)},
        {"TCP", "tcp", rgb(59345, 58980, 65535), rgb(4718, 10030, 11796)},
        {"UDP", "udp", rgb(56026, 61166, 65535), rgb(4718, 10030, 11796)},
        {"Broadcast", "eth[0] & 1", rgb(65535, 65535, 65535), rgb(47802, 48573, 46774)},
        {"System Event", "systemd_journal || sysdig", rgb(59110, 59110, 59110), rgb(11565, 28527, 39578)},
    };

    /** A rule that compiled: its name and text as shown, its filter, and its colors as 24-bit RGB. */
    record Rule(String name, String text, DisplayFilter filter, int background, int foreground) {
    }

    private final List<Rule> rules = new ArrayList<>();

    /** 16-bit color components to 24-bit RGB (the high byte of each, as Wireshark's color_t_to_rgb). */
    private static int rgb(int r, int g, int b) {
        return (r >> 8) << 16 | (g >> 8) << 8 | b >> 8;
    }

    /** Compiles the rules against the engine's fields and asks its tree to record what they read. */
    void prime(Engine engine) {
        for (Object[] d : DEFAULTS) {
            String text = (String) d[1];
            DisplayFilter f = compile(text, engine);
            if (f != null) {
                f.prime(engine.tree());
                rules.add(new Rule((String) d[0], text, f, (int) d[2], (int) d[3]));
            }
        }
    }

    private static DisplayFilter compile(String text, Engine engine) {
        try {
            return DisplayFilter.compile(text, engine);
        } catch (FilterException whole) {
            List<String> kept = new ArrayList<>();
            for (String alternative : text.split("\\|\\|")) {
                try {
                    DisplayFilter.compile(alternative.strip(), engine);
                    kept.add(alternative.strip());
                } catch (FilterException e) {
                    // names a protocol or field dissect4j does not dissect: that alternative never matches
                }
            }
            try {
                return kept.isEmpty() ? null : DisplayFilter.compile(String.join(" || ", kept), engine);
            } catch (FilterException e) {
                return null;
            }
        }
    }

    /** The first rule that matches the packet dissected into {@code t}, or null. */
    Rule match(Tree t) {
        for (Rule r : rules) {
            if (r.filter().matches(t)) {
                return r;
            }
        }
        return null;
    }

    /** {@code #rrggbb}. */
    static String hex(int rgb) {
        String s = Integer.toHexString(rgb);
        return "#" + "0".repeat(6 - s.length()) + s;
    }

    /** tshark's escapes before a summary line: 24-bit foreground then background. */
    static String escape(Rule r) {
        int f = r.foreground();
        int b = r.background();
        return "\u001b[38;2;" + (f >> 16) + ";" + (f >> 8 & 0xff) + ";" + (f & 0xff) + "m\u001b[48;2;" + (b >> 16) + ";" + (b >> 8 & 0xff)
                + ";" + (b & 0xff) + "m";
    }
}
