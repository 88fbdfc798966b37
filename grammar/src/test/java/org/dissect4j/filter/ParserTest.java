package org.dissect4j.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.dissect4j.api.Engine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Grammar, AST and checker: precedence, associativity, word operators, the explain() tree. */
class ParserTest {
    private static Engine engine;

    @BeforeAll
    static void setUp() {
        engine = TestStack.engine();
    }

    private static String explain(String expression) throws FilterException {
        return DisplayFilter.compile(expression, engine).explain();
    }

    private static List<Integer> select(String expression) throws FilterException {
        return Corpus.select(engine, DisplayFilter.compile(expression, engine));
    }

    @Test
    void emptyFilterParsesToNothing() throws FilterException {
        assertThat(Parsing.parse("")).isNull();
        assertThat(Parsing.parse(" \t\r\n")).isNull();
        assertThat(explain("")).isEqualTo("TRUE (empty filter)\n");
    }

    @Test
    void logicalPrecedenceNotAndXorOr() throws FilterException {
        assertThat(explain("tcp and udp or not ip or eth and not ipv6")).isEqualTo("""
                OR
                  AND
                    EXISTS
                      FIELD(tcp <FT_PROTOCOL>)
                    EXISTS
                      FIELD(udp <FT_PROTOCOL>)
                  NOT
                    EXISTS
                      FIELD(ip <FT_PROTOCOL>)
                  AND
                    EXISTS
                      FIELD(eth <FT_PROTOCOL>)
                    NOT
                      EXISTS
                        FIELD(ipv6 <FT_PROTOCOL>)
                """);
        assertThat(explain("tcp or udp xor ip and eth")).isEqualTo("""
                OR
                  EXISTS
                    FIELD(tcp <FT_PROTOCOL>)
                  XOR
                    EXISTS
                      FIELD(udp <FT_PROTOCOL>)
                    AND
                      EXISTS
                        FIELD(ip <FT_PROTOCOL>)
                      EXISTS
                        FIELD(eth <FT_PROTOCOL>)
                """);
    }

    @Test
    void comparisonsAndLiteralsAreTyped() throws FilterException {
        assertThat(explain("tcp.port == 443")).isEqualTo("""
                ANY_EQ
                  FIELD(tcp.port <FT_UINT16>)
                  FVALUE(443 <FT_UINT16>)
                """);
        assertThat(explain("tcp.port != 443")).startsWith("ALL_NE\n");
        assertThat(explain("tcp.port === 443")).startsWith("ALL_EQ\n");
        assertThat(explain("tcp.port !== 443")).startsWith("ANY_NE\n");
        assertThat(explain("all tcp.port >= 443")).startsWith("ALL_GE\n");
        assertThat(explain("any tcp.port != 443")).startsWith("ANY_NE\n");
        assertThat(explain("tls.handshake.type == 1")).contains("FIELD(tls.handshake.type <FT_UINT8> x2)");
        assertThat(explain("ip.addr#[1-2] == 10.0.0.0/8")).contains("FIELD(ip.addr#[1-2] <FT_IPv4>)")
                .contains("FVALUE(10.0.0.0/8 <FT_IPv4>)");
        assertThat(explain("tcp contains 16:03")).contains("FIELD(tcp <FT_PROTOCOL> to end of data)")
                .contains("FVALUE(16:03 <FT_BYTES>)");
        assertThat(explain("frame[0:2,-1] == 00:01:02")).contains("SLICE[0:2, -1:1]");
        assertThat(explain("tcp.srcport == ${tcp.srcport}")).contains("REFERENCE(tcp.srcport, no value in tshark)");
        assertThat(explain("tls.handshake.extensions_server_name matches \"^a\"")).contains("PCRE(^a)");
        assertThat(explain("tcp.port in {1, 2..3}")).isEqualTo("""
                ANY_IN
                  FIELD(tcp.port <FT_UINT16>)
                  FVALUE(1 <FT_UINT16>)
                  RANGE
                    FVALUE(2 <FT_UINT16>)
                    FVALUE(3 <FT_UINT16>)
                """);
        assertThat(explain("tcp.port not in {1}")).startsWith("NOT\n  ANY_IN\n");
        assertThat(explain("tcp.port < 5 && tcp.port <= 3")).startsWith("AND\n  ANY_LT\n");
        assertThat(explain("tcp.len > -1")).contains("FVALUE(-1 <FT_UINT32>)");
    }

