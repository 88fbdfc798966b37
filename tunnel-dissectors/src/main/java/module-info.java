/**
 * The dissect4j tunnel dissectors: VXLAN, Geneve, MPLS (with the PW associated channel and control word),
 * ERSPAN, Teredo, GTP (v1-U, v1-C and v2 headers) and PPP (as PPTP's enhanced GRE carries it, with LCP, IPCP
 * and PAP basics), SOCKS 4/4a/5 over TCP and AYIYA over UDP. One plugin per protocol, each in its own package.
 */
module org.dissect4j.tunnel {
    requires transitive org.dissect4j.api;

    provides org.dissect4j.api.DissectorPlugin with
            org.dissect4j.tunnel.vxlan.VxlanPlugin,
            org.dissect4j.tunnel.geneve.GenevePlugin,
            org.dissect4j.tunnel.mpls.MplsPlugin,
            org.dissect4j.tunnel.erspan.ErspanPlugin,
            org.dissect4j.tunnel.teredo.TeredoPlugin,
            org.dissect4j.tunnel.gtp.GtpPlugin,
            org.dissect4j.tunnel.ppp.PppPlugin,
            org.dissect4j.tunnel.socks.SocksPlugin,
            org.dissect4j.tunnel.ayiya.AyiyaPlugin;
}
