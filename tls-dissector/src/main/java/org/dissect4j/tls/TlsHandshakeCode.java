package org.dissect4j.tls;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;

/**
 * TLS's handshake code lent to DTLS ({@code org.dissect4j.tls.dtls}), as Wireshark's {@code packet-tls-utils.c} serves
 * both {@code packet-tls.c} and {@code packet-dtls.c}: the bodies of handshake messages (hellos with their extensions
 * and JA3/JA3S, certificates through the X.509 decoder, key exchanges, tickets, ...) decoded into a {@link TlsSession}
 * that DTLS keeps per association. The fields are TLS's; DTLS records them under its {@code dtls.*} twins with
 * {@link org.dissect4j.api.Tree#alias}. One instance per DTLS dissector (it holds reused per-message state), no key
 * log: DTLS records are not decrypted.
 */
public final class TlsHandshakeCode {
    /** DTLS's parts of the hellos that TLS does not have. */
    public interface Datagram {
        /**
         * Decodes the ClientHello's cookie vector at {@code at}, after the session ID (RFC 6347 §4.2.1).
         *
         * @param p the packet
         * @param at where the cookie length byte is
         * @param end the end of the ClientHello body
         * @return the offset after the cookie
         */
        int cookie(Packet p, int at, int end);

        /**
         * Decodes a hello's {@code use_srtp} extension body {@code [at, end)} (RFC 5764 §4.1.1).
         *
         * @param p the packet
         * @param at where the extension's data starts
         * @param end where it ends
         * @return the offset after what was decoded
         */
        int useSrtp(Packet p, int at, int end);
    }

    /** TLS fields and the twins another protocol records in their place (DTLS's {@code dtls.*} copies). */
    static final Map<Field, Field> TWINS = new ConcurrentHashMap<>();

    /**
     * Tells TLS's labelers that {@code twin} is recorded in {@code original}'s place (through {@code Tree.alias}), so
     * a line composed from an item's children (an extension's type and length) finds them in the twin's tree too.
     *
     * @param original the TLS field
     * @param twin the field recorded instead
     */
    public static void twin(Field original, Field twin) {
        TWINS.put(original, twin);
    }

    /** Carrier of the handshake parts (its sessions, decryption and key log stay unused). */
    private final TlsDissector carrier = new TlsDissector();
    private final Datagram datagram;

    /**
     * @param datagram DTLS's decoders of the cookie and use_srtp
     */
    public TlsHandshakeCode(Datagram datagram) {
        this.datagram = datagram;
    }

    /**
     * A fresh per-association state (allocates; once per association).
     *
     * @return the state, version unknown
     */
    public TlsSession newSession() {
        TlsSession s = new TlsSession();
        s.reset();
        s.datagram = datagram;
        return s;
    }

    /**
     * Forgets everything of {@code s} (an association table's slot reused, or a packet without a conversation).
     *
     * @param s the state
     */
    public void reset(TlsSession s) {
        s.reset();
        s.datagram = datagram;
    }

    /**
     * The body of one complete handshake message, decoded as TLS's {@code dissect_tls_handshake_full} does after the
     * header fields (DTLS adds its own header fields and Info text).
     *
     * @param p the packet (current source: the message's bytes)
     * @param s the association's state
     * @param fromServer the direction
     * @param type the handshake type
     * @param header where the message header starts
     * @param body where the body starts
     * @param length the body's length
     */
    public void body(Packet p, TlsSession s, boolean fromServer, int type, int header, int body, int length) {
        carrier.handshake.body(p, s, fromServer, type, header, body, length, false);
    }

    /**
     * The version the association has settled on, 0 while unknown.
     *
     * @param s the state
     * @return the version code (0xfeff DTLS 1.0, 0xfefd DTLS 1.2, ...)
     */
    public static int version(TlsSession s) {
        return s.version;
    }

    /**
     * Settles the association's version.
     *
     * @param s the state
     * @param version the version code
     */
    public static void version(TlsSession s, int version) {
        s.version = version;
    }

    /**
     * Wireshark's {@code ssl_packet_from_server}: by the server a ClientHello made known, else by {@code ports}.
     *
     * @param s the state
     * @param p the packet
     * @param ports server ports (65,536 entries)
     * @return whether the packet comes from the server
     */
    public static boolean fromServer(TlsSession s, Packet p, boolean[] ports) {
        return s.fromServer(p, ports);
    }

    /**
     * {@code col_append_sep_str(..., NULL, s)}: appends {@code s} to the Info column, after ", " when it is not empty
     * (nothing when columns are off).
     *
     * @param p the packet
     * @param s the text
     */
    public static void info(Packet p, String s) {
        TlsDissector.info(p, s);
    }

    /**
     * The Info column with ", " appended when it is not empty, to append to (call only when {@link Packet#columns()}).
     *
     * @param p the packet
     * @return the Info column's builder
     */
    public static StringBuilder infoSeparator(Packet p) {
        return TlsDissector.sep(p);
    }

    /**
     * TLS's fields, whose {@code dtls.*} twins DTLS registers.
     *
     * @return a new array of the fields
     */
    public static Field[] fields() {
        return TlsFields.all();
    }
}
