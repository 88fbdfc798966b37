package org.dissect4j.tunnel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Settings;
import org.dissect4j.dns.DnsPlugin;
import org.dissect4j.net.NetPlugin;
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.testkit.Runner;
import org.dissect4j.tunnel.ayiya.AyiyaPlugin;
import org.dissect4j.tunnel.erspan.ErspanPlugin;
import org.dissect4j.tunnel.geneve.GenevePlugin;
import org.dissect4j.tunnel.gtp.GtpPlugin;
import org.dissect4j.tunnel.mpls.MplsPlugin;
import org.dissect4j.tunnel.ppp.PppPlugin;
import org.dissect4j.tunnel.teredo.TeredoPlugin;
import org.dissect4j.tunnel.vxlan.VxlanPlugin;

/** What the module's tests share: an engine with every tunnel over the real link, IP, UDP, TCP and DNS dissectors. */
public final class TunnelTestKit {
    /** The protocols of this module, as frame.protocols names them. */
    public static final List<String> PROTOCOLS = List.of("vxlan", "geneve", "mpls", "pwach", "erspan", "teredo", "gtp", "gtpv2",
            "ppp", "lcp", "ipcp", "pap", "ayiya");

    private TunnelTestKit() {
    }

    /** The plugins of this module. */
    public static DissectorPlugin[] tunnels() {
        return new DissectorPlugin[] {new VxlanPlugin(), new GenevePlugin(), new MplsPlugin(), new ErspanPlugin(),
            new TeredoPlugin(), new GtpPlugin(), new PppPlugin(), new AyiyaPlugin()};
    }

    /** A runner with net, tcp, dns and every tunnel. */
    public static Runner runner() {
        return runner(new Settings());
    }

    /** A runner with net, tcp, dns and every tunnel, with these preferences. */
    public static Runner runner(Settings settings) {
        DissectorPlugin[] t = tunnels();
        DissectorPlugin[] all = new DissectorPlugin[t.length + 3];
        all[0] = new NetPlugin();
        all[1] = new TcpPlugin();
        all[2] = new DnsPlugin();
        System.arraycopy(t, 0, all, 3, t.length);
        return new Runner(settings, all);
    }

    /** Whether a frame.protocols chain holds one of this module's protocols. */
    public static boolean tunnelled(String chain) {
        for (String p : chain.split(":")) {
            if (PROTOCOLS.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** A capture of src/test/resources/captures by its name there. */
    public static Path capture(String name) throws Exception {
        return Path.of(TunnelTestKit.class.getResource("/captures/" + name).toURI());
    }

    /** Every capture with a golden under src/test/resources/captures. */
    public static List<Path> captures() throws Exception {
        Path dir = capture("");
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> Files.exists(p.resolveSibling(p.getFileName() + ".fields.tsv"))).sorted().toList();
        }
    }
}