    @Test
    void arithmeticPrecedenceAndAssociativity() throws FilterException {
        assertThat(explain("tcp.flags & 0x12 == 0x12")).isEqualTo("""
                ANY_EQ
                  BITAND <FT_UINT16>
                    FIELD(tcp.flags <FT_UINT16>)
                    FVALUE(0x12 <FT_UINT16>)
                  FVALUE(0x12 <FT_UINT16>)
                """);
        assertThat(explain("tcp.flags & 0x10 + 0x02")).contains("BITAND").contains("FVALUE(0x10 + 0x02 <FT_UINT16>)");
        assertThat(select("tcp.flags & 0x10 + 0x02 == 0x12")).containsExactly(2);
        assertThat(select("frame.number * 2 + 1 == 7")).containsExactly(3);
        assertThat(select("frame.number + 2 * 3 == 9")).containsExactly(3);
        assertThat(select("frame.number - 1 - 1 == 1")).containsExactly(3);
        assertThat(select("frame.number / 2 / 2 == 1")).containsExactly(4, 5, 6, 7);
        assertThat(select("frame.number % 4 * 2 == 6")).containsExactly(3, 7);
        assertThat(select("-frame.number + 10 == 7")).containsExactly(3);
        assertThat(select("frame.number + -1 == 2")).containsExactly(3);
    }

    @Test
    void wordOperatorsMustStandAlone() {
        FilterException e = catchThrowableOfType(FilterException.class, () -> DisplayFilter.compile("tcp.port eq443", engine));
        assertThat(e.reason()).isEqualTo("\"eq443\" was unexpected in this context.");
        e = catchThrowableOfType(FilterException.class, () -> DisplayFilter.compile("tcp andudp", engine));
        assertThat(e.reason()).isEqualTo("\"andudp\" was unexpected in this context.");
        e = catchThrowableOfType(FilterException.class, () -> DisplayFilter.compile("TCP.PORT EQ 443", engine));
        assertThat(e.reason()).isEqualTo("\"EQ\" was unexpected in this context.");
    }

    @Test
    void aMinusWithoutSpaceBelongsToTheName() throws FilterException {
        assertThat(select("frame.number -1 == 2")).containsExactly(3);
        FilterException e = catchThrowableOfType(FilterException.class, () -> DisplayFilter.compile("frame.number-1 == 2", engine));
        assertThat(e.reason()).startsWith("Left side of \"==\" expression must be a field or function, not frame.number-1.");
    }

    @Test
    void escapesDecodeToBytes() throws FilterException {
        assertThat(select("tls.handshake.extensions_server_name == \"\\x73erver.test\"")).containsExactly(4);
        assertThat(select("tls.handshake.extensions_server_name == \"\\163erver.test\"")).containsExactly(4);
        assertThat(select("tls.handshake.extensions_server_name == \"\\u00e9\\U0001F600\"")).isEmpty();
    }

    @Test
    void rawStringsKeepBackslashes() throws FilterException {
        assertThat(select("tls.handshake.extensions_server_name matches R\"^server\\.test$\"")).containsExactly(4);
        assertThat(select("tcp.payload contains r\"\\r\"")).isEmpty();
    }

    @Test
    void filterExceptionFormat() {
        FilterException e = new FilterException("a\tb == c", 2, 1, "why");
        assertThat(e.getMessage()).isEqualTo("why (column 3)\n    a b == c\n      ^");
        assertThat(e.expression()).isEqualTo("a\tb == c");
        assertThat(e.position()).isEqualTo(2);
        assertThat(e.length()).isEqualTo(1);
        assertThat(e.reason()).isEqualTo("why");
    }

    @Test
    void suggestionsByDistanceAndPrefix() {
        List<String> known = List.of("tcp", "tcp.port", "tcp.srcport", "tcp.analysis.retransmission", "udp.port");
        assertThat(Suggest.closest("tcp.prot", known)).startsWith("tcp.port");
        assertThat(Suggest.closest("tcp.analysis.retrans", known)).containsExactly("tcp.analysis.retransmission");
        assertThat(Suggest.closest("TCP", known)).containsExactly("tcp");
        assertThat(Suggest.closest("zzzzzzzz", known)).isEmpty();
        assertThat(Suggest.distance("ab", "ba", 5)).isEqualTo(1);
    }
}
