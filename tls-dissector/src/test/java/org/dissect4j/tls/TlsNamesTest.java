package org.dissect4j.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.dissect4j.api.ValueNames;
import org.junit.jupiter.api.Test;

/** The SSL 2.0 cipher-spec table, which borrows its TLS names, still names what tshark 4.0.17 names. */
class TlsNamesTest {
    @Test
    void ssl2CipherSpecsAreTsharksTable() {
        ValueNames specs = TlsNames.SSL2_CIPHER_SPECS;
        // tshark -G values lists 274 SSL 2.0 cipher specs
        assertThat(specs.size()).isEqualTo(274);
        assertThat(specs.name(0x0)).isEqualTo("TLS_NULL_WITH_NULL_NULL");
        assertThat(specs.name(0x4)).isEqualTo("TLS_RSA_WITH_RC4_128_MD5");
        assertThat(specs.name(0x4c)).isEqualTo("TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA");
        assertThat(specs.name(0xff)).isEqualTo("TLS_EMPTY_RENEGOTIATION_INFO_SCSV");
        assertThat(specs.name(0xc02f)).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(specs.name(0xffe1)).isEqualTo("SSL_RSA_FIPS_WITH_DES_CBC_SHA");
        assertThat(specs.name(0x700c0)).isEqualTo("SSL2_DES_192_EDE3_CBC_WITH_MD5");
        // not in tshark's SSL 2.0 table: TLS 1.3 suites, GREASE, ARIA
        assertThat(specs.name(0x1301)).isNull();
        assertThat(specs.name(0x0a0a)).isNull();
        assertThat(specs.name(0xc03c)).isNull();
    }
}
