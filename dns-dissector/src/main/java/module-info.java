/** The dissect4j DNS dissector: DNS over UDP and TCP, mDNS and LLMNR, with request/response matching. */
module org.dissect4j.dns {
    requires transitive org.dissect4j.api;

    exports org.dissect4j.dns;

    provides org.dissect4j.api.DissectorPlugin with org.dissect4j.dns.DnsPlugin;
}
