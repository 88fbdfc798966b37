package org.dissect4j.tls.ocsp;

import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.tls.X509Parts;

/**
 * OCSP's entry points, as tshark 4.0's {@code ocsp}: the bodies HTTP hands on by media type
 * ({@code application/ocsp-request}, {@code application/ocsp-response}: the protocol's subtree, Protocol column
 * {@code OCSP}, Info {@code Request} or {@code Response}), and the response a TLS CertificateStatus message staples
 * (an {@code OCSP Response} item under the handshake message, with no column and no {@code frame.protocols} entry
 * of its own, as tshark calls its OCSPResponse decoder directly there).
 */
final class OcspDissector {
    private static final String STAPLED_LABEL = "OCSP Response";

    private final OcspDecoder decoder = new OcspDecoder();
    /** frame.protocols, looked up once: a stapled response is decoded when it, or an OCSP or X.509 item, is wanted. */
    private Field frameProtocols;
    private boolean frameProtocolsResolved;

    int request(Packet p, int offset, int length) {
        Tree t = p.tree();
        t.open(OcspFields.OCSP.field(), offset, length);
        decoder.request(p, offset, length);
        t.close();
        if (p.columns()) {
            p.clearInfo().append("Request");
        }
        return length;
    }

    int response(Packet p, int offset, int length) {
        Tree t = p.tree();
        t.open(OcspFields.OCSP.field(), offset, length);
        decoder.response(p, offset, length);
        t.close();
        if (p.columns()) {
            p.clearInfo().append("Response");
        }
        return length;
    }

    /** A CertificateStatus's OCSPResponse (RFC 6066 §8): TLS hands on the response's bytes, after its length. */
    int stapled(Packet p, int offset, int length) {
        if (length <= 0) {
            return 0;
        }
        Tree t = p.tree();
        if (!frameProtocolsResolved) {
            frameProtocols = p.engine().findField("frame.protocols").orElse(null);
            frameProtocolsResolved = true;
        }
        if (!t.wantsAnyOf(OcspFields.OCSP) && !X509Parts.wanted(t, frameProtocols)) {
            return length;
        }
        int node = t.open(OcspFields.OCSP.field(), offset, length);
        if (t.wantsLabels()) {
            t.setLabel(node, STAPLED_LABEL);
        }
        decoder.response(p, offset, length);
        t.close();
        return length;
    }
}
