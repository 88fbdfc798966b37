package org.dissect4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.MacNames;
import org.dissect4j.api.Tree;
import org.junit.jupiter.api.Test;

/**
 * Ethernet's hidden resolved names ({@code eth.dst_resolved}, {@code eth.src_resolved}, {@code eth.addr_resolved} and
 * the OUI's vendor {@code eth.*.oui_resolved}) as tshark 4.0 records them, and their cost: composing them into a reused
 * builder and the tree's scratch area allocates nothing, however many rounds (one allocation per round of frames is
 * what a {@code String} or a boxed key per name would show).
 */
class EthernetResolvedNamesTest {
    private static final byte[] ARP = NetTestKit.hex("0001 0800 0604 0001 020000770002 0a4d0002 000000000000 0a4d0001");

    @Test
    void namesAreRecordedHiddenOverTheAddressBytes() {
        Engine e = NetTestKit.engine();
        e.dissect(frame("ff:ff:ff:ff:ff:ff", "02:00:00:77:00:02", 1));
        assertThat(NetTestKit.values(e, "eth.dst_resolved")).containsExactly("Broadcast");
        assertThat(NetTestKit.values(e, "eth.src_resolved")).containsExactly("02:00:00:77:00:02");
        assertThat(NetTestKit.values(e, "eth.addr_resolved")).containsExactly("Broadcast", "02:00:00:77:00:02");
        assertThat(NetTestKit.values(e, "eth.dst.oui_resolved")).isEmpty();     // no vendor owns ff:ff:ff or 02:00:00
        Tree t = e.tree();
        int src = t.first(e.field("eth.src_resolved"));
        assertThat(t.shownOffset(src)).isEqualTo(6);
        assertThat(t.shownLength(src)).isEqualTo(6);
        assertThat(t.flags(src) & Tree.GENERATED).isNotZero();
        assertThat(e.field("eth.src_resolved").hidden()).isTrue();
    }

    @Test
    void aVendorPrefixNamesTheAddressAndItsOui() {
        Engine e = NetTestKit.engine();
        e.dissect(frame("00:00:0c:12:34:56", "02:00:00:77:00:02", 1));
        String vendor = MacNames.vendor(0x00000C123456L);
        if (vendor == null) {       // no manuf file on this machine: the plain address, and no OUI name
            assertThat(NetTestKit.values(e, "eth.dst_resolved")).containsExactly("00:00:0c:12:34:56");
            assertThat(NetTestKit.values(e, "eth.dst.oui_resolved")).isEmpty();
        } else {
            // the address takes the vendor's short name ("Cisco_12:34:56"), the OUI its long one ("Cisco Systems, Inc")
            String shortName = MacNames.name(new StringBuilder(), 0x00000C123456L).toString();
            assertThat(shortName).endsWith("_12:34:56").isNotEqualTo(vendor + "_12:34:56");
            assertThat(NetTestKit.values(e, "eth.dst_resolved")).containsExactly(shortName);
            assertThat(NetTestKit.values(e, "eth.dst.oui_resolved")).containsExactly(vendor);
            assertThat(NetTestKit.values(e, "eth.addr.oui_resolved")).containsExactly(vendor);
            assertThat(NetTestKit.label(e, "eth.dst.oui")).isEqualTo("Destination OUI: 00:00:0c (" + vendor + ")");
        }
    }

    /** An OUI's label holds its vendor's long name cut where Wireshark's 32-byte buffer ends (the value keeps it whole). */
    @Test
    void aLongVendorNameIsCutInTheOuiLabel() {
        Engine e = NetTestKit.engine();
        e.dissect(frame("b8:27:eb:45:99:91", "02:00:00:77:00:02", 1));
        String vendor = MacNames.vendor(0xB827EB459991L);
        if (vendor != null && vendor.length() > 21) {
            assertThat(NetTestKit.label(e, "eth.dst.oui")).isEqualTo("Destination OUI: b8:27:eb (" + vendor.substring(0, 21));
            assertThat(NetTestKit.values(e, "eth.dst.oui_resolved")).containsExactly(vendor);
        }
    }

    /**
     * Wireshark looks up well-known ranges longer than 24 bits before the vendor: 00:00:5e:00:01:de is VRRP's
     * (wka 00-00-5E-00-01-00/40), not the OUI 00:00:5e's owner (ICANN), as tshark's {@code -V} shows it; and a
     * shorter range is found under a longer mask, as tshark's IPv6mcast_01.
     */
    @Test
    void aWellKnownRangeLongerThanTheVendorPrefixWins() throws java.io.IOException {
        java.nio.file.Path wka = java.nio.file.Path.of(System.getProperty("dissect4j.manuf.dir", "/usr/share/wireshark"), "wka");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(wka)
                && java.nio.file.Files.readString(wka).contains("IETF-VRRP-VRID"), "no Wireshark wka file here: skipped");
        Engine e = NetTestKit.engine();
        e.dissect(frame("00:00:5e:00:01:de", "02:00:00:77:00:02", 1));
        assertThat(NetTestKit.values(e, "eth.dst_resolved")).containsExactly("IETF-VRRP-VRID_de");
        // Wireshark 4.0 keys ranges by the masked address alone: IPv6mcast (/16) is found masked to 40 bits
        e.dissect(frame("33:33:00:00:00:01", "02:00:00:77:00:02", 2));
        assertThat(NetTestKit.values(e, "eth.dst_resolved")).containsExactly("IPv6mcast_01");
    }

    @Test
    void notWantedNothingIsComposed() {
        Engine e = Engine.builder().discover(false).plugin(new NetPlugin()).build();
        e.tree().want(e.field("eth.src"));
        e.dissect(frame("ff:ff:ff:ff:ff:ff", "02:00:00:77:00:02", 1));
        assertThat(NetTestKit.values(e, "eth.src")).containsExactly("02:00:00:77:00:02");
        assertThat(e.tree().first(e.field("eth.src_resolved"))).isNegative();
    }

    @Test
    void composingTheNamesAllocatesNothing() {
        List<Frame> frames = new ArrayList<>();
        String[] macs = {"ff:ff:ff:ff:ff:ff", "00:00:0c:12:34:56", "01:00:5e:00:00:fb", "33:33:00:00:00:01", "02:00:00:77:00:02"};
        for (int i = 0; i < macs.length; i++) {
            frames.add(frame(macs[i], macs[(i + 1) % macs.length], i + 1));
        }
        Engine e = NetTestKit.engine();
        e.columns(false);
        for (int round = 0; round < 5_000; round++) {
            run(e, frames);
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long allocated = Long.MAX_VALUE;
        long sink = 0;
        // the least of a few windows: a loaded machine's JIT may still be compiling in the first
        for (int window = 0; window < 5 && allocated >= 1024; window++) {
            long before = mx.getThreadAllocatedBytes(tid);
            for (int round = 0; round < 2_000; round++) {
                sink += run(e, frames);
            }
            allocated = Math.min(allocated, mx.getThreadAllocatedBytes(tid) - before);
        }
        assertThat(sink).isPositive();
        assertThat(allocated).as("bytes for %d frames", frames.size() * 2_000L).isLessThan(1024);
    }

    private static long run(Engine e, List<Frame> frames) {
        long n = 0;
        for (int i = 0, size = frames.size(); i < size; i++) {
            n += e.dissect(frames.get(i)).tree().size();
        }
        return n;
    }

    private static Frame frame(String dst, String src, long number) {
        return NetTestKit.frame(Pkt.eth(dst, src, 0x0806, ARP), 1, number, 1_700_000_000_000_000_000L + number);
    }
}
