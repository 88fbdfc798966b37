package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Addresses print as tshark 4.0.17 prints them. Every expected text below was checked against
 * {@code tshark -T fields -e ipv6.src} on a capture holding that address.
 */
class AddressTextTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0000 0000 0000 0000 0000 0000 0000 0000 | ::
            0000 0000 0000 0000 0000 0000 0000 0001 | ::1
            fe80 0000 0000 0000 0000 0000 0000 0001 | fe80::1
            0001 0002 0003 0004 0005 0006 0000 0000 | 1:2:3:4:5:6::
            ff02 0000 0000 0000 0000 0001 ff00 0001 | ff02::1:ff00:1
            abcd ef01 0000 0000 0000 0000 0000 0001 | abcd:ef01::1
            # the longest run wins, wherever it is
            0001 0000 0000 0001 0000 0000 0000 0001 | 1:0:0:1::1
            0000 0000 0000 0000 0000 0001 0000 0000 | ::1:0:0
            # of equal runs the first one wins
            0001 0000 0000 0002 0000 0000 0003 0004 | 1::2:0:0:3:4
            2001 0000 0000 0001 0001 0000 0000 0001 | 2001::1:1:0:0:1
            # a lone zero group is never compressed
            0001 0000 0002 0003 0004 0005 0006 0007 | 1:0:2:3:4:5:6:7
            0000 0001 0002 0003 0004 0005 0006 0007 | 0:1:2:3:4:5:6:7
            0001 0002 0003 0004 0005 0006 0007 0000 | 1:2:3:4:5:6:7:0
            # IPv4-mapped, IPv4-compatible, and the look-alikes that stay hex
            0000 0000 0000 0000 0000 ffff 0102 0304 | ::ffff:1.2.3.4
            0000 0000 0000 0000 0000 ffff 0000 0000 | ::ffff:0.0.0.0
            0000 0000 0000 0000 0000 ffff ffff ffff | ::ffff:255.255.255.255
            0000 0000 0000 0000 0000 0000 0102 0304 | ::1.2.3.4
            0000 0000 0000 0000 0000 0000 0001 0000 | ::0.1.0.0
            0000 0000 0000 0000 0000 0000 0000 ffff | ::ffff
            0000 0000 0000 0000 0000 0000 0000 0002 | ::2
            0000 0000 0000 0000 ffff 0000 0102 0304 | ::ffff:0:102:304
            0000 0000 0000 0000 0001 ffff 0102 0304 | ::1:ffff:102:304
            0064 ff9b 0000 0000 0000 0000 0102 0304 | 64:ff9b::102:304
            """)
    void ipv6LikeTshark(String hex, String text) {
        byte[] address = TestFrames.hex(hex);
        assertThat(AddressText.ipv6(address)).isEqualTo(text);
        byte[] framed = TestFrames.hex("aaaa" + hex + "bbbb");
        assertThat(AddressText.ipv6(new StringBuilder("x"), MemorySegment.ofArray(framed), 2)).hasToString("x" + text);
    }

    @Test
    void ipv4DottedQuad() {
        assertThat(AddressText.ipv4(0xC0A80001L)).isEqualTo("192.168.0.1");
        assertThat(AddressText.ipv4(0xFFFFFFFFL)).isEqualTo("255.255.255.255");
        assertThat(AddressText.ipv4(new StringBuilder(), new byte[] {10, 0, (byte) 200, 7})).hasToString("10.0.200.7");
    }

    @Test
    void writingIntoABuilderAllocatesNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        byte[] bytes = TestFrames.hex("2001 0db8 0000 0000 0001 0000 0000 0001 0000 0000 0000 0000 0000 ffff 0a00 0001");
        MemorySegment seg = MemorySegment.ofArray(bytes);
        StringBuilder out = new StringBuilder(64);
        long sink = 0;
        for (int round = 0; round < 20_000; round++) {
            sink += write(out, seg, bytes);
        }
        long before = mx.getThreadAllocatedBytes(tid);
        for (int round = 0; round < 10_000; round++) {
            sink += write(out, seg, bytes);
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        assertThat(sink).isPositive();
        // Reading the counter allocates a little itself; one allocation per call would be far more.
        assertThat(allocated).isLessThan(1024);
    }

    private static int write(StringBuilder out, MemorySegment seg, byte[] bytes) {
        out.setLength(0);
        AddressText.ipv6(out, seg, 0);
        AddressText.ipv6(out, seg, 16);
        AddressText.ipv6(out, bytes);
        AddressText.ipv4(out, bytes);
        AddressText.ipv4(out, 0x7F000001L);
        return out.length();
    }
}
