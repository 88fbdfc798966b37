/** Link- and network-layer dissectors: frame, Ethernet, VLAN, SLL, null, raw IP, ARP, IPv4, IPv6, ICMP, ICMPv6, GRE, UDP. */
module org.dissect4j.net {
    requires transitive org.dissect4j.api;

    exports org.dissect4j.net;

    provides org.dissect4j.api.DissectorPlugin with org.dissect4j.net.NetPlugin;
}
