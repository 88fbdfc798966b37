package org.dissect4j.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.dissect4j.api.Engine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hostile input: huge and deeply nested filters end in a clean error, never a StackOverflowError or a hang. */
class LimitsTest {
    private static Engine engine;

    @BeforeAll
    static void setUp() {
        engine = TestStack.engine();
    }

    private static FilterException reject(String expression) {
        FilterException e = catchThrowableOfType(FilterException.class, () -> DisplayFilter.compile(expression, engine));
        assertThat(e).isNotNull();
        return e;
    }

    @Test
    void hundredThousandCharacters() {
        String s = "tcp.port == 1 or ".repeat(100_000 / 17 + 1) + "tcp";
        assertThat(s.length()).isGreaterThan(100_000);
        FilterException e = reject(s);
        assertThat(e.reason()).startsWith("The filter is too long (" + s.length() + " characters; at most 65536");
        assertThat(e.position()).isEqualTo(Parsing.MAX_LENGTH);
        assertThat(e.getMessage()).contains("(column 65537)");
    }

    @Test
    void tenThousandNestedParentheses() {
        FilterException e = reject("(".repeat(10_000) + "tcp" + ")".repeat(10_000));
        assertThat(e.reason()).startsWith("The filter nests too deeply");
        assertThat(e.position()).isEqualTo(Parsing.MAX_NESTING);
    }

    @Test
    void tenThousandUnclosedParentheses() {
        assertThat(reject("(".repeat(10_000)).reason()).startsWith("The filter nests too deeply");
    }

    @Test
    void tenThousandNots() {
        assertThat(reject("not ".repeat(10_000) + "tcp").reason()).startsWith("The filter nests too deeply");
        assertThat(reject("!".repeat(10_000) + "tcp").reason()).startsWith("The filter nests too deeply");
    }

    @Test
    void deepBracesMinusesAndSlices() {
        assertThat(reject("tcp.port == " + "{".repeat(5_000) + "1" + "}".repeat(5_000)).reason())
                .startsWith("The filter nests too deeply");
        assertThat(reject("tcp.port == " + "- ".repeat(5_000) + "1").reason()).startsWith("The filter nests too deeply");
        assertThat(reject("frame" + "[0:1]".repeat(300) + " == 00").reason()).startsWith("The filter nests too deeply");
        assertThat(reject("len(".repeat(3_000) + "tcp" + ")".repeat(3_000)).reason()).startsWith("The filter nests too deeply");
    }

    @Test
    void longArithmeticChainIsBounded() {
        assertThat(reject("tcp.port" + " + 1".repeat(5_000) + " == 1").reason()).startsWith("The filter nests too deeply");
    }

    @Test
    void nestingJustUnderTheLimitWorks() throws FilterException {
        int n = Parsing.MAX_NESTING - 1;
        DisplayFilter f = DisplayFilter.compile("(".repeat(n) + "tcp.port == 443" + ")".repeat(n), engine);
        assertThat(Corpus.select(engine, f)).containsExactly(1, 2, 3, 4, 5);
        DisplayFilter g = DisplayFilter.compile("not ".repeat(n) + "tcp", engine);
        assertThat(Corpus.select(engine, g)).containsExactly(7, 10);
    }

    @Test
    void longFlatChainsCompileAndEvaluate() throws FilterException {
        StringBuilder sb = new StringBuilder("frame.number == 0");
        for (int i = 1; i < 2_500; i++) {
            sb.append(i % 2 == 0 ? " or " : " || ").append("frame.number == ").append(i);
        }
        assertThat(sb.length()).isLessThan(Parsing.MAX_LENGTH);
        DisplayFilter f = DisplayFilter.compile(sb.toString(), engine);
        assertThat(f.explain()).startsWith("OR\n");
        assertThat(Corpus.select(engine, f)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        StringBuilder set = new StringBuilder("frame.number in {100000");
        for (int i = 0; i < 5_000; i++) {
            set.append(',').append(i + 11);
        }
        set.append(", 4}");
        assertThat(Corpus.select(engine, DisplayFilter.compile(set.toString(), engine))).containsExactly(4);
    }

    @Test
    void garbageNeverEscapesAsAnotherException() {
        String[] inputs = {"\u0000", "\"\\", "'", "${", "$", "@", "#", "[", "]", "..", "0x", "::::", "1.2.3.4/", "a#[", "a#[1",
                "a[1:", "a[-", "r\"", "tcp.port == 1 ==", "~", "!==", "{", "}", "(", ")", ",", "\uD800", "tcp.port in {1..}",
                "ip.addr == 1.2.3.4/99999999999", "frame[99999999999]", "frame[0:99999999999]", "a" + "-".repeat(1000),
                "tcp.port == 0x", "tcp.port == 0b", "ipv6.addr == ::ffff:1.2.3.4/200", "frame.time == \"2024-13-45\"",
                "frame.time == \"Foo 1, 2000 00:00:00\"", "tcp.payload matches \"[\"", "vals(tcp.payload)", "hex(ip.src)",
                "max()", "max(1, 2) == 2", "len(1)", "count(tcp.port[0:1])", "@nosuch", "$nosuch", "${tcp.port:a;b}",
                "tcp.port#1#2", "tcp#[1-2][0]", "-\"a\" == tcp.payload", "tcp.payload == -\"a\"", "- - -"};
        for (String s : inputs) {
            try {
                DisplayFilter.compile(s, engine);
            } catch (FilterException e) {
                assertThat(e.getMessage()).as(s).contains("^");
                assertThat(e.position()).as(s).isBetween(0, s.length());
            }
        }
    }
}
