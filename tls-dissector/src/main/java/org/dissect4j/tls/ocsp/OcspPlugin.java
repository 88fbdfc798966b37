package org.dissect4j.tls.ocsp;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Registrar;

/**
 * Registers OCSP (RFC 6960): the {@code ocsp} protocol and its fields, the {@code pkix1explicit} Extension items its
 * extensions use (BER's bit-string padding is the X.509 decoder's field, registered by TLS); the request and response
 * dissectors in HTTP's {@code media_type} table ({@code application/ocsp-request}, {@code application/ocsp-response},
 * as Wireshark 4.0) and the stapled response in TLS's {@code tls.certificate_status} table (status type 1, ocsp).
 * Both wirings are optional, so OCSP loads in an engine without HTTP or TLS.
 */
public final class OcspPlugin implements DissectorPlugin {
    /** CertificateStatusType ocsp (RFC 6066 §8). */
    private static final int STATUS_TYPE_OCSP = 1;

    private final OcspDissector ocsp = new OcspDissector();
    private DissectorHandle request;
    private DissectorHandle response;
    private DissectorHandle stapled;

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "ocsp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(OcspFields.OCSP, OcspFields.ocsp());
        r.fields(OcspFields.pkix1explicit());
        r.experts(OcspFields.MALFORMED);
        request = r.dissector("ocsp_request", OcspFields.OCSP, ocsp::request);
        response = r.dissector("ocsp_response", OcspFields.OCSP, ocsp::response);
        // no protocol of its own: TLS's "OCSP Response" item sits under the handshake message, outside frame.protocols
        stapled = r.dissector("ocsp_tls_status", null, ocsp::stapled);
    }

    @Override
    public void handoff(Registrar r) {
        r.findTable("media_type").ifPresent(t -> {
            t.add("application/ocsp-request", request);
            t.add("application/ocsp-response", response);
        });
        r.findTable("tls.certificate_status").ifPresent(t -> t.add(STATUS_TYPE_OCSP, stapled));
    }
}
