package org.dissect4j.tls;

import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The X.509 decoder's pieces lent to the OCSP package ({@code org.dissect4j.tls.ocsp}), whose responses and requests
 * carry certificates, algorithm identifiers, names and GeneralizedTimes (RFC 6960 §4). Public only so that the sibling
 * package can reach them, as {@link TlsHandshakeCode} is for DTLS; not an API of the module. One instance per user
 * (it holds the decoder's walk state); offsets are in the packet's current data source.
 */
public final class X509Parts {
    private final X509Decoder x509 = new X509Decoder();

    /** Whether anyone wants certificate details ({@link X509Decoder#wanted}): an x509 field, or frame.protocols. */
    public static boolean wanted(Tree t, Field frameProtocols) {
        return X509Decoder.wanted(t, frameProtocols);
    }

    /** A whole Certificate (its SEQUENCE at {@code at}, {@code len} bytes), as in a TLS Certificate message. */
    public void certificate(Packet p, int at, int len) {
        x509.certificate(p, at, len);
    }

    /** An AlgorithmIdentifier's content: {@code x509af.algorithm.id} (and {@code pkcs-1} where tshark adds it). */
    public void algorithmIdentifier(Packet p, int at, int end) {
        x509.algorithmIdentifier(p, at, end);
    }

    /** A Name's content as {@code x509if.rdnSequence} and its items; false when malformed DER ended it. */
    public boolean rdnSequence(Packet p, int at, int end) {
        return x509.rdnSequence(p, at, end);
    }

    /** A GeneralizedTime's content as nanoseconds since the epoch, or {@code Long.MIN_VALUE} when it is not one. */
    public long generalizedTime(Packet p, int at, int len) {
        return x509.generalizedTime(p, at, len);
    }
}
