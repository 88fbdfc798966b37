package org.dissect4j.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Settings;
import org.junit.jupiter.api.Test;

/**
 * Every field the TLS plugin registers has the name, type and (for integers) base of the Wireshark 4.0.17 field of
 * that name ({@code tshark -G fields}, snapshot in {@code tshark-4.0.17-fields.tsv}), except the documented
 * fields of our own and of Wireshark 4.2 (JA4).
 */
class TlsFieldsTest {
    static final Set<String> OURS = Set.of("tls.handshake.ja4", "tls.handshake.ja4_r", "tls.resumption.offered",
            "tls.resumption_method", "tls.resumption.origin_frame", "tls.resumption.refused", "tls.x509.subject",
            "tls.x509.issuer", "tls.x509.not_before", "tls.x509.not_after", "tls.x509.san",
            "tls.x509.signature_algorithm", "tls.handshake.reassembly_limit", "tls.x509.malformed");

    @Test
    void fieldsAreWiresharks() throws Exception {
        Map<String, String[]> tshark = new HashMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/tshark-4.0.17-fields.tsv"))) {
            String[] c = line.split("\t", -1);
            tshark.put(c[0], c);
        }
        Engine e = TlsFingerprintTest.engine(new Settings());
        List<String> bad = new ArrayList<>();
        int checked = 0;
        Map<String, Boolean> nameMatches = new HashMap<>();
        for (Field f : e.fields()) {
            Protocol p = e.protocolOf(f);
            if (p == null || !(p == TlsFields.TLS || p.filterName().startsWith("x509")) || f.type().name().equals("PROTOCOL")) {
                continue;
            }
            String[] w = tshark.get(f.abbrev());
            if (w == null) {
                if (!OURS.contains(f.abbrev())) {
                    bad.add(f.abbrev() + ": not a Wireshark 4.0 field and not documented as ours");
                }
                continue;
            }
            checked++;
            boolean typeOk = w[1].equals(f.type().wiresharkName());
            boolean baseOk = !f.type().isInteger() || f.type().name().equals("BOOLEAN") || f.type().name().equals("FRAMENUM")
                    || w[2].equals(f.base().wiresharkName());
            nameMatches.merge(f.abbrev(), typeOk && baseOk, Boolean::logicalOr);
        }
        nameMatches.forEach((name, ok) -> {
            if (!ok) {
                bad.add(name + ": tshark has " + String.join(" ", tshark.get(name)));
            }
        });
        System.out.println("fields checked against tshark: " + checked);
        assertThat(bad).isEmpty();
        assertThat(checked).isGreaterThan(200);
    }
}
