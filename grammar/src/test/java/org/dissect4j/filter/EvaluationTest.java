package org.dissect4j.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.dissect4j.api.Engine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every construct of the spec evaluated over the ten frames of {@link Corpus}: the expected frame
 * numbers follow tshark 4.0.17's rules (section 4 and 5 of the spec).
 */
class EvaluationTest {
    private static Engine engine;

    @BeforeAll
    static void setUp() {
        engine = TestStack.engine();
    }

    static List<Integer> select(String expression) throws FilterException {
        return Corpus.select(engine, DisplayFilter.compile(expression, engine));
    }

    private static final List<Integer> ALL = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    private static final List<Integer> TCP = List.of(1, 2, 3, 4, 5, 6, 8, 9);
    private static final List<Integer> IPV4 = List.of(1, 2, 3, 4, 5, 6, 7, 9);

    static Stream<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        // 1. evaluation model, existence, empty filter
        add(c, "", ALL);
        add(c, "   \t\n", ALL);
        add(c, "tcp", TCP);
        add(c, "not ip", 8, 10);
        add(c, "!ip", 8, 10);
        add(c, "tcp.analysis.flags", 3);
        add(c, "!tcp.analysis.flags && tcp", 1, 2, 4, 5, 6, 8, 9);
        add(c, "tls.handshake", 4, 5);
        add(c, "udp or ipv6", 7, 8);
        add(c, ".tcp.dstport == 443", 1, 3, 4);
        add(c, "tcp.len > 1000 || !ip.flags.df", 8, 10);
        add(c, "not tcp.port == 443", 6, 7, 8, 9, 10);
        // 4.1 logic and precedence
        add(c, "tcp.flags.syn == 1 && tcp.flags.ack == 0", 1, 9);
        add(c, "tcp.flags.syn == 1 and tcp.flags.ack == 1", 2);
        add(c, "tcp.flags.fin == 1 || tcp.flags.syn == 1 and tcp.len == 0", 1, 2, 9);
        add(c, "(tcp.flags.syn == 1 or tcp.flags.fin == 1) and tcp.flags.ack == 1", 2);
        add(c, "not not tcp", TCP);
        add(c, "tcp xor udp", 1, 2, 3, 4, 5, 6, 7, 8, 9);
        add(c, "tcp ^^ ip", 7, 8);
        add(c, "ip and tcp or udp and not tcp or ipv6", 1, 2, 3, 4, 5, 6, 7, 8, 9);
        // 4.2 comparisons and occurrences
        add(c, "tcp.port == 443", 1, 2, 3, 4, 5);
        add(c, "tcp.port eq 443", 1, 2, 3, 4, 5);
        add(c, "tcp.port any_eq 443", 1, 2, 3, 4, 5);
        add(c, "tcp.port != 443", 6, 8, 9);
        add(c, "tcp.port ne 443", 6, 8, 9);
        add(c, "tcp.port all_ne 443", 6, 8, 9);
        add(c, "tcp.port === 443", List.of());
        add(c, "tcp.port all_eq 443", List.of());
        add(c, "tcp.port !== 443", TCP);
        add(c, "tcp.port any_ne 443", TCP);
        add(c, "tcp.port ~= 443", TCP);
        add(c, "all tcp.port > 1024", 6, 8);
        add(c, "any tcp.port < 1024", 1, 2, 3, 4, 5, 9);
        add(c, "any tcp.port != 443", TCP);
        add(c, "all tcp.port == 443", List.of());
        add(c, "tcp.port == tcp.srcport", TCP);
        add(c, "tcp.port != tcp.srcport", List.of());
        add(c, "tcp.port == .tcp.srcport", TCP);
        add(c, "frame.len gt 1000", List.of());
        add(c, "frame.len le 60", 1, 2, 3, 7, 10);
        add(c, "frame.len ge 74 and frame.len lt 75", 9);
        add(c, "tls.record.content_type === 22", 4);
        add(c, "tls.handshake.type == 2 && tls.handshake.type == 11", 5);
        add(c, "tls.handshake.type != 1", 5);
        // a constant on the left is an error in tshark 4.0.17 (ErrorTest); the field goes first
        add(c, "tcp.srcport > 1 && tcp.srcport < 1000", 2, 5);
        add(c, "tcp.srcport == 443", 2, 5);
        add(c, "tcp.srcport > 1000", 1, 3, 4, 6, 8, 9);
        // 4.4 bitwise and arithmetic
        add(c, "tcp.flags & 0x02", 1, 2, 9);
        add(c, "tcp.flags & 0x12 == 0x12", 2);
        add(c, "tcp.flags bitwise_and 0x10", 2, 3, 4, 5, 6, 8);
        add(c, "tcp.flags bitand 0x10 + 0x02 == 0x12", 2);
        add(c, "tcp.flags == 0x012", 2);
        add(c, "ip.src & 255.255.255.0 == 10.77.0.0", 1, 2, 3, 4, 5, 6, 7, 9);
        add(c, "frame.number % 2 == 0", 2, 4, 6, 8, 10);
        add(c, "frame.number / 5 == 2", 10);
        add(c, "frame.number - 3 == -2", 1);
        add(c, "tcp.len - 1 < 0", 1, 2, 3, 9);
        add(c, "tcp.len > -1", List.of());
        add(c, "tcp.len < -1", List.of());
        add(c, "tcp.len == -1", List.of());
        add(c, "tcp.len != -1", TCP);
        add(c, "tcp.len !== -1", List.of());
        add(c, "tcp.len === -1", TCP);
        add(c, "all tcp.len > -1", TCP);
        add(c, "tcp.srcport in {-1..500}", List.of());
        add(c, "tcp.window_size_scalefactor == -1", 1, 2, 9);
        add(c, "-tcp.window_size_scalefactor == 1", 1, 2, 9);
        add(c, "-{tcp.srcport} == -443", 2, 5);
        add(c, "tcp.srcport + tcp.dstport > 40000", 6, 8);
        add(c, "tcp.dstport >= 4 * {tcp.srcport + 3}", 2, 5, 8);
        add(c, "tcp.port - tcp.srcport > 0", 2, 5, 8);
        add(c, "tcp.port + 1 == 444", 1, 2, 3, 4, 5);
        add(c, "tcp.srcport / 0 == 0", List.of());
        add(c, "tcp.srcport - tcp.dstport", TCP);
        add(c, "ip.len - ip.hdr_len == tcp.hdr_len + tcp.len", 1, 2, 3, 4, 5, 6, 9);
        add(c, "frame.number == 1 + 2", 3);
        add(c, "frame.number == abs(-3)", 3);           // abs() of a constant on the right, as tshark 4.0
        add(c, "ip.src == ${ip.src#1}", List.of());     // a layer in a reference: no value, as tshark
        add(c, "frame.number == abs(1 - 4)", 3);
        // max()/min() of constants on the right, in the left side's type (tshark 4.0.17 takes them there only)
        add(c, "frame.number == max(3, 1)", 3);
        add(c, "frame.number == min(2 + 2, 7)", 4);
        add(c, "frame.number in {max(1, 2), min(9, 10)}", 2, 9);
        add(c, "frame[0:1] == :00 or frame[0:2] != :0011 or frame[0:3] != :00-11-22 or frame[0:3] != :00.11.22",
                List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        // 4.5 membership
        add(c, "tcp.srcport in {443, 8443, 4433}", 2, 5);
        add(c, "tcp.dstport not in {443}", 2, 5, 6, 7, 8, 9, 10);
        add(c, "tcp.port in {9, 2121, 8000 .. 8080}", 6, 8);
        add(c, "tcp.port in {8000..8080}", 6, 8);
        add(c, "tcp.port in {50..10}", List.of());
        add(c, "all tcp.port in {443, 38084}", List.of()); // 4.0: all x == 443 or all x == 38084
        add(c, "all tcp.port in {1..10000}", 9);
        add(c, "tcp.srcport in {tcp.dstport, 443}", 2, 5);
        add(c, "ip.addr in {10.77.0.8/30}", 7);
        add(c, "ip.dst in {10.77.0.2 .. 10.77.0.3}", 1, 3, 4, 6, 9);
        add(c, "tls.handshake.extensions_server_name in {\"server.test\", \"example.com\"}", 4);
        add(c, "ip.proto in {\"TCP\", \"UDP\"}", 1, 2, 3, 4, 5, 6, 7, 9);
        add(c, "frame.ratio in {2..2.5}", 8, 9, 10);
        add(c, "!(tcp.port in {443, 8443}) && tcp", 6, 8, 9);
        // 5.2 literals by type
        add(c, "ip.ttl == 0x40", 1, 2, 3, 4, 5, 6);
        add(c, "ip.ttl == 0100", 1, 2, 3, 4, 5, 6);
        add(c, "ip.ttl == 0b1000000", 1, 2, 3, 4, 5, 6);
        add(c, "ip.ttl == '@'", 1, 2, 3, 4, 5, 6);
        add(c, "ip.ttl == '\\x40'", 1, 2, 3, 4, 5, 6);
        add(c, "ip.ttl == '\\100'", 1, 2, 3, 4, 5, 6);
        add(c, "ip.ttl == 1", 7);
        add(c, "tcp.flags.syn == True", 1, 2, 9);
        add(c, "tcp.flags.syn == TRUE", 1, 2, 9);
        add(c, "tcp.flags.syn == true", 1, 2, 9);
        add(c, "tcp.flags.syn == 2", 1, 2, 9);
        add(c, "tcp.flags.syn == False and tcp.len == 0", 3);
        add(c, "tcp.flags.syn > tcp.flags.ack", 1, 9);
        add(c, "ip.flags.df == \"Set\"", IPV4);
        add(c, "ip.flags.df == \"not set\"", List.of());
        add(c, "eth.type == \"ARP\"", 10);
        add(c, "eth.type == 0x86dd", 8);
        add(c, "ip.proto == \"TCP\"", 1, 2, 3, 4, 5, 6, 9);
        add(c, "ip.proto == TCP", 1, 2, 3, 4, 5, 6, 9);
        add(c, "ip.proto == Udp", 7);
        add(c, "tcp.checksum.status == \"Unverified\"", TCP);
        add(c, "tls.record.content_type == handshake", 4, 5);
        add(c, "tls.record.content_type == \"Application Data\"", 5);
        add(c, "tls.handshake.type == \"Client Hello\"", 4);
        add(c, "tls.handshake.type == \"Server Hello\"", List.of()); // 4.0: the SSLv2 table says 4
        add(c, "tls.handshake.type > \"Client Hello\"", 5);
        add(c, "frame.time_relative > 1.5", 5, 6, 7, 8, 9, 10);
        add(c, "frame.time_relative == 0.5", 2);
        add(c, "frame.time_relative < 1", 1, 2);
        add(c, "frame.time > \"2023-11-14 22:13:21 UTC\"", 4, 5, 6, 7, 8, 9, 10);
        add(c, "frame.time >= \"2023-11-14T22:13:21.5Z\"", 4, 5, 6, 7, 8, 9, 10);
        add(c, "frame.time > \"Nov 14, 2023 22:13:23.999 UTC\"", 9, 10);
        add(c, "frame.time > \"Dec 31, 1999 23:59:59\"", ALL);
        add(c, "frame.time == 1700000000.5", 2);
        add(c, "frame.ratio > 2.2", 9, 10);
        add(c, "frame.ratio == 0.25", 1);
        add(c, "frame.ratio < 1e0", 1, 2, 3);
        add(c, "ip.addr == 10.77.0.1", 1, 2, 3, 4, 5, 6, 7, 9);
        add(c, "ip.addr != 10.77.0.1", List.of());
        add(c, "ip.dst == 10.77.0.0/24", 1, 2, 3, 4, 5, 6, 7, 9);
        add(c, "ip.addr eq 10.77.0.0/16", 1, 2, 3, 4, 5, 6, 7, 9);
        add(c, "ip.src != 10.77.0.1/32", 2, 5);
        add(c, "ip.src > 10.77.0.1", 2, 5, 9);
        add(c, "ip.addr == localhost", List.of());
        add(c, "ipv6.addr == fd00:77::1", 8);
        add(c, "ipv6.src == fd00:77::/64", 8);
        add(c, "ipv6.dst != fd00:77::2", List.of());
        add(c, "ipv6.src == fd00:77:0:0:0:0:0:1", 8);
        add(c, "ipv6.dst[15] == 02", 8);
        add(c, "ipv6.dst > ipv6.src", 8);
        add(c, "eth.src == 02:00:00:77:00:02", 2, 5);
        add(c, "eth.dst == 02-00-00-77-00-01", 2, 5);
        add(c, "eth.addr == 0200.0077.0002", 1, 2, 3, 4, 5, 6, 7, 8, 9);
        add(c, "eth.src == 02.00.00.77.00.02", 2, 5);
        add(c, "eth.dst == 020000770001", 2, 5);
        add(c, "eth.dst == ff:ff:ff:ff:ff:ff", 10);
        add(c, "eth.src[0:3] == 02:00:00", ALL);
        add(c, "eth.dst > eth.src", 1, 3, 4, 6, 7, 8, 9, 10);
        // 4.3 contains and matches
        add(c, "tcp.payload contains \"HTTP/1.\"", 6, 8);
        add(c, "tcp.payload contains \"\\r\\n\\r\\n\"", 6, 8);
        add(c, "tcp.payload contains 0d:0a", 6, 8);
        add(c, "tcp.payload contains 'G'", 6);
        add(c, "tcp.payload contains 0x47", 6);
        add(c, "frame contains \"GET /download.bin\"", 6);
        add(c, "tcp contains 16:03:03", 4, 5);
        add(c, "ip contains \"server.test\"", 4);
        add(c, "eth contains \"secret\"", 5);
        add(c, "tls contains \"server.test\"", 4);
        add(c, "eth.src contains 77:00", ALL);
        add(c, "frame.protocols contains \"ipv6\"", 8);
        add(c, "tls.handshake.extensions_server_name contains server", 4);
        add(c, "tls.handshake.extensions_server_name matches \"SERVER\"", 4);
        add(c, "tls.handshake.extensions_server_name matches \"(?-i)SERVER\"", List.of());
        add(c, "tls.handshake.extensions_server_name matches \"(?-i)^server\"", 4);
        add(c, "tls.handshake.extensions_server_name ~ r\"\\.test$\"", 4);
        add(c, "tls.handshake.extensions_server_name matches \"^www\\\\.\"", List.of());
        add(c, "frame.protocols matches \"^eth:ethertype:ipv6\"", 8);
        add(c, "tcp matches \"HTTP/1\\\\.[01] 200\"", 8);
        add(c, "tcp.payload matches \"^GET\"", 6);
        add(c, "eth.dst matches \"^\\xff\\xff\"", 10);
        add(c, "all tcp.payload contains \"HTTP\"", 6, 8);
        // 5.5 slices
        add(c, "tcp.payload[0:4] == \"GET \"", 6);
        add(c, "tcp.payload[0] == 0x16 && tcp.payload[1:2] == 03:03", 4, 5);
        add(c, "tcp.payload[0] == 'G'", 6);
        add(c, "tcp.payload[:3] == 48:54:54", 8);
        add(c, "tcp.payload[1:] contains \"ET\"", 6);
        add(c, "tcp.payload[-2:] == 0d:0a", 6, 8);
        add(c, "tcp.payload[-2] == 0d", 6, 8);
        add(c, "tcp.payload[1-3] == \"ET \"", 6);
        add(c, "tcp.payload[0:2,4:1] == \"GE/\"", 6);
        add(c, "tcp.payload[0:3][1:1] == \"E\"", 6);
        add(c, "tcp.payload[1000]", List.of());
        add(c, "frame[59]", 4, 5, 6, 8, 9);
        add(c, "ip[0] == 0x45", IPV4);
        add(c, "ip[9] == 06", 1, 2, 3, 4, 5, 6, 9);
        add(c, "ip[9] == 6", 1, 2, 3, 4, 5, 6, 9);
        add(c, "ip.src[3] == 02", 2, 5);
        add(c, "tcp[13] & 0x12 == 0x12", 2);
        add(c, "tcp[13] == 0x02", 1, 9);
        add(c, "tcp[2-3] == 01:bb", 1, 3, 4);
        add(c, "tcp[12:2] & f0:00 == 50:00", TCP);
        add(c, "eth[12:2] == 08:06", 10);
        add(c, "eth[0:14] == eth", ALL);
        add(c, "eth[14]", List.of());
        add(c, "tls[0] == 0x16", 4, 5);
        add(c, "frame[0:6,12:2] == 02:00:00:77:00:02:08:00", 1, 3, 4, 6, 7, 9);
        add(c, "tls.handshake.extensions_server_name[0:3] == 73:65:72", 4);
        add(c, "tls.handshake.extensions_server_name[0:3] == \"ser\"", 4);
        add(c, "tls.handshake.extensions_server_name[-4:] == \"test\"", 4);
        add(c, "tls.handshake.extensions_server_name[0] == 73", 4);
        add(c, "tls.handshake.session_id > :ff", 4);
        add(c, "tcp.payload > ff:ff:ff", 4, 5, 6, 8);
        add(c, "upper(tls.handshake.extensions_server_name)[0:3] == \"SER\"", 4);
        // 5.6 layers
        add(c, "ip.addr#1 == 10.77.0.1", 1, 2, 3, 4, 5, 6, 7);
        add(c, "ip.addr#2 == 10.77.0.1", 9);
        add(c, "ip.src#[-1] == 10.77.0.1", 1, 3, 4, 6, 7, 9);
        add(c, "ip.ttl#[1-2] == 63", 9);
        add(c, "ip.ttl#[2:] == 63", 9);
        add(c, "ip.ttl#0 == 63", List.of());
        add(c, "ip#2", 9);
        add(c, "tls.handshake.type#1 == 2", 5);
        add(c, "tls.handshake.type#[1-2] == 11", 5);
        add(c, "count(ip.ttl#1) == 1", IPV4);
        // 5.7 functions
        add(c, "len(tls.handshake.session_id) == 32", 4);
        add(c, "len(tls.handshake.extensions_server_name) > 10", 4);
        add(c, "len(tcp.port) == 2", TCP);
        add(c, "len(eth.src) == 6", ALL);
        add(c, "len(tcp.flags.syn) == 0", TCP);
        add(c, "len(tcp) == 20", TCP);
        add(c, "len(tcp.payload) == tcp.len", 4, 5, 6, 8);
        add(c, "len(tcp.payload[1:]) == 2", List.of());
        add(c, "count(ip.addr) == 2", 1, 2, 3, 4, 5, 6, 7);
        add(c, "count(tls.handshake.type) >= 3", 5);
        add(c, "count(tls.record) > 1", 5);
        add(c, "count(tcp.payload) == 0", List.of());
        add(c, "upper(tls.handshake.extensions_server_name) == \"SERVER.TEST\"", 4);
        add(c, "lower(upper(tls.handshake.extensions_server_name)) contains \"server\"", 4);
        add(c, "string(tcp.srcport) matches \"^4\"", 2, 5);
        add(c, "string(frame.number) matches \"[13579]$\"", 1, 3, 5, 7, 9);
        add(c, "string(ip.dst) == \"10.77.0.9\"", 7);
        add(c, "string(ipv6.src) contains \"77::1\"", 8);
        add(c, "string(ipv6.dst) == \"fd00:77::2\"", 8);
        add(c, "string(eth.src) == \"02:00:00:77:00:02\"", 2, 5);
        add(c, "string(tcp.window_size_scalefactor) == \"-1\"", 1, 2, 9);
        add(c, "min(tcp.srcport, tcp.dstport) < 1024", 1, 2, 3, 4, 5, 9);
        add(c, "max(tcp.srcport, tcp.dstport) == 51000", 8);
        add(c, "max(tcp.len, 1000) == 1000", ALL);
        add(c, "min(ip.ttl, 60) == 1", 7);
        add(c, "abs(tcp.window_size_scalefactor) == 1", 1, 2, 9);
        add(c, "abs(frame.ratio - 1) < 0.3", 3, 4, 5);
        add(c, "vals(ip.proto) == \"IPIP\"", 9);
        add(c, "hex(tcp.flags) == \"0x0012\"", 2);
        add(c, "dec(tcp.flags) == \"18\"", 2);
        add(c, "float(frame.number) / 4 == frame.ratio", ALL);
        // 5.8 references, raw bytes
        add(c, "tcp.srcport == ${tcp.srcport}", List.of());
        add(c, "not ip.src == ${ip.src}", ALL);
        add(c, "tcp.flags.syn == 1 or tcp.srcport == ${tcp.srcport}", 1, 2, 9);
        add(c, "tcp.srcport == $tcp.srcport", List.of());
        add(c, "@tcp.srcport == 01:bb", 2, 5);
        add(c, "@ip.src[0] == 0a", 1, 2, 3, 4, 5, 6, 7, 9);
        // aliases, whitespace
        add(c, "ssl.handshake.type == 1", 4);
        add(c, "ssl", 4, 5);
        add(c, "tcp.port\t==\r\n443 &&\ttcp.flags.syn==1", 1, 2);
        add(c, "tcp.flags.fin == 0 and tcp.flags.syn == 0 and tcp.len == 0", 3);
        return c.stream();
    }

    private static void add(List<Arguments> c, String expr, int... frames) {
        c.add(Arguments.of(expr, Arrays.stream(frames).boxed().toList()));
    }

    private static void add(List<Arguments> c, String expr, List<Integer> frames) {
        c.add(Arguments.of(expr, frames));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void selects(String expression, List<Integer> expected) throws FilterException {
        assertThat(select(expression)).as(expression).isEqualTo(expected);
    }

    @Test
    void primesOnlyReferencedFields() throws FilterException {
        DisplayFilter f = DisplayFilter.compile("tcp.port == 443 and ip.addr#2 == 10.0.0.1", engine);
        assertThat(f.referencedFields()).extracting(x -> x.abbrev())
                .containsExactlyInAnyOrder("tcp.port", "ip.addr", "ip");
        assertThat(f.expression()).isEqualTo("tcp.port == 443 and ip.addr#2 == 10.0.0.1");
    }

    @Test
    void referencesEveryRegistrationOfAName() throws FilterException {
        DisplayFilter f = DisplayFilter.compile("tls.handshake.type == 2", engine);
        assertThat(f.referencedFields()).containsExactlyInAnyOrder(TestStack.TLS_HS_TYPE_V2, TestStack.TLS_HS_TYPE);
    }
}
