package org.dissect4j.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;

import org.dissect4j.api.Engine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Error baselines, one or more per kind of error in section 6 of the spec: the input, the reason,
 * and where the caret goes (0-based position and length of the offending text).
 */
class ErrorTest {
    private static Engine engine;

    @BeforeAll
    static void setUp() {
        engine = TestStack.engine();
    }

    private static final String SNI = "tls.handshake.extensions_server_name";

    static Stream<Arguments> baselines() {
        return Stream.of(
                // unexpected end
                Arguments.of("tcp.port ==", "Unexpected end of filter expression.", 11, 1),
                Arguments.of("(tcp.port == 443", "Unexpected end of filter expression.", 16, 1),
                Arguments.of("tcp.port == 1 and", "Unexpected end of filter expression.", 17, 1),
                // unexpected token
                Arguments.of("tcp.port 443", "\"443\" was unexpected in this context.", 9, 3),
                Arguments.of("tcp.port = 443", "\"=\" was unexpected in this context.", 9, 1),
                Arguments.of("tcp.port <> 443", "\">\" was unexpected in this context.", 10, 1),
                Arguments.of("tcp.port in {80 443}", "\"443\" was unexpected in this context.", 16, 3),
                Arguments.of("tcp.port in {}", "\"}\" was unexpected in this context.", 13, 1),
                Arguments.of("tcp.port in {80 .. }", "\"}\" was unexpected in this context.", 19, 1),
                Arguments.of("tcp.port in {80,}", "\"}\" was unexpected in this context.", 16, 1),
                Arguments.of("tcp.port == 443)", "\")\" was unexpected in this context.", 15, 1),
                Arguments.of("and tcp", "\"and\" was unexpected in this context.", 0, 3),
                Arguments.of("tcp.port == 443 ; udp", "\";\" was unexpected in this context.", 16, 1),
                Arguments.of("all (tcp.port > 1000)", "\"(\" was unexpected in this context.", 4, 1),
                Arguments.of("1and tcp", "\"tcp\" was unexpected in this context.", 5, 3),
                // unclosed slice, string, char
                Arguments.of("frame[0:2", "The right bracket was missing from a slice.", 9, 1),
                Arguments.of(SNI + " == \"abc", "The final quote was missing from a quoted string.", 40, 4),
                Arguments.of(SNI + " == \"a\\\"", "The final quote was missing from a quoted string.", 40, 4),
                Arguments.of("ip.ttl == 'a", "The final quote was missing from a character constant.", 10, 2),
                // escapes and character constants
                Arguments.of(SNI + " contains \"\\q\"", "\\q is not a valid character escape sequence", 47, 2),
                Arguments.of(SNI + " == \"\\777\"", "\\777 is larger than 255.", 41, 4),
                Arguments.of(SNI + " == \"\\u0041\"", "\\u0041 is not a valid universal character.", 41, 6),
                Arguments.of("ip.ttl == ''", "Empty character constant.", 10, 2),
                Arguments.of("ip.ttl == 'ab'", "'ab' is not a valid character constant.", 10, 4),
                // unknown names
                Arguments.of("tcpp", "tcpp is neither a field nor a protocol name. Did you mean tcp?", 0, 4),
                Arguments.of("TCP", "TCP is neither a field nor a protocol name. Did you mean tcp?", 0, 3),
                Arguments.of("tcp.prot == 443",
                        "Left side of \"==\" expression must be a field or function, not tcp.prot. Did you mean tcp.port?", 0, 8),
                Arguments.of("Tcp.port == 443",
                        "Left side of \"==\" expression must be a field or function, not Tcp.port. Did you mean tcp.port?", 0, 8),
                Arguments.of("tls.handshake.extension_server_name contains \"a\"",
                        "Left side of contains expression must be a field or function, not tls.handshake.extension_server_name."
                                + " Did you mean tls.handshake.extensions_server_name?", 0, 35),
                Arguments.of("tcp.srcport-1 == 442",
                        "Left side of \"==\" expression must be a field or function, not tcp.srcport-1. Did you mean tcp.srcport?", 0, 13),
                Arguments.of("1 == 2", "Left side of \"==\" expression must be a field or function, not 1.", 0, 1),
                // tshark 4.0.17's words for constants on the left and functions of literals
                Arguments.of("6 == frame.number", "Left side of \"==\" expression must be a field or function, not 6.", 0, 1),
                Arguments.of("1 + 2 == frame.number", "Constant arithmetic expression on the LHS is invalid.", 0, 1),
                Arguments.of("-3 == frame.number", "Constant arithmetic expression on the LHS is invalid.", 1, 1),
                Arguments.of("abs(-3) == 3", "Constant arithmetic expression on the LHS is invalid.", 5, 1),
                Arguments.of("6 in {frame.number}", "Only a field may be tested for membership in a set.", 0, 1),
                Arguments.of("len(\"abc\") == 3", "Only fields can be used as parameter for len()", 4, 5),
                Arguments.of("lower(\"AB\") == \"ab\"", "Only string type fields can be used as parameter for lower()", 6, 4),
                Arguments.of("max(1,2) == 2", "Argument '1' is not valid for max()", 4, 1),
                Arguments.of(".5", ".5 is not a valid field name.", 0, 2),
                Arguments.of("${nosuch.field} == 1", "macro 'nosuch.field' does not exist", 0, 15),
                Arguments.of("ip.src == ${nosuch#1}", "invalid character in macro name", 10, 11),
                // unknown function
                Arguments.of("foo(tcp.port) == 1", "Function 'foo' does not exist.", 0, 3),
                Arguments.of("lenn(tcp.port) == 1", "Function 'lenn' does not exist. Did you mean len?", 0, 4),
                // literal does not fit the type
                Arguments.of("tcp.port == 65536", "\"65536\" too big for this field, maximum 65535.", 12, 5),
                Arguments.of("tcp.port == abc", "\"abc\" is not a valid number.", 12, 3),
                Arguments.of("tcp.port == 1.5", "\"1.5\" is not a valid number.", 12, 3),
                Arguments.of("tcp.port == 0o673", "\"0o673\" is not a valid number.", 12, 5),
                Arguments.of("tcp.seq == 99999999999999999999", "\"99999999999999999999\" causes an integer overflow.", 11, 20),
                Arguments.of("tcp.port == \"443\"", "Unsigned integer (2 bytes) cannot be converted from a string (\"443\")."
                        + " Use string(tcp.port) to compare it as text.", 12, 5),
                Arguments.of("ip.ttl * 1000 == 1", "\"1000\" too big for this field, maximum 255.", 9, 4),
                Arguments.of("tcp.window_size_scalefactor == -3000000000", "\"-3000000000\" too small for this field, "
                        + "minimum -2147483648.", 32, 10),
                // bad addresses
                Arguments.of("ip.addr == 1.2.3", "\"1.2.3\" is not a valid hostname or IPv4 address.", 11, 5),
                Arguments.of("ip.addr == 300.1.1.1", "\"300.1.1.1\" is not a valid hostname or IPv4 address.", 11, 9),
                Arguments.of("ip.addr == 10.0.0.0/33", "Netmask bits in a CIDR IPv4 address should be <= 32, not 33", 11, 11),
                Arguments.of("ip.addr == ::1", "\"::1\" is not a valid hostname or IPv4 address.", 11, 3),
                Arguments.of("ip.addr == \"10.0.0.1\"", "IPv4 address cannot be converted from a string (\"10.0.0.1\").", 11, 10),
                Arguments.of("eth.src == \"02:00:00:77:00:01\"",
                        "Ethernet or other MAC address cannot be converted from a string (\"02:00:00:77:00:01\").", 11, 19),
                Arguments.of("ip.src == 10.77.0.02", "\"10.77.0.02\" is not a valid hostname or IPv4 address.", 10, 10),
                Arguments.of("ipv6.addr == fd00::/129", "Prefix length in a CIDR IPv6 address should be <= 128, not 129", 13, 10),
                Arguments.of("ipv6.addr == fd00:::1", "\"fd00:::1\" is not a valid hostname or IPv6 address.", 13, 8),
                Arguments.of("eth.addr == 00:11:22:33:44",
                        "\"00:11:22:33:44\" contains too few bytes to be a valid Ethernet address.", 12, 14),
                Arguments.of("eth.addr == 00:11:22:33:44:55:66",
                        "\"00:11:22:33:44:55:66\" contains too many bytes to be a valid Ethernet address.", 12, 20),
                // bad byte string, time
                Arguments.of("frame[0:2] == 0x0000", "\"0x0000\" is not a valid byte string.", 14, 6),
                Arguments.of("frame.time > \"yesterday\"", "\"yesterday\" is not a valid absolute time.", 13, 11),
                Arguments.of("frame.time_relative > 1x", "\"1x\" is not a valid time offset", 22, 2),
                // unknown value names
                Arguments.of("tls.handshake.type == \"Bogus Hello\"",
                        "\"Bogus Hello\" cannot be found among the possible values for tls.handshake.type.", 22, 13),
                Arguments.of("tls.handshake.type == \"Certificate\"",
                        "\"Certificate\" cannot be found among the possible values for tls.handshake.type.", 22, 13),
                Arguments.of("tls.record.content_type == \"application data x\"", "\"application data x\" cannot be found "
                        + "among the possible values for tls.record.content_type. Did you mean \"Application Data\"?", 27, 20),
                Arguments.of("tcp.flags.syn == maybe", "\"maybe\" cannot be found among the possible values for tcp.flags.syn.",
                        17, 5),
                // operator not allowed for the type
                Arguments.of("tcp.srcport contains 01",
                        "tcp.srcport (type=Unsigned integer (2 bytes)) cannot participate in contains comparison.", 0, 11),
                Arguments.of("ip.src matches \"10\"", "ip.src (type=IPv4 address) cannot participate in matches comparison.", 0, 6),
                Arguments.of("frame.time contains 00", "frame.time (type=Date and time) cannot participate in contains comparison.",
                        0, 10),
                Arguments.of("tcp.analysis.flags == 1", "tcp.analysis.flags (type=Label) cannot participate in == comparison.",
                        0, 18),
                Arguments.of("ip.proto == tcp", "ip.proto and tcp are not of compatible types", 0, 15),
                // regex
                Arguments.of(SNI + " matches \"(\"", "Regex compilation error: ", 45, 3),
                Arguments.of(SNI + " matches server", "Matches requires a double quoted string on the right side.", 45, 6),
                // functions
                Arguments.of("upper(tcp.port) == \"A\"", "Only string type fields can be used as parameter for upper().", 6, 8),
                Arguments.of("max(tcp.port, ip.src) == 1",
                        "Arguments to 'max' must have the same type (expected FT_UINT16, got FT_IPv4)", 14, 6),
                Arguments.of("count() == 1", "Function count needs at least 1 arguments.", 0, 7),
                Arguments.of("count(tcp.port, ip.src) == 1", "Function count can only accept 1 arguments.", 0, 23),
                Arguments.of("len(tcpp) == 1", "tcpp is neither a field nor a protocol name. Did you mean tcp?", 4, 4),
                Arguments.of("string(frame.time) == \"x\"", "string() cannot convert frame.time", 7, 10),
                // slices
                Arguments.of("tcp.port[0] == 01",
                        "\"tcp.port\" is a Unsigned integer (2 bytes) and cannot be sliced into a sequence of bytes.", 0, 8),
                Arguments.of("frame[1:0] == 00", "Range 1:0 isn't valid because length 0 isn't positive", 6, 3),
                Arguments.of("frame[3-1] == 00", "Range 3-1 isn't valid because its end is before its start", 6, 3),
                // arithmetic
                Arguments.of("tcp.flags.syn & 1", "FT_BOOLEAN cannot &.", 0, 17),
                Arguments.of(SNI + " & 0x01", "FT_STRING cannot &.", 0, 43),
                Arguments.of(SNI + " + \"x\" == \"a\"", "FT_STRING cannot +.", 0, 42),
                Arguments.of("frame.time_relative * 2 > 0", "FT_RELATIVE_TIME cannot *.", 0, 23),
                // layers, quantifiers, lone literals
                Arguments.of("ip.dst#ip", "Expected digit or \"[\", not \"i\"", 7, 1),
                Arguments.of("ip.dst#", "Expected digit or \"[\" after \"#\", not the end of the filter.", 7, 1),
                Arguments.of("all tcp", "\"all\" needs a relation such as \"all tcp.port > 1024\", not a value alone.", 4, 3),
                Arguments.of("\"abc\"", "\"abc\" is a literal; a test needs a field, a protocol, a slice, a function or an "
                        + "arithmetic expression.", 0, 5));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("baselines")
    void reportsReasonAndPosition(String input, String reason, int position, int length) {
        FilterException e = catchThrowableOfType(FilterException.class, () -> DisplayFilter.compile(input, engine));
        assertThat(e).as(input).isNotNull();
        assertThat(e.reason()).as(input).startsWith(reason);
        assertThat(e.position()).as(input + ": " + e.reason()).isEqualTo(position);
        assertThat(e.length()).as(input + ": " + e.reason()).isEqualTo(length);
        assertThat(e.expression()).isEqualTo(input);
        assertThat(e.getStackTrace()).isNotEmpty();
    }

    @Test
    void messageHasColumnExpressionAndCaret() {
        assertThatThrownBy(() -> DisplayFilter.compile("tcp.port == 65536", engine))
                .isInstanceOf(FilterException.class)
                .hasMessage("\"65536\" too big for this field, maximum 65535. (column 13)\n"
                        + "    tcp.port == 65536\n"
                        + "                ^~~~~");
        assertThatThrownBy(() -> DisplayFilter.compile("tcp.prot == 443", engine))
                .hasMessage("Left side of \"==\" expression must be a field or function, not tcp.prot. Did you mean tcp.port?"
                        + " (column 1)\n"
                        + "    tcp.prot == 443\n"
                        + "    ^~~~~~~~");
        assertThatThrownBy(() -> DisplayFilter.compile("tcp.port ==\t", engine))
                .hasMessage("Unexpected end of filter expression. (column 13)\n"
                        + "    tcp.port == \n"
                        + "                ^");
    }

    @Test
    void valueNameSuggestionsListKnownNames() {
        FilterException e = catchThrowableOfType(FilterException.class,
                () -> DisplayFilter.compile("eth.type == \"zzzzzz\"", engine));
        assertThat(e.reason()).contains("Known values include").contains("\"ARP\"");
    }
}
