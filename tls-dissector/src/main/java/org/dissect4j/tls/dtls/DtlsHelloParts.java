package org.dissect4j.tls.dtls;

import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.tls.TlsHandshakeCode;

/**
 * DTLS's parts of the hellos, called from TLS's hello code (under the DTLS aliases): the cookie vector of the
 * ClientHello and HelloVerifyRequest (RFC 6347 §4.2.1), and the {@code use_srtp} extension of DTLS-SRTP (RFC 5764
 * §4.1.1), Wireshark 4.0's {@code dtls_dissect_hnd_hello_ext_use_srtp}.
 *
 * <pre>
 * opaque cookie&lt;0..2^8-1&gt;;
 * struct { SRTPProtectionProfile SRTPProtectionProfiles&lt;2..2^16-1&gt;; opaque srtp_mki&lt;0..255&gt;; } UseSRTPData;
 * </pre>
 */
final class DtlsHelloParts implements TlsHandshakeCode.Datagram {
    /** Wireshark's cookie vector bound (RFC 4347's 32 bytes; RFC 6347 allows 255). */
    private static final int MAX_COOKIE = 32;

    @Override
    public int cookie(Packet p, int at, int end) {
        Tree t = p.tree();
        int n = p.u8(at);
        t.addUint(DtlsFields.COOKIE_LENGTH, at, 1, n);
        if (n > MAX_COOKIE || at + 1 + n > end) {
            // Wireshark's ssl_add_vector refuses the vector: what follows is not dissected
            return end;
        }
        if (n > 0) {
            p.require(at + 1, n);
            t.add(DtlsFields.COOKIE, at + 1, n);
        }
        return at + 1 + n;
    }

    @Override
    public int useSrtp(Packet p, int at, int end) {
        Tree t = p.tree();
        if (end - at < 2) {
            return end;
        }
        int profilesLength = p.u16(at);
        t.addUint(DtlsFields.SRTP_PROFILES_LENGTH, at, 2, profilesLength);
        if (profilesLength > end - at - 2) {
            DtlsExpert.add(p, DtlsExpert.SRTP_PROFILES_LENGTH, at, 2);
            profilesLength = end - at - 2;
        }
        at += 2;
        int profilesEnd = at + profilesLength;
        for (; at < profilesEnd; at += 2) {
            t.addUint(DtlsFields.SRTP_PROFILE, at, 2, p.u16(at));
        }
        int mki = p.u8(at);
        t.addUint(DtlsFields.SRTP_MKI_LENGTH, at, 1, mki);
        at++;
        if (mki > 0) {
            p.require(at, mki);
            t.add(DtlsFields.SRTP_MKI, at, mki);
            at += mki;
        }
        return at;
    }
}
