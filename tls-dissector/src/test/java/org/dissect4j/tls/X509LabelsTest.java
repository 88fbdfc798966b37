package org.dissect4j.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * The OID names and the label cut of {@link X509Oids} and {@link X509Labels}, as tshark 4.0.17 prints them in the
 * Zeek corpus's certificates (whole certificate trees are compared with the goldens by the CLI's VerboseSectionsTest).
 */
class X509LabelsTest {
    private static String name(String dotted) {
        StringBuilder out = new StringBuilder();
        X509Oids.appendName(dotted, out);
        return out.toString();
    }

    @Test
    void registeredOidsHaveTheirNames() {
        assertThat(name("2.5.4.3")).isEqualTo("id-at-commonName");
        assertThat(name("2.5.29.35")).isEqualTo("id-ce-authorityKeyIdentifier");
        assertThat(name("1.2.840.113549.1.1.11")).isEqualTo("sha256WithRSAEncryption");
        assertThat(name("1.3.6.1.5.5.7.48.2")).isEqualTo("id-ad-caIssuers");
        assertThat(name("2.16.840.1.113730.1.13")).isEqualTo("ns_cert_exts.comment");
    }

    @Test
    void anUnregisteredOidIsItsNearestNamedArcAndTheRest() {
        assertThat(name("1.3.6.1.4.1.11129.2.5.1")).isEqualTo("iso.3.6.1.4.1.11129.2.5.1");
        assertThat(name("2.16.840.1.113733.1.7.54")).isEqualTo("US company arc.113733.1.7.54");
        assertThat(name("2.16.840.1.101.3.4.3.17")).isEqualTo("sigAlgs.17");
        assertThat(name("2.23.140.1.2.1")).isEqualTo("joint-iso-itu-t.23.140.1.2.1");
        assertThat(name("1.3.6.1.5.5.7.48.1.99")).isEqualTo("id-ad-ocsp.99");
    }

    @Test
    void aComposedLabelIsCutAt239BytesOfUtf8() {
        StringBuilder out = new StringBuilder("x: ");
        out.append("ab".repeat(40)).append('…').append(" (").append("c".repeat(200)).append(')');
        X509Labels.cutToLabelBytes(out, 0);
        assertThat(out.toString().getBytes(StandardCharsets.UTF_8)).hasSize(239);
        assertThat(out.toString()).startsWith("x: abab").contains("… (ccc");

        StringBuilder shortLabel = new StringBuilder("Certificate: 30…");
        X509Labels.cutToLabelBytes(shortLabel, 0);
        assertThat(shortLabel.toString()).isEqualTo("Certificate: 30…");
    }
}
