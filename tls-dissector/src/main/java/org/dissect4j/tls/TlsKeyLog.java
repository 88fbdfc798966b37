package org.dissect4j.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * TLS secrets in the NSS key log format ({@code SSLKEYLOGFILE}, what OpenSSL's {@code -keylogfile}, browsers and
 * curl write, and what a pcapng Decryption Secrets Block of type "TLSK" holds): one secret a line,
 * {@code LABEL <client random, 64 hex digits> <secret, hex>}, {@code #} comments.
 *
 * <p>Labels used: {@code CLIENT_RANDOM} (the TLS 1.0-1.2 master secret, 48 bytes), {@code CLIENT_EARLY_TRAFFIC_SECRET},
 * {@code CLIENT_HANDSHAKE_TRAFFIC_SECRET}, {@code SERVER_HANDSHAKE_TRAFFIC_SECRET}, {@code CLIENT_TRAFFIC_SECRET_0},
 * {@code SERVER_TRAFFIC_SECRET_0} and {@code EXPORTER_SECRET} (TLS 1.3, hash-sized). Other labels ({@code RSA},
 * {@code EARLY_EXPORTER_SECRET}) are skipped; a line that is cut short, has an odd or non-hex digit, a client random
 * that is not 32 bytes or a secret of a length no suite uses is skipped and counted ({@link #badLines()}), never
 * thrown. A secret for a connection that is not in the capture is simply never asked for.
 *
 * <p>A key log file is re-read when it has grown (as Wireshark does for a live capture): a lookup that misses reads
 * the lines appended since, so secrets written after the capture started still decrypt. Bounds: at most
 * {@link #MAX_ENTRIES} client randoms are kept (later lines are counted as dropped) and at most {@link #MAX_FILE_BYTES}
 * of one file are read. Lookups happen once per connection and key change, never per record.
 */
public final class TlsKeyLog {
    /** Secret kinds, indexes into an entry. */
    static final int MASTER_SECRET = 0, CLIENT_EARLY = 1, CLIENT_HANDSHAKE = 2, SERVER_HANDSHAKE = 3, CLIENT_TRAFFIC_0 = 4,
            SERVER_TRAFFIC_0 = 5, EXPORTER = 6, KINDS = 7;
    private static final String[] LABELS = {"CLIENT_RANDOM", "CLIENT_EARLY_TRAFFIC_SECRET", "CLIENT_HANDSHAKE_TRAFFIC_SECRET",
        "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET"};
    /** Client randoms kept (a key log of a busy host has one line per connection and secret). */
    public static final int MAX_ENTRIES = 1 << 20;
    /** Bytes of one key log file read, in all (about 2.5 million lines). */
    public static final long MAX_FILE_BYTES = 256L << 20;

    /** Whether {@link #add} was called: a source of secrets is attached, even if it gave none yet. */
    private boolean attached;
    private final Map<String, byte[][]> byClientRandom = new HashMap<>();
    private Path file;
    private long fileRead;
    private int badLines;
    private int dropped;

    /** An empty key log. */
    public TlsKeyLog() {
    }

    /** Whether no source was given (no file, no text, not even an empty one): then nothing is ever decrypted. */
    boolean isEmpty() {
        return file == null && !attached && byClientRandom.isEmpty();
    }

    /**
     * Reads the key log file {@code path} now and again whenever a lookup misses and the file has grown. A file that
     * cannot be read yet (not created yet by the program that writes it) is tried again at the next miss.
     *
     * @param path the key log file
     */
    public void file(Path path) {
        this.file = path;
        this.fileRead = 0;
        refresh();
    }

    /**
     * Adds the lines of a key log held in memory (a pcapng Decryption Secrets Block, an application's own keys). Even
     * an empty text attaches the key log: secrets may come later (a pcapng file's Decryption Secrets Block between
     * packets), so connections note their randoms from their first record, as Wireshark always does.
     *
     * @param text key log text (US-ASCII)
     */
    public void add(byte[] text) {
        attached = true;
        parse(new String(text, StandardCharsets.ISO_8859_1));
    }

    /**
     * Lines skipped because they were malformed (cut short, not hex, wrong lengths).
     *
     * @return the count since this key log was made
     */
    public int badLines() {
        return badLines;
    }

    /**
     * Secrets of client randoms past {@link #MAX_ENTRIES}, not kept.
     *
     * @return the count
     */
    public int dropped() {
        return dropped;
    }

    /**
     * The secret of {@code kind} for the connection whose ClientHello carried {@code clientRandom}, or {@code null}.
     * A miss re-reads a grown key log file once.
     */
    byte[] secret(byte[] clientRandom, int kind) {
        String key = HexFormat.of().formatHex(clientRandom);
        byte[][] e = byClientRandom.get(key);
        if ((e == null || e[kind] == null) && refresh()) {
            e = byClientRandom.get(key);
        }
        return e == null ? null : e[kind];
    }

    /** Reads what was appended to the file since the last read (whole lines only); whether anything was read. */
    private boolean refresh() {
        if (file == null) {
            return false;
        }
        try {
            long size = Files.size(file);
            if (size <= fileRead || fileRead >= MAX_FILE_BYTES) {
                return false;
            }
            int n = (int) Math.min(size - fileRead, MAX_FILE_BYTES - fileRead);
            byte[] buf = new byte[n];
            int got = 0;
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(fileRead);
                got = in.readNBytes(buf, 0, n);
            }
            int end = got;
            while (end > 0 && buf[end - 1] != '\n') {
                end--;
            }
            if (end == 0 && size - fileRead > got) {
                return false;
            }
            // A last line without its newline is kept for the next read unless the file seems complete.
            if (end == 0) {
                end = got;
            }
            fileRead += end;
            parse(new String(buf, 0, end, StandardCharsets.ISO_8859_1));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void parse(String text) {
        int at = 0;
        int len = text.length();
        while (at < len) {
            int nl = text.indexOf('\n', at);
            int end = nl < 0 ? len : nl;
            line(text, at, end);
            at = end + 1;
        }
    }

    /** One line {@code [from, to)}: label, client random, secret. */
    private void line(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (from == to || text.charAt(from) == '#') {
            return;
        }
        int sp1 = text.indexOf(' ', from);
        int sp2 = sp1 < 0 || sp1 >= to ? -1 : text.indexOf(' ', sp1 + 1);
        if (sp2 < 0 || sp2 >= to) {
            badLines++;
            return;
        }
        String label = text.substring(from, sp1);
        int kind = -1;
        for (int i = 0; i < KINDS; i++) {
            if (LABELS[i].equals(label)) {
                kind = i;
                break;
            }
        }
        if (kind < 0) {
            return;
        }
        String random = text.substring(sp1 + 1, sp2).toLowerCase(java.util.Locale.ROOT);
        String secretHex = text.substring(sp2 + 1, to).trim();
        byte[] secret = hex(secretHex);
        boolean lengthOk = kind == MASTER_SECRET ? secret != null && secret.length == 48
                : secret != null && (secret.length == 32 || secret.length == 48);
        if (random.length() != 64 || hex(random) == null || !lengthOk) {
            badLines++;
            return;
        }
        byte[][] e = byClientRandom.get(random);
        if (e == null) {
            if (byClientRandom.size() >= MAX_ENTRIES) {
                dropped++;
                return;
            }
            e = new byte[KINDS][];
            byClientRandom.put(random, e);
        }
        e[kind] = secret;
    }

    private static byte[] hex(String s) {
        if (s.isEmpty() || (s.length() & 1) != 0) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
