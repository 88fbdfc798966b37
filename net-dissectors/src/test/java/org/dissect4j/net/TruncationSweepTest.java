package org.dissect4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dissect4j.api.Bytes;
import org.dissect4j.api.Engine;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every dissector, cut at every captured length from 0 to past the end of its headers: no
 * exception escapes {@link Engine#dissect}, every header field that lies wholly before the cut (with the
 * field it is part of, as an address is of its OUI) is still recorded with the same value, no field
 * spans bytes past the cut (an output would format them), and a cut inside the headers marks the packet truncated
 * ("[Packet size limited during capture]"), never malformed.
 */
class TruncationSweepTest {
    private static final int ETHERNET_HEADER = 14;
    private static final int UDP_PORTS = 4;

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("link-ethernet.pcap", 1, 42, List.of()),
                Arguments.of("link-ethernet.pcap", 6, 50, List.of()),
                Arguments.of("link-ethernet.pcap", 7, 46, List.of()),
                Arguments.of("link-ethernet.pcap", 8, 50, List.of()),
                Arguments.of("link-sll.pcap", 1, 44, List.of()),
                Arguments.of("link-sll2.pcap", 1, 48, List.of()),
                Arguments.of("link-null.pcap", 1, 32, List.of()),
                Arguments.of("link-raw.pcap", 2, 48, List.of()),
                Arguments.of("arp.pcap", 1, 42, List.of()),
                // The options may hold a source route: ip.dst is known only once they are read (as in Wireshark).
                Arguments.of("ipv4-options.pcap", 1, 70, List.of("ip.dst", "ip.dst_host", "ip.addr", "ip.host")),
                // A source route makes the header's destination ip.cur_rt, known only once the option is read.
                Arguments.of("ipv4-options.pcap", 2, 66, List.of("ip.dst", "ip.dst_host", "ip.addr", "ip.host",
                        "ip.cur_rt", "ip.cur_rt_host")),
                Arguments.of("ipv6-extensions.pcap", 1, 70, List.of()),
                Arguments.of("ipv6-extensions.pcap", 2, 70, List.of()),
                Arguments.of("ipv6-extensions.pcap", 3, 86, List.of()),
                Arguments.of("ipv6-extensions.pcap", 4, 102, List.of()),
                Arguments.of("ipv6-extensions.pcap", 5, 62, List.of()),
                Arguments.of("icmp-messages.pcap", 1, 42, List.of()),
                Arguments.of("icmp-messages.pcap", 6, 70, List.of()),
                Arguments.of("icmp-messages.pcap", 3, 58, List.of()),
                Arguments.of("icmpv6.pcap", 1, 86, List.of()),
                Arguments.of("icmpv6.pcap", 5, 142, List.of()),
                Arguments.of("icmpv6.pcap", 9, 110, List.of()),
                Arguments.of("gre.pcap", 1, 78, List.of()),
                Arguments.of("gre.pcap", 2, 84, List.of()));
    }

    /** A header field recorded by the full dissection; {@code end} also covers the field it is part of. */
    record Node(int field, int offset, int length, long value, int end) {
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("vectors")
    void everyCutKeepsTheFieldsBeforeIt(String capture, int number, int headerEnd, List<String> impliedByLaterBytes)
            throws Exception {
        Frame original = TestCaptures.read(OwnCapturesTest.dir().resolve(capture)).get(number - 1);
        byte[] bytes = new byte[original.capturedLength()];
        MemorySegment.copy(original.segment(), Bytes.U8, original.offset(), bytes, 0, bytes.length);
        assertThat(headerEnd).isLessThanOrEqualTo(bytes.length);

        Engine full = NetTestKit.engine();
        Packet whole = full.dissect(NetTestKit.frame(bytes, original.linkType(), 1, original.timestampNanos()));
        assertThat(whole.truncated()).isFalse();
        List<Node> header = headerNodes(full.tree(), headerEnd);
        assertThat(header).isNotEmpty();

        for (int cut = 0; cut <= Math.min(bytes.length, headerEnd + 8); cut++) {
            Engine e = NetTestKit.engine();
            Packet p = e.dissect(NetTestKit.frame(bytes, cut, original.linkType(), 1, original.timestampNanos()));
            assertThat(NetTestKit.bug(e, p)).as("dissector bug at cut %d", cut).isFalse();
            if (cut < headerEnd) {
                assertThat(p.truncated()).as("truncated at cut %d", cut).isTrue();
            }
            assertThat(NetTestKit.pastTheCapturedBytes(e.tree(), cut)).as("fields past the captured bytes at cut %d", cut)
                    .isEmpty();
            List<Node> got = headerNodes(e.tree(), cut);
            for (Node n : header) {
                String abbrev = full.fieldById(n.field()).abbrev();
                if (n.end() <= cut && !impliedByLaterBytes.contains(abbrev)) {
                    assertThat(got).as("%s at %d kept at cut %d", full.fieldById(n.field()), n.offset(), cut)
                            .contains(n);
                }
            }
        }
    }

    /** End of the field (not protocol) the node is part of, e.g. the whole address of an OUI: it needs that captured too. */
    private static int parentEnd(Tree t, int n) {
        int end = 0;
        for (int up = t.parent(n); up >= 0; up = t.parent(up)) {
            if (t.field(up).type() != FieldType.PROTOCOL && t.source(up) == 0) {
                end = Math.max(end, t.offset(up) + t.length(up));
            }
        }
        return end;
    }

    /** Where the protocol item a node is part of starts. */
    private static int protocolStart(Tree t, int n) {
        for (int up = t.parent(n); up >= 0; up = t.parent(up)) {
            if (t.field(up).type() == FieldType.PROTOCOL) {
                return t.offset(up);
            }
        }
        return 0;
    }

    private static List<Node> headerNodes(Tree t, int end) {
        List<Node> out = new ArrayList<>();
        for (int n = 0; n < t.size(); n++) {
            FieldType type = t.field(n).type();
            if (t.source(n) != 0 || (t.flags(n) & (Tree.GENERATED | Tree.EXPERT)) != 0 || type == FieldType.PROTOCOL
                    || type == FieldType.NONE || t.offset(n) + t.length(n) > end || t.length(n) == 0
                    || parentEnd(t, n) > end) {
                continue;
            }
            int needed = Math.max(t.offset(n) + t.length(n), parentEnd(t, n));
            if (t.field(n).abbrev().startsWith("eth.")) {
                // Ethernet's fields need its whole 14-byte header (Wireshark reads the type before adding any)
                needed = Math.max(needed, protocolStart(t, n) + ETHERNET_HEADER);
            } else if (t.field(n).abbrev().startsWith("udp.")) {
                // and UDP's need both ports (packet-udp.c reads them before adding any)
                needed = Math.max(needed, protocolStart(t, n) + UDP_PORTS);
            }
            out.add(new Node(t.fieldId(n), t.offset(n), t.length(n), t.value(n), needed));
        }
        return out;
    }

    static Path dir() throws Exception {
        return OwnCapturesTest.dir();
    }
}
