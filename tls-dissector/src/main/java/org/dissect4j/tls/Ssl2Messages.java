package org.dissect4j.tls;

import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * SSL 2.0's SERVER-HELLO and CLIENT-MASTER-KEY messages (the SSL 2.0 draft, sections 2.6 and 2.7), as Wireshark 4.0's
 * {@code dissect_ssl2_hnd_server_hello} and {@code dissect_ssl2_hnd_client_master_key} show them: the fixed header
 * fields, then the variable parts their lengths announce (the server's X.509 certificate, its cipher specs and
 * connection ID; the client's clear, encrypted and argument key bytes). The ClientHello is
 * {@link TlsHelloMessages#ssl2ClientHello}. {@code at} is past the message type byte; a part cut by the snaplen
 * throws as usual.
 */
final class Ssl2Messages {
    static final int CLIENT_MASTER_KEY = 2;
    static final int SERVER_HELLO = 4;
    private static final int SPEC_LENGTH = 3;

    private final TlsDissector tls;
    private final TlsCertificateMessages certificates;

    Ssl2Messages(TlsDissector tls, TlsCertificateMessages certificates) {
        this.tls = tls;
        this.certificates = certificates;
    }

    /** SERVER-HELLO: session ID hit, certificate type, version, three lengths, then the parts they give. */
    void serverHello(Packet p, int at) {
        Tree t = p.tree();
        t.addUint(TlsFields.SSL2_SESSION_ID_HIT, at, 1, p.u8(at) != 0 ? 1 : 0);
        t.addUint(TlsFields.SSL2_CERT_TYPE, at + 1, 1, p.u8(at + 1));
        t.addUint(TlsFields.HS_VERSION, at + 2, 2, p.u16(at + 2));
        int certLength = p.u16(at + 4);
        t.addUint(TlsFields.CERTIFICATE_LEN, at + 4, 2, certLength);
        int specLength = p.u16(at + 6);
        t.addUint(TlsFields.SSL2_CIPHER_SPEC_LEN, at + 6, 2, specLength);
        int idLength = p.u16(at + 8);
        t.addUint(TlsFields.SSL2_CONNECTION_ID_LEN, at + 8, 2, idLength);
        at += 10;
        if (certLength > 0) {
            p.require(at, certLength);
            t.open(TlsFields.CERTIFICATE, at, certLength);
            if (X509Decoder.wanted(t, tls.frameProtocols(p))) {
                certificates.x509.certificate(p, at, certLength);
            }
            t.close();
            at += certLength;
        }
        if (specLength > 0) {
            cipherSpecs(p, t, at, specLength);
            at += specLength;
        }
        if (idLength > 0) {
            p.require(at, idLength);
            t.add(TlsFields.SSL2_CONNECTION_ID, at, idLength);
        }
    }

    /** CLIENT-MASTER-KEY: the chosen cipher spec, three lengths, then the key parts that are not empty. */
    static void clientMasterKey(Packet p, int at) {
        Tree t = p.tree();
        t.addUint(TlsFields.SSL2_CIPHER_SPEC, at, SPEC_LENGTH, p.u24(at));
        int clearLength = p.u16(at + 3);
        t.addUint(TlsFields.SSL2_CLEAR_KEY_LEN, at + 3, 2, clearLength);
        int encryptedLength = p.u16(at + 5);
        t.addUint(TlsFields.SSL2_ENCRYPTED_KEY_LEN, at + 5, 2, encryptedLength);
        int argLength = p.u16(at + 7);
        t.addUint(TlsFields.SSL2_KEY_ARG_LEN, at + 7, 2, argLength);
        at += 9;
        at = part(p, t, TlsFields.SSL2_CLEAR_KEY, at, clearLength);
        at = part(p, t, TlsFields.SSL2_ENCRYPTED_KEY, at, encryptedLength);
        part(p, t, TlsFields.SSL2_KEY_ARG, at, argLength);
    }

    /** {@code Cipher Specs (6 specs)} with one 3-byte spec a line (also the SSL 2.0 ClientHello's list). */
    static void cipherSpecs(Packet p, Tree t, int at, int length) {
        t.open(TlsFields.HS_CIPHER_SUITES, at, length);
        for (int n = length; n >= SPEC_LENGTH; n -= SPEC_LENGTH) {
            t.addUint(TlsFields.SSL2_CIPHER_SPEC, at, SPEC_LENGTH, p.u24(at));
            at += SPEC_LENGTH;
        }
        t.close();
    }

    private static int part(Packet p, Tree t, Field f, int at, int length) {
        if (length > 0) {
            p.require(at, length);
            t.add(f, at, length);
        }
        return at + length;
    }
}
