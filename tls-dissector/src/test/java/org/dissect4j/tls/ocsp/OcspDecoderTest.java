package org.dissect4j.tls.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.util.Random;

import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Registrar;
import org.dissect4j.api.Settings;
import org.dissect4j.api.Tree;
import org.dissect4j.tls.TlsPlugin;
import org.dissect4j.testkit.Allocation;
import org.dissect4j.testkit.Feed;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/**
 * OCSP requests and responses built in code, decoded directly by {@link OcspDecoder} (a test root dissector hands
 * the whole frame to it): known answers for every part of the grammar, and hostile DER (every captured length,
 * every length octet rewritten, deep nesting, random corruption), which must end in the {@code ocsp.malformed}
 * expert item or a clean stop, never a dissector bug, and record a bounded number of nodes.
 */
class OcspDecoderTest {
    /** First byte of a test frame: 'Q' a request follows, anything else a response. */
    private static final int REQUEST_MARK = 'Q';

    /** The test's root dissector: the frame holds one OCSP structure after a one-byte kind mark. */
    static final class Root implements DissectorPlugin {
        private final OcspDecoder decoder = new OcspDecoder();

        @Override
        public int apiVersion() {
            return DissectorPlugin.API_VERSION;
        }

        @Override
        public String name() {
            return "ocsp-test-root";
        }

        @Override
        public void register(Registrar r) {
            r.dissector("frame", null, (p, off, len) -> {
                if (p.u8(off) == REQUEST_MARK) {
                    decoder.request(p, off + 1, len - 1);
                } else {
                    decoder.response(p, off + 1, len - 1);
                }
                return len;
            });
        }

        @Override
        public void handoff(Registrar r) {
        }
    }

    private final Runner runner = new Runner(new Settings(), new TlsPlugin(), new OcspPlugin(), new Root());
    private final Feed feed = new Feed(runner.engine());

