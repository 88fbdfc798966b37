package org.dissect4j.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.dissect4j.testkit.Captures;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/**
 * Decode As reaches the tunnels by their names, and a changed UDP port wins over a registered one as in tshark
 * 4.0.17: {@code tshark -r tunnels.pcap -d udp.port==50002,vxlan} shows frame 2 (UDP 50002 -> 6081, Geneve by its
 * port) as VXLAN, {@code eth:ethertype:ip:udp:vxlan:eth:llc} with VNI 703710, and leaves frame 1 as it was.
 */
class TunnelDecodeAsTest {
    @Test
    void aDecodeAsPortWinsOverTheRegisteredLowerPort() throws Exception {
        Runner r = TunnelTestKit.runner();
        r.engine().decodeAs("udp.port", "50002", "vxlan");
        List<String[]> rows = r.run(Captures.read(TunnelTestKit.capture("tunnels.pcap")).subList(0, 2),
                List.of("frame.protocols", "vxlan.vni"));
        assertThat(rows.get(0)).containsExactly("eth:ethertype:ip:udp:vxlan:eth:ethertype:ip:udp:dns", "4660");
        assertThat(rows.get(1)).containsExactly("eth:ethertype:ip:udp:vxlan:eth:llc", "703710");
    }
}
