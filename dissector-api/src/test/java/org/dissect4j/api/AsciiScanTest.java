package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link AsciiScan} on packets built from text: lines, separators, blanks, case folding, numbers and bounds. */
class AsciiScanTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A packet whose current layer is {@code text}, of which only {@code captured} bytes were captured. */
    private static Packet packet(String text, int captured) {
        byte[] bytes = b(text);
        Frame f = new Frame().set(1, java.lang.foreign.MemorySegment.ofArray(bytes), 0, captured, bytes.length, 0, 0, 1);
        Packet p = new Packet(null, TestFrames.tree());
        p.start(f, false, false);
        return p;
    }

    private static Packet packet(String text) {
        return packet(text, text.length());
    }

    @Test
    void linesEndInCrLfOrBareLf() {
        Packet p = packet("GET / HTTP/1.1\r\nHost: x\n\r\nrest");
        int end = p.capturedEnd();
        int le = AsciiScan.lineEnd(p, 0, end);
        assertThat(le).isEqualTo(14);
        int next = AsciiScan.nextLine(p, le);
        assertThat(next).isEqualTo(16);
        le = AsciiScan.lineEnd(p, next, end);
        assertThat(le).isEqualTo(23);
        next = AsciiScan.nextLine(p, le);
        assertThat(next).isEqualTo(24);
        le = AsciiScan.lineEnd(p, next, end);
        assertThat(le).isEqualTo(next);
        assertThat(AsciiScan.nextLine(p, le)).isEqualTo(26);
        assertThat(AsciiScan.lineEnd(p, 26, end)).isEqualTo(-1);
        assertThat(AsciiScan.lineEnd(p, 3, 3)).isEqualTo(-1);
    }

    @Test
    void aLoneLfAtTheStartIsAnEmptyLine() {
        Packet p = packet("\nx");
        assertThat(AsciiScan.lineEnd(p, 0, 2)).isZero();
        assertThat(AsciiScan.nextLine(p, 0)).isEqualTo(1);
    }

    @Test
    void separatorsAndBlanks() {
        Packet p = packet("Name: \t value \t\r\n");
        int colon = AsciiScan.indexOf(p, 0, 15, ':');
        assertThat(colon).isEqualTo(4);
        assertThat(AsciiScan.indexOf(p, 0, 4, ':')).isEqualTo(-1);
        assertThat(AsciiScan.indexOf(p, 5, 5, ':')).isEqualTo(-1);
        int v = AsciiScan.skipBlanks(p, colon + 1, 15);
        assertThat(v).isEqualTo(8);
        assertThat(AsciiScan.trimBlanks(p, v, 15)).isEqualTo(13);
        assertThat(AsciiScan.skipBlanks(p, 5, 7)).isEqualTo(7);
        assertThat(AsciiScan.trimBlanks(p, 5, 7)).isEqualTo(5);
        assertThat(AsciiScan.skipBlanks(p, 9, 9)).isEqualTo(9);
        assertThat(AsciiScan.trimBlanks(p, 9, 9)).isEqualTo(9);
    }

    @Test
    void comparisons() {
        Packet p = packet("Content-LENGTH: 5; Transfer-Encoding: gzip, Chunked");
        assertThat(AsciiScan.equalsIgnoreCase(p, 0, 14, b("content-length"))).isTrue();
        assertThat(AsciiScan.equalsIgnoreCase(p, 0, 13, b("content-length"))).isFalse();
        assertThat(AsciiScan.equalsIgnoreCase(p, 0, 14, b("content-lengtx"))).isFalse();
        assertThat(AsciiScan.startsWith(p, 0, 20, b("Content-"))).isTrue();
        assertThat(AsciiScan.startsWith(p, 0, 20, b("content-"))).isFalse();
        assertThat(AsciiScan.startsWith(p, 0, 3, b("Content-"))).isFalse();
        assertThat(AsciiScan.startsWithIgnoreCase(p, 0, 20, b("content-l"))).isTrue();
        assertThat(AsciiScan.indexOfIgnoreCase(p, 0, p.capturedEnd(), b("chunked"))).isEqualTo(44);
        assertThat(AsciiScan.indexOfIgnoreCase(p, 0, 50, b("chunked"))).isEqualTo(-1);
        assertThat(AsciiScan.toLower('Q')).isEqualTo('q');
        assertThat(AsciiScan.toLower(0xC0)).isEqualTo(0xC0);
    }

    @Test
    void caseFoldingIsAsciiOnly() {
        Packet p = packet("\u00c0B");
        assertThat(AsciiScan.equalsIgnoreCase(p, 0, 2, b("\u00e0b"))).isFalse();
        assertThat(AsciiScan.equalsIgnoreCase(p, 0, 2, b("\u00c0b"))).isTrue();
    }

    @Test
    void decimalNumbers() {
        Packet p = packet("0 123 12a -1 9223372036854775807 99999999999999999999");
        assertThat(AsciiScan.parseDecimal(p, 0, 1)).isZero();
        assertThat(AsciiScan.parseDecimal(p, 2, 5)).isEqualTo(123);
        assertThat(AsciiScan.parseDecimal(p, 2, 2)).isEqualTo(-1);
        assertThat(AsciiScan.parseDecimal(p, 6, 9)).isEqualTo(-1);
        assertThat(AsciiScan.parseDecimal(p, 10, 12)).isEqualTo(-1);
        assertThat(AsciiScan.parseDecimal(p, 1, 5)).isEqualTo(-1);
        assertThat(AsciiScan.parseDecimal(p, 13, 32)).isEqualTo(-1);
        assertThat(AsciiScan.parseDecimal(p, 13, 31)).isEqualTo(922_337_203_685_477_580L);
        assertThat(AsciiScan.parseDecimal(p, 33, 53)).isEqualTo(-1);
        assertThat(AsciiScan.parseDecimal(p, 33, 51)).isEqualTo(999_999_999_999_999_999L);
        assertThat(AsciiScan.isDigit('7')).isTrue();
        assertThat(AsciiScan.isDigit('a')).isFalse();
    }

    @Test
    void hexNumbers() {
        Packet p = packet("1a 1A0 fffffffffffffff 1000000000000000 g");
        assertThat(AsciiScan.parseHex(p, 0, 2)).isEqualTo(0x1a);
        assertThat(AsciiScan.parseHex(p, 3, 6)).isEqualTo(0x1a0);
        assertThat(AsciiScan.parseHex(p, 7, 22)).isEqualTo(0xfffffffffffffffL);
        assertThat(AsciiScan.parseHex(p, 23, 39)).isEqualTo(-1);
        assertThat(AsciiScan.parseHex(p, 40, 41)).isEqualTo(-1);
        assertThat(AsciiScan.parseHex(p, 2, 2)).isEqualTo(-1);
        assertThat(AsciiScan.parseHex(p, 0, 3)).isEqualTo(-1);
        assertThat(AsciiScan.hexValue('F')).isEqualTo(15);
        assertThat(AsciiScan.hexValue('g')).isEqualTo(-1);
    }

    @Test
    void aRangePastTheCapturedBytesThrowsThePreallocatedException() {
        Packet p = packet("abc\r\ndef", 4);
        assertThat(AsciiScan.lineEnd(p, 0, 4)).isEqualTo(-1);
        assertThatThrownBy(() -> AsciiScan.lineEnd(p, 0, 8)).isSameAs(PacketBoundsException.TRUNCATED);
        assertThatThrownBy(() -> AsciiScan.parseDecimal(p, 0, 9)).isSameAs(PacketBoundsException.MALFORMED);
        assertThatThrownBy(() -> AsciiScan.equalsIgnoreCase(p, 2, 5, b("c\r\n"))).isSameAs(PacketBoundsException.TRUNCATED);
    }
}
