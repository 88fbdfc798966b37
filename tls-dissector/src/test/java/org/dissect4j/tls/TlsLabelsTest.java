package org.dissect4j.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.tls.TlsStreams.alpn;
import static org.dissect4j.tls.TlsStreams.cat;
import static org.dissect4j.tls.TlsStreams.clientHello;
import static org.dissect4j.tls.TlsStreams.ext;
import static org.dissect4j.tls.TlsStreams.record;
import static org.dissect4j.tls.TlsStreams.u16s;
import static org.dissect4j.tls.TlsStreams.v16;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.Settings;
import org.dissect4j.api.Tree;
import org.dissect4j.api.TreeView;
import org.junit.jupiter.api.Test;

/**
 * The -V lines {@link TlsLabels} composes for a hand-built ClientHello, as tshark 4.0.17 prints them; and the rule
 * that a tree output (everything wanted) shows no field tshark 4.0 lacks unless it is named.
 */
class TlsLabelsTest {
    private static Engine hello(boolean nameJa4) {
        Engine e = TlsFingerprintTest.engine(new Settings());
        if (!nameJa4) {
            e.tree().clearWants();
            e.tree().wantAll(true);
        }
        byte[] exts = cat(ext(0x1a1a, new byte[0]), TlsStreams.sni("example.test"),
                ext(0x0033, v16(cat(u16s(0x001d), v16(TlsStreams.fill(32, 7))))),
                alpn("h2".getBytes(StandardCharsets.US_ASCII)),
                ext(0x000d, v16(u16s(0x0403, 0x0302, 0x0807))), ext(0x000a, v16(u16s(0x001d, 0x0017))));
        return TlsFingerprintTest.dissect(e, record(22, 0x0301, clientHello(new int[] {0x1301, 0xc02f}, exts)), 443);
    }

    private static List<String> labels(Engine e, Field f) {
        TreeView t = e.tree();
        List<String> out = new ArrayList<>();
        for (int n = t.first(f); n >= 0; n = t.next(n)) {
            out.add(t.label(n));
        }
        return out;
    }

    @Test
    void recordHandshakeAndListsAreLabelledAsTsharkDoes() {
        Engine e = hello(false);
        assertThat(labels(e, TlsFields.RECORD)).containsExactly("TLSv1 Record Layer: Handshake Protocol: Client Hello");
        assertThat(labels(e, TlsFields.HANDSHAKE)).containsExactly("Handshake Protocol: Client Hello");
        assertThat(labels(e, TlsFields.HS_CIPHER_SUITES)).containsExactly("Cipher Suites (2 suites)");
        assertThat(labels(e, TlsFields.HS_COMP_METHODS)).containsExactly("Compression Methods (1 method)");
        assertThat(labels(e, TlsFields.GROUPS)).containsExactly("Supported Groups (2 groups)");
        assertThat(labels(e, TlsFields.SIG_HASH_ALGS)).containsExactly("Signature Hash Algorithms (3 algorithms)");
        assertThat(labels(e, TlsFields.SIG_HASH_ALG)).containsExactly("Signature Algorithm: ecdsa_secp256r1_sha256 (0x0403)",
                "Signature Algorithm: SHA224 DSA (0x0302)", "Signature Algorithm: ed25519 (0x0807)");
        assertThat(labels(e, TlsFields.EXTENSION)).containsExactly("Extension: Reserved (GREASE) (len=0)",
                "Extension: server_name (len=17)", "Extension: key_share (len=38)",
                "Extension: application_layer_protocol_negotiation (len=5)", "Extension: signature_algorithms (len=8)",
                "Extension: supported_groups (len=6)");
        assertThat(labels(e, TlsFields.KEY_SHARE_ENTRY)).containsExactly("Key Share Entry: Group: x25519, Key Exchange length: 32");
        assertThat(labels(e, TlsFields.SNI_EXTENSION)).containsExactly("Server Name Indication extension");
    }

    @Test
    void subtreesNestAsTsharksDo() {
        Engine e = hello(false);
        TreeView t = e.tree();
        int sni = t.first(TlsFields.SNI);
        assertThat(t.field(t.parent(sni))).isEqualTo(TlsFields.SNI_EXTENSION);
        assertThat(t.field(t.parent(t.parent(sni)))).isEqualTo(TlsFields.EXTENSION);
        int group = t.first(TlsFields.KEY_SHARE_GROUP);
        assertThat(t.field(t.parent(group))).isEqualTo(TlsFields.KEY_SHARE_ENTRY);
        int ja3 = t.first(TlsFields.JA3);
        assertThat(t.flags(ja3) & Tree.GENERATED).isEqualTo(Tree.GENERATED);
        assertThat(TlsLabels.children(t, t.first(TlsFields.HS_CIPHER_SUITES))).isEqualTo(2);
    }

    @Test
    void fieldsTshark40LacksAreLeftOutOfTreesUnlessNamed() {
        assertThat(e(false).first(TlsFields.JA4)).isNegative();
        assertThat(e(false).first(TlsFields.JA3)).isNotNegative();
        assertThat(e(true).first(TlsFields.JA4)).isNotNegative();
    }

    private static TreeView e(boolean nameJa4) {
        return hello(nameJa4).tree();
    }

    @Test
    void durationsAreWordedAsWiresharkWordsThem() {
        assertThat(duration(7200)).isEqualTo("2 hours");
        assertThat(duration(90061)).isEqualTo("1 day, 1 hour, 1 minute, 1 second");
        assertThat(duration(0)).isEqualTo("0 seconds");
        assertThat(duration(172800 + 120)).isEqualTo("2 days, 2 minutes");
    }

    private static String duration(long secs) {
        StringBuilder sb = new StringBuilder();
        TlsLabels.duration(secs, sb);
        return sb.toString();
    }
}
