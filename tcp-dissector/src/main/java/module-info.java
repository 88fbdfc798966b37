/**
 * The dissect4j TCP dissector: header and options, conversations, Wireshark's sequence analysis, and
 * stream reassembly offered to upper layers through {@link org.dissect4j.api.StreamReassembly}.
 */
module org.dissect4j.tcp {
    requires transitive org.dissect4j.api;

    exports org.dissect4j.tcp;

    provides org.dissect4j.api.DissectorPlugin with org.dissect4j.tcp.TcpPlugin;
}
