package org.dissect4j.tls;

import static org.dissect4j.tls.TlsVectors.bytes;
import static org.dissect4j.tls.TlsVectors.vector;

import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The extensions that list application protocols besides ALPN: Next Protocol Negotiation (draft-agl-tls-nextprotoneg)
 * and ALPS (draft-vvv-tls-alps, Chrome's application_settings). They only show protocol names, so, unlike ALPN, they
 * keep no session state.
 */
final class TlsProtocolLists {
    private TlsProtocolLists() {
    }

    /** next_protocol_negotiation: empty in a ClientHello (nothing shown), else the server's protocols. */
    static int npn(Packet p, int at, int end) {
        if (at == end) {
            return at;
        }
        Tree t = p.tree();
        t.open(TlsFields.NPN_EXTENSION, at, end - at);
        at = names(p, at, end, TlsFields.NPN_STR_LEN, TlsFields.NPN_STR);
        t.close();
        return at;
    }

    /** application_settings: the ALPN names a ClientHello has settings for; the settings in EncryptedExtensions. */
    static int alps(Packet p, int at, int end, int len, int hsType) {
        if (hsType == TlsWire.HS_ENCRYPTED_EXTENSIONS) {
            bytes(p, TlsFields.ALPS_SETTINGS, at, len);
            return end;
        }
        if (hsType != TlsWire.HS_CLIENT_HELLO) {
            bytes(p, TlsFields.EXT_DATA, at, len);
            return end;
        }
        int n = vector(p, at, end, TlsFields.ALPS_LEN, 2, 2, 0xffff);
        if (n < 0) {
            return end;
        }
        at += 2;
        Tree t = p.tree();
        t.open(TlsFields.ALPS_ALPN_LIST, at, n);
        at = names(p, at, at + n, TlsFields.ALPS_ALPN_STR_LEN, TlsFields.ALPS_ALPN_STR);
        t.close();
        return at;
    }

    /** A run of non-empty names, each with a one-byte length; stops at the first that does not fit. */
    private static int names(Packet p, int at, int end, Field lengthField, Field nameField) {
        while (at < end) {
            int len = vector(p, at, end, lengthField, 1, 1, 0xff);
            if (len < 0) {
                return end;
            }
            at++;
            bytes(p, nameField, at, len);
            at += len;
        }
        return at;
    }
}
