/** The dissect4j TLS/SSL dissector: records, handshake messages, extensions, certificates, resumption, JA3/JA4; DTLS. */
module org.dissect4j.tls {
    requires transitive org.dissect4j.api;
    // CamelliaEngine for CAMELLIA-CBC records (TlsCamelliaCbc): the JDK has no Camellia
    requires org.bouncycastle.provider;

    exports org.dissect4j.tls;
    exports org.dissect4j.tls.dtls;
    exports org.dissect4j.tls.ocsp;

    provides org.dissect4j.api.DissectorPlugin with org.dissect4j.tls.TlsPlugin, org.dissect4j.tls.dtls.DtlsPlugin,
            org.dissect4j.tls.ocsp.OcspPlugin;
}
