package org.dissect4j.tls;

import static org.dissect4j.tls.TlsVectors.bytes;
import static org.dissect4j.tls.TlsVectors.vector;

import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * Certificate (1.2 and 1.3 forms, per-entry extensions), CertificateRequest (1.2 types, signature algorithms and
 * distinguished names; 1.3 context and extensions), CertificateStatus and CompressedCertificate; certificates and
 * names are decoded by {@link X509Decoder} only when something wants them.
 */
final class TlsCertificateMessages {
    private final TlsDissector tls;
    private final TlsExtensions extensions;
    final X509Decoder x509 = new X509Decoder();

    TlsCertificateMessages(TlsDissector tls, TlsExtensions extensions) {
        this.tls = tls;
        this.extensions = extensions;
    }

    void certificate(Packet p, TlsSession s, int at, int end) {
        Tree t = p.tree();
        boolean tls13 = s.version == TlsWire.TLS13;
        boolean decode = X509Decoder.wanted(t, tls.frameProtocols(p));
        if (tls13) {
            int ctx = vector(p, at, end, TlsFields.CERT_REQUEST_CONTEXT_LEN, 1, 0, 0xff);
            if (ctx < 0) {
                return;
            }
            at++;
            if (ctx > 0) {
                bytes(p, TlsFields.CERT_REQUEST_CONTEXT, at, ctx);
                at += ctx;
            }
        }
        int listLength = vector(p, at, end, TlsFields.CERTIFICATES_LEN, 3, 0, 0xffffff);
        if (listLength < 0) {
            return;
        }
        at += 3;
        int next = at + listLength;
        boolean opened = listLength > 0;
        if (opened) {
            t.open(TlsFields.CERTIFICATES, at, listLength);
        }
        while (at < next) {
            int certLength = vector(p, at, next, TlsFields.CERTIFICATE_LEN, 3, 1, 0xffffff);
            if (certLength < 0) {
                break;
            }
            at += 3;
            p.require(at, certLength);
            t.open(TlsFields.CERTIFICATE, at, certLength);
            if (decode) {
                x509.certificate(p, at, certLength);
            }
            t.close();
            at += certLength;
            if (tls13) {
                // Per-entry extensions: Extension extensions<0..2^16-1>.
                int extsLength = next - at >= 2 ? p.u16(at) : 0;
                extensions.extensions(p, s, at, Math.min(next, at + 2 + extsLength), TlsWire.HS_CERTIFICATE, false);
                at = Math.min(next, at + 2 + extsLength);
            }
        }
        if (opened) {
            t.close();
        }
    }

    void certificateRequest(Packet p, TlsSession s, int at, int end) {
        Tree t = p.tree();
        boolean tls13 = s.version == TlsWire.TLS13;
        if (tls13) {
            int ctx = vector(p, at, end, TlsFields.CERT_REQUEST_CONTEXT_LEN, 1, 0, 0xff);
            if (ctx < 0) {
                return;
            }
            at++;
            if (ctx > 0) {
                bytes(p, TlsFields.CERT_REQUEST_CONTEXT, at, ctx);
                at += ctx;
            }
            extensions.extensions(p, s, at, end, TlsWire.HS_CERTIFICATE_REQUEST, false);
            return;
        }
        int types = vector(p, at, end, TlsFields.CERT_TYPES_COUNT, 1, 1, 0xff);
        if (types < 0) {
            return;
        }
        at++;
        int next = at + types;
        t.open(TlsFields.CERT_TYPES, at, types);
        while (at < next) {
            t.addUint(TlsFields.CERT_TYPE, at, 1, p.u8(at));
            at++;
        }
        t.close();
        if (s.version == TlsWire.TLS12 || s.version == TlsWire.DTLS12) {
            at = extensions.sigHashAlgs(p, at, end, false);
        }
        int dnames = vector(p, at, end, TlsFields.DNAMES_LEN, 2, 0, 0xffff);
        if (dnames < 0) {
            return;
        }
        at += 2;
        next = at + dnames;
        boolean decode = X509Decoder.wanted(t, tls.frameProtocols(p));
        if (dnames > 0) {
            t.open(TlsFields.DNAMES, at, dnames);
            while (at < next) {
                int n = vector(p, at, next, TlsFields.DNAME_LEN, 2, 1, 0xffff);
                if (n < 0) {
                    break;
                }
                at += 2;
                p.require(at, n);
                // as tshark, the item covers the Name's content (the x509if dissector's), not the DER header
                long seq = Der.tlv(p.segment(), p.base(), at, at + n);
                boolean der = seq >= 0 && Der.tag(seq) == Der.SEQUENCE;
                t.open(TlsFields.DNAME, der ? at + Der.hdr(seq) : at, der ? Der.len(seq) : n);
                if (decode) {
                    x509.distinguishedName(p, at, n);
                }
                t.close();
                at += n;
            }
            t.close();
        }
    }

    /**
     * CertificateStatus (RFC 6066 §8), also the body of a TLS 1.3 CertificateEntry's status_request extension: the
     * type and, for ocsp, the response's length; the response goes to whoever {@link #statusTypes} names for the
     * type (OCSP's plugin), as tshark hands it to its OCSP decoder. {@code statusTypes}: the
     * {@code tls.certificate_status} table, dissectors of a stapled status by CertificateStatusType.
     */
    static void certificateStatus(Packet p, int at, int end, DissectorTable statusTypes) {
        Tree t = p.tree();
        int type = p.u8(at);
        t.addUint(TlsFields.CERT_STATUS_TYPE, at, 1, type);
        if (type == 1) {
            int n = p.u24(at + 1);
            t.addUint(TlsFields.OCSP_RESPONSE_LEN, at + 1, 3, n);
            if (statusTypes != null && n > 0) {
                p.callTable(statusTypes, type, at + 4, Math.min(n, end - at - 4));
            }
        }
    }

    /** RFC 8879 CompressedCertificate: the algorithm, the uncompressed length and the compressed bytes. */
    static void compressedCertificate(Packet p, int body, int end) {
        Tree t = p.tree();
        t.addUint(TlsFields.COMPRESS_CERT_ALG, body, 2, p.u16(body));
        t.addUint(TlsFields.COMPRESS_CERT_UNCOMPRESSED_LEN, body + 2, 3, p.u24(body + 2));
        int n = vector(p, body + 5, end, TlsFields.COMPRESS_CERT_MSG_LEN, 3, 1, 0xffffff);
        if (n >= 0) {
            bytes(p, TlsFields.COMPRESS_CERT_MSG, body + 8, n);
        }
    }
}
