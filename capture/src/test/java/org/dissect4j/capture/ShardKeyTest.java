package org.dissect4j.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;
import org.junit.jupiter.api.Test;

/** {@link ShardKey}: the unordered address pair, ICMP errors by their quoted pair, no key without IP, short frames. */
class ShardKeyTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String ETH = "020000000001" + "020000000002";
    /** IPv4 UDP 10.0.0.1 -> 10.0.0.2. */
    private static final String IPV4_AB = "4500001c0000400040110000" + "0a000001" + "0a000002" + "0035003500080000";
    private static final String IPV4_BA = "4500001c0000400040110000" + "0a000002" + "0a000001" + "0035003500080000";

    private static Frame frame(int linkType, String hex) {
        byte[] b = HEX.parseHex(hex);
        return new Frame().set(1, MemorySegment.ofArray(b), 0, b.length, b.length, 0, 0, linkType);
    }

    @Test
    void bothDirectionsHaveOneKey() {
        long ab = ShardKey.of(frame(LinkType.ETHERNET, ETH + "0800" + IPV4_AB));
        long ba = ShardKey.of(frame(LinkType.ETHERNET, ETH + "0800" + IPV4_BA));
        assertThat(ab).isNotEqualTo(ShardKey.NONE).isEqualTo(ba);
        assertThat(ShardKey.of(frame(LinkType.RAW, IPV4_BA))).isEqualTo(ab);
        assertThat(ShardKey.of(frame(LinkType.ETHERNET, ETH + "8100" + "0064" + "0800" + IPV4_AB))).as("802.1Q").isEqualTo(ab);
        assertThat(ShardKey.of(frame(LinkType.LINUX_SLL, "00000001000602000000000100000800" + IPV4_AB))).as("SLL").isEqualTo(ab);
        String other = IPV4_AB.replace("0a000002", "0a000003");
        assertThat(ShardKey.of(frame(LinkType.RAW, other))).isNotEqualTo(ab);
    }

    @Test
    void anIcmpErrorCountsByTheDatagramItQuotes() {
        long ab = ShardKey.of(frame(LinkType.RAW, IPV4_AB));
        // a router 10.9.9.9 tells 10.0.0.1 that 10.0.0.2 is unreachable, quoting the datagram
        String icmp = "45000038000000004001000" + "0" + "0a090909" + "0a000001" + "03010000" + "00000000" + IPV4_AB;
        assertThat(ShardKey.of(frame(LinkType.RAW, icmp))).isEqualTo(ab);
        // an echo request is not an error: its own pair
        String echo = "45000038000000004001000" + "0" + "0a090909" + "0a000001" + "08000000" + "00000000" + IPV4_AB;
        assertThat(ShardKey.of(frame(LinkType.RAW, echo))).isNotEqualTo(ab);
        // a fragmented error keeps its own pair, so that its fragments stay together
        String fragment = "45000038000020004001000" + "0" + "0a090909" + "0a000001" + "03010000" + "00000000" + IPV4_AB;
        assertThat(ShardKey.of(frame(LinkType.RAW, fragment))).isNotEqualTo(ab);
    }

    @Test
    void aTunnelCountsByTheInnermostPair() {
        long inner = ShardKey.of(frame(LinkType.RAW, IPV4_AB));
        // 4in4 from 10.9.9.1 to 10.9.9.2, then the same inner datagram through another tunnel
        String tunnel1 = "45000030000040004004000" + "0" + "0a090901" + "0a090902" + IPV4_AB;
        String tunnel2 = "45000030000040004004000" + "0" + "0a080801" + "0a080802" + IPV4_BA;
        assertThat(ShardKey.of(frame(LinkType.RAW, tunnel1))).isEqualTo(inner).isEqualTo(ShardKey.of(frame(LinkType.RAW, tunnel2)));
        // 4in6 (next header 4)
        String v6 = "6000000000300440" + "20010db8000000000000000000000001" + "20010db8000000000000000000000002" + IPV4_AB;
        assertThat(ShardKey.of(frame(LinkType.RAW, v6))).isEqualTo(inner);
        // a fragment of the outer datagram keeps the outer pair, so that the fragments stay together
        String fragment = "45000030000020004004000" + "0" + "0a090901" + "0a090902" + IPV4_AB;
        assertThat(ShardKey.of(frame(LinkType.RAW, fragment))).isNotEqualTo(inner)
                .isEqualTo(ShardKey.of(frame(LinkType.RAW, "45000030000000004011000" + "0" + "0a090901" + "0a090902" + IPV4_AB)));
        // an inner header cut short: the outer pair
        assertThat(ShardKey.of(frame(LinkType.RAW, tunnel1.substring(0, 40 + 16)))).isNotEqualTo(ShardKey.NONE);
    }

    @Test
    void framesWithoutAnIpHeaderHaveNoKey() {
        assertThat(ShardKey.of(frame(LinkType.ETHERNET, ETH + "0806" + "0001080006040001"))).isEqualTo(ShardKey.NONE);
        assertThat(ShardKey.of(frame(147, IPV4_AB))).isEqualTo(ShardKey.NONE);
        assertThat(ShardKey.worker(ShardKey.NONE, 4)).isZero();
    }

    @Test
    void everyTruncationIsSafe() {
        String[] frames = {ETH + "0800" + IPV4_AB, ETH + "86dd" + "6000000000083a40" + "20010db8000000000000000000000001"
                + "20010db8000000000000000000000002" + "01040000" + "00000000" + "6000000000081140"
                + "20010db8000000000000000000000002" + "20010db8000000000000000000000003"};
        for (String hex : frames) {
            byte[] b = HEX.parseHex(hex);
            for (int len = 0; len <= b.length; len++) {
                Frame f = new Frame().set(1, MemorySegment.ofArray(b), 0, len, b.length, 0, 0, LinkType.ETHERNET);
                long key = ShardKey.of(f);
                assertThat(ShardKey.worker(key, 3)).isBetween(0, 2);
            }
        }
    }
}
