package org.dissect4j.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.dns.DnsTestKit.T0;
import static org.dissect4j.dns.DnsTestKit.bytes;
import static org.dissect4j.dns.DnsTestKit.cat;
import static org.dissect4j.dns.DnsTestKit.engine;
import static org.dissect4j.dns.DnsTestKit.frame;
import static org.dissect4j.dns.DnsTestKit.header;
import static org.dissect4j.dns.DnsTestKit.pointer;
import static org.dissect4j.dns.DnsTestKit.u16;
import static org.dissect4j.dns.DnsTestKit.udp;
import static org.dissect4j.dns.DnsTestKit.value;

import java.nio.charset.StandardCharsets;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Packet;
import org.junit.jupiter.api.Test;

/**
 * Names: compression, the loop bound, the length bound and Wireshark's {@code format_text}, with the texts tshark
 * 4.0.17 prints for the same bytes (dns-hostile.pcap holds them too).
 */
class DnsNamesTest {
    private final Engine e = engine();
    private long frame;

    /** Dissects a query whose question name is {@code raw} and returns the packet. */
    private Packet query(byte[] raw) {
        return e.dissect(frame(udp(10, 53, 42000, 53, cat(header(1, 0x0100, 1, 0, 0, 0), raw, u16(1), u16(1))), ++frame, T0));
    }

    private String name(byte[] raw) {
        query(raw);
        return value(e, "dns.qry.name");
    }

    @Test
    void pointerToItselfIsALoopAndEndsTheWalk() {
        Packet p = query(pointer(12));
        assertThat(value(e, "dns.qry.name")).isEqualTo("<Name contains a pointer that loops>");
        assertThat(value(e, "dns.qry.name.len")).isEqualTo("36");
        assertThat(value(e, "dns.qry.type")).isEqualTo("1");        // the name took its two octets: the type follows
        assertThat(p.malformed()).isFalse();
    }

    @Test
    void loopThroughSeveralPointersIsBounded() {
        // labels that point at each other: 12 -> 16 -> 20 -> 12 ...
        byte[] m = cat(header(2, 0x0100, 1, 0, 0, 0), bytes(1, 'a'), pointer(16), bytes(1, 'b'), pointer(20), bytes(1, 'c'),
                pointer(12));
        long start = System.nanoTime();
        Packet p = e.dissect(frame(udp(10, 53, 42001, 53, m), ++frame, T0));
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
        assertThat(value(e, "dns.qry.name")).isEqualTo("<Name contains a pointer that loops>");
        assertThat(p.info().toString()).isEqualTo("Standard query 0x0002 Unknown (354) <Name contains a pointer that loops>");
    }

    @Test
    void aPointerToTwoOctetsPastItselfCountsAsALoop() {
        // Wireshark's check for a pointer to itself compares with the offset after the pointer plus two
        assertThat(name(cat(pointer(16), u16(1), u16(1), bytes(3, 'f', 'o', 'o', 0)))).isEqualTo("<Name contains a pointer that loops>");
    }

    @Test
    void forwardPointerIsFollowed() {
        query(cat(pointer(18), u16(1), u16(1), bytes(3, 'f', 'o', 'o', 0)));
        assertThat(value(e, "dns.qry.name")).isEqualTo("foo");
        assertThat(value(e, "dns.extraneous.length")).isEqualTo("9");      // foo and the helper's type and class
    }

    @Test
    void rootAndTooLong() {
        assertThat(name(bytes(0))).isEqualTo("<Root>");
        assertThat(value(e, "dns.qry.name.len")).isEqualTo("6");
        byte[] label = new byte[64];
        label[0] = 63;
        java.util.Arrays.fill(label, 1, 64, (byte) 'x');
        byte[] long5 = cat(label, label, label, label, label, bytes(0));
        assertThat(name(long5)).isEqualTo("<Name too long>");
        // 253 octets of text fit, 254 do not
        byte[] l61 = new byte[62];
        l61[0] = 61;
        java.util.Arrays.fill(l61, 1, 62, (byte) 'z');
        byte[] l62 = new byte[63];
        l62[0] = 62;
        java.util.Arrays.fill(l62, 1, 63, (byte) 'z');
        assertThat(name(cat(label, label, label, l61, bytes(0)))).hasSize(253);
        assertThat(name(cat(label, label, label, l62, bytes(0)))).isEqualTo("<Name too long>");
    }

    @Test
    void reservedLabelTypesAreMalformed() {
        assertThat(query(bytes(0x41, 0x10, 0xab, 0xcd, 0)).malformed()).isTrue();
        assertThat(query(bytes(0x80, 0)).malformed()).isTrue();
        assertThat(query(pointer(500)).malformed()).isTrue();
        assertThat(value(e, "dns.qry.name")).isEmpty();
    }

    @Test
    void textIsFormattedAsWiresharkFormatText() {
        assertThat(name(bytes(3, 'a', 1, 'b', 3, 'c', 'o', 'm', 0))).isEqualTo("a\\001b.com");
        assertThat(name(bytes(4, 1, 0x7f, 9, 10, 0))).isEqualTo("\\001\\177\\t\\n");
        assertThat(name(bytes(3, 'a', ' ', 'b', 4, 'x', '\\', 'y', '.', 0))).isEqualTo("a b.x\\y.");
        assertThat(name(bytes(2, 0xc3, 0xa9, 2, 0x80, 0xff, 0))).isEqualTo("\u00e9.\ufffd\ufffd");
        assertThat(name(bytes(2, 0xc2, 0x85, 0))).isEqualTo("\\u0085");
        assertThat(name(bytes(3, 0xe2, 0x80, 0x8b, 0))).isEqualTo("\\u200B");
        assertThat(name(bytes(2, 0xc0, 0x80, 0))).isEqualTo("\\u0000");
        assertThat(name(bytes(5, 'a', 0xe2, 0x80, 'z', 'z', 0))).isEqualTo("a\ufffdzz");
        assertThat(name(bytes(4, 0xf0, 0x9f, 0x98, 0x80, 0))).isEqualTo(new String(bytes(0xf0, 0x9f, 0x98, 0x80), StandardCharsets.UTF_8));
        assertThat(name(bytes(1, 0x1b, 0))).isEqualTo("\\033");
        assertThat(value(e, "dns.qry.name.len")).isEqualTo("0");     // one octet: Wireshark shows 0
    }
}