    // ---- DER building ----

    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] b : parts) {
            body.writeBytes(b);
        }
        int n = body.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    static byte[] oid(String dotted) {
        return tlv(0x06, org.dissect4j.tls.Der.oid(dotted));
    }

    static byte[] time(String generalized) {
        return tlv(0x18, generalized.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    static byte[] fill(int n, int v) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }

    static byte[] sha1Alg() {
        return tlv(0x30, oid("1.3.14.3.2.26"), tlv(0x05));
    }

    static byte[] certId(int serial) {
        return tlv(0x30, sha1Alg(), tlv(0x04, fill(20, 0x11)), tlv(0x04, fill(20, 0x22)), tlv(0x02, bytes(0x01, serial)));
    }

    static byte[] nonceExtension() {
        return tlv(0x30, tlv(0x30, oid(OcspNames.NONCE), tlv(0x04, tlv(0x04, fill(16, 0x5a)))));
    }

    static byte[] name() {
        return tlv(0x30, tlv(0x31, tlv(0x30, oid("2.5.4.3"), tlv(0x13, "Test Responder".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII)))));
    }

    /** A response: byName responder, a good and a revoked (superseded) status, nonce extensions, one (junk) cert. */
    static byte[] response() {
        byte[] good = tlv(0x30, certId(1), tlv(0x80), time("20150618220334Z"), tlv(0xa0, time("20150620100334Z")),
                tlv(0xa1, nonceExtension()));
        byte[] revoked = tlv(0x30, certId(2), tlv(0xa1, time("20150514145849Z"), tlv(0xa0, tlv(0x0a, bytes(4)))),
                time("20150707162834Z"));
        byte[] tbs = tlv(0x30, tlv(0xa0, tlv(0x02, bytes(0))), tlv(0xa1, name()), time("20150618220334Z"),
                tlv(0x30, good, revoked), tlv(0xa1, nonceExtension()));
        byte[] sigAlg = tlv(0x30, oid("1.2.840.113549.1.1.11"), tlv(0x05));
        byte[] cert = tlv(0x30, tlv(0x30, tlv(0x02, bytes(1))), sigAlg, tlv(0x03, bytes(0, 1, 2)));
        byte[] basic = tlv(0x30, tbs, sigAlg, tlv(0x03, bytes(0), fill(64, 0xab)), tlv(0xa0, tlv(0x30, cert)));
        return tlv(0x30, tlv(0x0a, bytes(0)), tlv(0xa0, tlv(0x30, oid(OcspNames.BASIC), tlv(0x04, basic))));
    }

    /** A request: requestorName (dNSName), two requests (one with a single-request extension), nonce, signature. */
    static byte[] request() {
        byte[] one = tlv(0x30, certId(1));
        byte[] two = tlv(0x30, certId(2), tlv(0xa0, nonceExtension()));
        byte[] tbs = tlv(0x30, tlv(0xa1, tlv(0x82, "ocsp.test".getBytes(java.nio.charset.StandardCharsets.US_ASCII))),
                tlv(0x30, one, two), tlv(0xa2, nonceExtension()));
        byte[] sig = tlv(0x30, tlv(0x30, oid("1.2.840.113549.1.1.5")), tlv(0x03, bytes(0), fill(8, 0xcd)));
        return tlv(0x30, tbs, tlv(0xa0, sig));
    }

    static byte[] frame(int mark, byte[] der) {
        byte[] f = new byte[der.length + 1];
        f[0] = (byte) mark;
        System.arraycopy(der, 0, f, 1, der.length);
        return f;
    }

    private String field(Packet p, String name) {
        return runner.render(p, name);
    }

    private static boolean bug(Packet p) {
        Tree t = p.tree();
        for (int i = 0; i < t.expertCount(); i++) {
            if (t.expertOf(t.expertNode(i)).field().abbrev().equals("_ws.malformed.dissector_bug")) {
                return true;
            }
        }
        return false;
    }

    private static boolean malformed(Packet p) {
        Tree t = p.tree();
        for (int i = 0; i < t.expertCount(); i++) {
            if (t.expertOf(t.expertNode(i)).field().abbrev().equals("ocsp.malformed")) {
                return true;
            }
        }
        return false;
    }

    // ---- known answers ----

    @Test
    void responseKnownAnswers() {
        Packet p = feed.next(frame('R', response()));
        assertThat(bug(p) || malformed(p)).isFalse();
        assertThat(field(p, "ocsp.responseStatus")).isEqualTo("0");
        assertThat(field(p, "ocsp.responseType.id")).isEqualTo(OcspNames.BASIC);
        assertThat(field(p, "ocsp.version")).isEqualTo("0");
        assertThat(field(p, "ocsp.responderID")).isEqualTo("1");
        assertThat(field(p, "x509sat.printableString")).isEqualTo("Test Responder");
        assertThat(field(p, "ocsp.responses")).isEqualTo("2");
        assertThat(field(p, "ocsp.certStatus")).isEqualTo("0,1");
        assertThat(field(p, "ocsp.good_element")).isEqualTo("1");
        assertThat(field(p, "ocsp.revocationReason")).isEqualTo("4");
        assertThat(field(p, "ocsp.serialNumber")).isEqualTo("0101,0102");
        assertThat(field(p, "ocsp.issuerNameHash")).startsWith("1111");
        // local time, as tshark's: the zone decides the text, the year is 2015 in every zone
        assertThat(field(p, "ocsp.thisUpdate").split(",")).hasSize(4).allMatch(s -> !s.isEmpty());
        assertThat(field(p, "ocsp.nextUpdate")).contains("2015");
        assertThat(field(p, "ocsp.revocationTime")).contains("2015");
        assertThat(field(p, "ocsp.singleExtensions")).isEqualTo("1");
        assertThat(field(p, "ocsp.responseExtensions")).isEqualTo("1");
        assertThat(field(p, "pkix1explicit.id")).isEqualTo(OcspNames.NONCE + "," + OcspNames.NONCE);
        assertThat(field(p, "ocsp.ReOcspNonce")).startsWith("5a5a");
        assertThat(field(p, "x509af.algorithm.id")).contains("1.3.14.3.2.26", "1.2.840.113549.1.1.11");
        assertThat(field(p, "ber.bitstring.padding")).isEqualTo("0");
        assertThat(field(p, "ocsp.signature")).hasSize(128);
        assertThat(field(p, "ocsp.certs")).isEqualTo("1");
        assertThat(field(p, "ocsp.Certificate_element")).isEqualTo("1");
        // the BasicOCSPResponse and each nonce are handed on by OID in tshark: ocsp again in frame.protocols
        assertThat(field(p, "frame.protocols")).startsWith("ocsp:x509sat:ocsp:ocsp");
    }

    @Test
    void requestKnownAnswers() {
        Packet p = feed.next(frame(REQUEST_MARK, request()));
        assertThat(bug(p) || malformed(p)).isFalse();
        assertThat(field(p, "ocsp.tbsRequest_element")).isEqualTo("1");
        assertThat(field(p, "ocsp.requestorName")).isEqualTo("2");
        assertThat(field(p, "x509ce.dNSName")).isEqualTo("ocsp.test");
        assertThat(field(p, "ocsp.requestList")).isEqualTo("2");
        assertThat(field(p, "ocsp.serialNumber")).isEqualTo("0101,0102");
        assertThat(field(p, "ocsp.singleRequestExtensions")).isEqualTo("1");
        assertThat(field(p, "ocsp.requestExtensions")).isEqualTo("1");
        assertThat(field(p, "ocsp.optionalSignature_element")).isEqualTo("1");
        assertThat(field(p, "ocsp.signature")).isEqualTo("cdcdcdcdcdcdcdcd");
    }

    @Test
    void unsuccessfulResponseHasOnlyItsStatus() {
        Packet p = feed.next(frame('R', tlv(0x30, tlv(0x0a, bytes(6)))));
        assertThat(field(p, "ocsp.responseStatus")).isEqualTo("6");
        assertThat(field(p, "ocsp.responseBytes_element")).isEmpty();
        assertThat(malformed(p)).isFalse();
    }

    /** Decoding a response and a request with every field wanted allocates nothing per packet once warm. */
    @Test
    void decodingAllocatesNothing() {
        MemorySegment response = MemorySegment.ofArray(frame('R', response()));
        MemorySegment request = MemorySegment.ofArray(frame(REQUEST_MARK, request()));
        int n = (int) response.byteSize();
        int m = (int) request.byteSize();
        for (int i = 0; i < 20_000; i++) {
            feed.next(response, n, n, 1_000);
            feed.next(request, m, m, 1_000);
        }
        long before = Allocation.threadBytes();
        for (int i = 0; i < 2_000; i++) {
            feed.next(response, n, n, 1_000);
            feed.next(request, m, m, 1_000);
        }
        long perPacket = (Allocation.threadBytes() - before) / 4_000;
        assertThat(field(feed.next(response, n, n, 1_000), "ocsp.certStatus")).isEqualTo("0,1");
        assertThat(perPacket).isZero();
    }

    // ---- hostile DER ----

    /** Every captured length of both structures: a clean stop or the malformed item, no bug, bounded nodes. */
    @Test
    void everyCutIsBounded() {
        for (byte[] f : new byte[][] {frame('R', response()), frame(REQUEST_MARK, request())}) {
            for (int cut = 1; cut <= f.length; cut++) {
                Packet p = feed.next(f, cut, 1_000);
                assertThat(bug(p)).as("cut at %d", cut).isFalse();
                assertThat(p.tree().size()).as("cut at %d", cut).isLessThan(400);
            }
        }
    }

    /** Every byte replaced by length-like values (short, long-form, over-long, indefinite): no bug. */
    @Test
    void wrongLengthsNeverThrow() {
        for (boolean req : new boolean[] {false, true}) {
            byte[] der = req ? request() : response();
            int[] values = {0x00, 0x01, 0x7f, 0x80, 0x81, 0x82, 0x83, 0x84, 0xff};
            for (int i = 0; i < der.length; i++) {
                for (int v : values) {
                    byte[] d = der.clone();
                    d[i] = (byte) v;
                    Packet p = feed.next(frame(req ? REQUEST_MARK : 'R', d));
                    assertThat(bug(p)).as("byte %d = %02x", i, v).isFalse();
                }
            }
        }
    }

    /** 20,000 nested SEQUENCEs (and context tags): the walk has fixed depth, so it stops at the first wrong tag. */
    @Test
    void deepNestingIsBounded() {
        byte[] inner = tlv(0x05);
        for (int i = 0; i < 20_000; i++) {
            inner = nest(i % 2 == 0 ? 0x30 : 0xa0, inner);
        }
        for (int mark : new int[] {'R', REQUEST_MARK}) {
            Packet p = feed.next(frame(mark, inner));
            assertThat(bug(p)).isFalse();
            assertThat(malformed(p)).isTrue();
            assertThat(p.tree().size()).isLessThan(64);
        }
    }

    /** A TLV header with a 3-octet length (Der's bound): enough for 20,000 levels without building each level. */
    private static byte[] nest(int tag, byte[] content) {
        byte[] out = new byte[content.length + 5];
        out[0] = (byte) tag;
        out[1] = (byte) 0x83;
        out[2] = (byte) (content.length >> 16);
        out[3] = (byte) (content.length >> 8);
        out[4] = (byte) content.length;
        System.arraycopy(content, 0, out, 5, content.length);
        return out;
    }

    /** Random corruption of 1-8 bytes, 3,000 times per structure (fixed seed): no bug, bounded nodes. */
    @Test
    void randomCorruptionNeverThrows() {
        Random rnd = new Random(16);
        for (boolean req : new boolean[] {false, true}) {
            byte[] der = req ? request() : response();
            for (int n = 0; n < 3_000; n++) {
                byte[] d = der.clone();
                for (int k = rnd.nextInt(8) + 1; k > 0; k--) {
                    d[rnd.nextInt(d.length)] = (byte) rnd.nextInt(256);
                }
                Packet p = feed.next(frame(req ? REQUEST_MARK : 'R', d));
                assertThat(bug(p)).isFalse();
                assertThat(p.tree().size()).isLessThan(400);
            }
        }
    }
}
