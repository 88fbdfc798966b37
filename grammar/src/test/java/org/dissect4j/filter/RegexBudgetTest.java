package org.dissect4j.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.dissect4j.api.Engine;
import org.junit.jupiter.api.Test;

/**
 * {@code matches} has a step budget: a pattern that backtracks exponentially ends in bounded time and
 * does not match, and an ordinary pattern is not affected.
 */
class RegexBudgetTest {

    @Test
    void aBacktrackingPatternOverFortyBytesEndsWithinASecondAsNoMatch() throws FilterException {
        Engine engine = TestStack.engine();
        DisplayFilter f = DisplayFilter.compile("frame matches \"(.*.){20}x\"", engine);
        long start = System.nanoTime();
        assertThat(Corpus.select(engine, f)).isEmpty();
        // ten frames, each given up after the budget
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void ordinaryPatternsStillMatch() throws FilterException {
        Engine engine = TestStack.engine();
        assertThat(Corpus.select(engine, DisplayFilter.compile("frame matches \".\"", engine))).hasSize(10);
        assertThat(Corpus.select(engine, DisplayFilter.compile("tls.handshake.extensions_server_name matches \"SERVER\"", engine)))
                .isNotEmpty();
        // unanchored and quadratic over a whole frame, still within the budget for frames of this size
        assertThat(Corpus.select(engine, DisplayFilter.compile("frame matches \".*.*\\x00\"", engine))).isNotEmpty();
    }

    @Test
    void theBudgetCountsCharacterReads() {
        byte[] a = "a".repeat(40).getBytes(StandardCharsets.US_ASCII);
        ByteChars chars = new ByteChars().wrap(MemorySegment.ofArray(a), 0, a.length, 1_000);
        var matcher = Pattern.compile("(.*a){20}x").matcher(chars);
        long start = System.nanoTime();
        RuntimeException thrown = null;
        try {
            matcher.find();
        } catch (RuntimeException e) {
            thrown = e;
        }
        assertThat(thrown).isSameAs(ByteChars.OVER_BUDGET);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000);
        // a budget large enough for a linear match is not reached
        chars.wrap(MemorySegment.ofArray(a), 0, a.length, 1_000);
        assertThat(Pattern.compile("a+").matcher(chars).find()).isTrue();
    }

    @Test
    void oneValueOverTheBudgetTakesMilliseconds() {
        byte[] a = "a".repeat(40).getBytes(StandardCharsets.US_ASCII);
        ByteChars chars = new ByteChars();
        var matcher = Pattern.compile("(.*a){20}x").matcher("");
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            matcher.reset(chars.wrap(MemorySegment.ofArray(a), 0, a.length, TestNodes.Matches.budget(a.length)));
            long start = System.nanoTime();
            try {
                matcher.find();
            } catch (RuntimeException e) {
                assertThat(e).isSameAs(ByteChars.OVER_BUDGET);
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        assertThat(best / 1_000_000).as("ms for one value").isLessThan(200);
    }
}
