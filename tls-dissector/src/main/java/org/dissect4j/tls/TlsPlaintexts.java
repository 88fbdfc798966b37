package org.dissect4j.tls;

import java.util.HashMap;
import java.util.Map;

import org.dissect4j.api.Packet;

/**
 * The plaintexts of the records the first pass of {@code -2} decrypted, for the second pass (Wireshark keeps them
 * as per-packet data, {@code ssl_add_record_info}): the second pass cannot decrypt again, since each direction's
 * record sequence number and key schedule have moved to the end of the capture. A record is named by its frame,
 * the data source it lies in (the frame, or a reassembled TCP source) and its offset there; both passes add a
 * frame's sources in the same order.
 *
 * <p>Kept only when a second pass will come ({@link Packet#keepsState()}), and bounded: past {@link #MAX_BYTES} of
 * plaintext, later records are not kept and the second pass shows them as without keys.
 */
final class TlsPlaintexts {
    /** Plaintext bytes kept in all: a bound on memory for big captures (the default heap is 384 MB). */
    static final long MAX_BYTES = 64L << 20;

    /** One decrypted record: its content (TLS 1.3: without the inner type and padding), inner content type, version kind. */
    record Kept(byte[] plaintext, int innerType, boolean tls13) {
    }

    private record Where(long frame, int source, int offset) {
    }

    private final Map<Where, Kept> kept = new HashMap<>();
    private long bytes;

    /** Keeps the plaintext {@code buf[from, from + n)} of the record whose body starts at {@code body} in the current source. */
    void keep(Packet p, int body, byte[] buf, int from, int n, int innerType, boolean tls13) {
        if (bytes + n > MAX_BYTES) {
            return;
        }
        bytes += n;
        kept.put(new Where(p.frame().number(), p.tree().currentSource(), body),
                new Kept(java.util.Arrays.copyOfRange(buf, from, from + n), innerType, tls13));
    }

    /** What the first pass kept of the record at {@code body} of the current source; null when it did not decrypt. */
    Kept kept(Packet p, int body) {
        return kept.isEmpty() ? null : kept.get(new Where(p.frame().number(), p.tree().currentSource(), body));
    }
}
