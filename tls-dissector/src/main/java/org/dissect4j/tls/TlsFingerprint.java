package org.dissect4j.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * JA3/JA3S (Salesforce; Wireshark's {@code tls.handshake.ja3*}) and JA4 (FoxIO, {@code tls.handshake.ja4},
 * {@code ja4_r}) of a hello. The hello walk stores the values the fingerprints need in reused int arrays; the
 * strings are composed and hashed only when a fingerprint field is wanted. MD5 and SHA-256 instances, the text
 * builders and byte buffers are reused, so computing a fingerprint allocates nothing once the buffers have grown.
 *
 * <pre>
 * JA3  = MD5(version "," ciphers "," extensions "," groups "," point_formats)   decimal, '-'-joined, GREASE left out
 * JA3S = MD5(version "," cipher "," extensions)
 * JA4  = t{ver}{d|i}{nn ciphers}{nn extensions}{alpn} "_" sha256_12(sorted ciphers) "_" sha256_12(sorted exts "_" sigalgs)
 * </pre>
 */
final class TlsFingerprint {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    int version;
    int[] ciphers = new int[64];
    int cipherCount;
    int[] extensions = new int[32];
    int extensionCount;
    int[] groups = new int[32];
    int groupCount;
    int[] pointFormats = new int[8];
    int pointFormatCount;
    int[] sigAlgs = new int[32];
    int sigAlgCount;
    /** Highest non-GREASE supported_versions entry, or -1. */
    int maxSupportedVersion;
    boolean sni;
    /** -1 no ALPN extension; else the length of the first protocol name (0 when the list is empty). */
    int alpnLength;
    int alpnFirst;
    int alpnLast;
    /** Whether the extensions walk reached the end of the block (Wireshark appends groups and formats only then). */
    boolean extensionsComplete;

    // made on first use: the JDK's security providers take tens of milliseconds to load at start-up
    private MessageDigest md5;
    private MessageDigest sha256;
    private final StringBuilder text = new StringBuilder(512);
    private final AsciiText hash = new AsciiText();
    private byte[] bytes = new byte[512];
    private final byte[] digest = new byte[32];
    private int[] sorted = new int[64];

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    void reset(int helloVersion) {
        version = helloVersion;
        cipherCount = 0;
        extensionCount = 0;
        groupCount = 0;
        pointFormatCount = 0;
        sigAlgCount = 0;
        maxSupportedVersion = -1;
        sni = false;
        alpnLength = -1;
        alpnFirst = 0;
        alpnLast = 0;
        extensionsComplete = false;
    }

    void cipher(int c) {
        if (cipherCount == ciphers.length) {
            ciphers = Arrays.copyOf(ciphers, cipherCount * 2);
        }
        ciphers[cipherCount++] = c;
    }

    void extension(int e) {
        if (extensionCount == extensions.length) {
            extensions = Arrays.copyOf(extensions, extensionCount * 2);
        }
        extensions[extensionCount++] = e;
    }

    void group(int g) {
        if (groupCount == groups.length) {
            groups = Arrays.copyOf(groups, groupCount * 2);
        }
        groups[groupCount++] = g;
    }

    void pointFormat(int f) {
        if (pointFormatCount == pointFormats.length) {
            pointFormats = Arrays.copyOf(pointFormats, pointFormatCount * 2);
        }
        pointFormats[pointFormatCount++] = f;
    }

    void sigAlg(int a) {
        if (sigAlgCount == sigAlgs.length) {
            sigAlgs = Arrays.copyOf(sigAlgs, sigAlgCount * 2);
        }
        sigAlgs[sigAlgCount++] = a;
    }

    void supportedVersion(int v) {
        if (!TlsWire.isGrease(v) && v > maxSupportedVersion) {
            maxSupportedVersion = v;
        }
    }

    // ---- JA3 ----------------------------------------------------------------------------------

    /** The JA3 full string of a ClientHello; {@code withExtensions} false for a hello without the extensions block. */
    CharSequence ja3(boolean withExtensions) {
        StringBuilder sb = text;
        sb.setLength(0);
        sb.append(version).append(',');
        decimalList(ciphers, cipherCount, sb);
        sb.append(',');
        if (!withExtensions) {
            sb.append(",,");
            return sb;
        }
        decimalList(extensions, extensionCount, sb);
        if (extensionsComplete) {
            sb.append(',');
            decimalList(groups, groupCount, sb);
            sb.append(',');
            decimalList(pointFormats, pointFormatCount, sb);
        }
        return sb;
    }

    /** The JA3S full string of a ServerHello. */
    CharSequence ja3s(int cipher, boolean withExtensions) {
        StringBuilder sb = text;
        sb.setLength(0);
        sb.append(version).append(',').append(cipher).append(',');
        if (withExtensions) {
            decimalList(extensions, extensionCount, sb);
        }
        return sb;
    }

    private static void decimalList(int[] v, int n, StringBuilder sb) {
        boolean dash = false;
        for (int i = 0; i < n; i++) {
            if (TlsWire.isGrease(v[i])) {
                continue;
            }
            if (dash) {
                sb.append('-');
            }
            sb.append(v[i]);
            dash = true;
        }
    }

    /** Lower-case hex MD5 of {@code s} (ASCII). */
    CharSequence md5(CharSequence s) {
        int n = ascii(s);
        if (md5 == null) {
            md5 = digest("MD5");
        }
        md5.reset();
        md5.update(bytes, 0, n);
        try {
            md5.digest(digest, 0, 16);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        hash.clear();
        return hash.hexBytes(digest, 16);
    }

    // ---- JA4 ----------------------------------------------------------------------------------

    private final AsciiText ja4 = new AsciiText();

    /** The JA4 of a ClientHello over TCP; {@code raw} gives the unhashed JA4_r instead (valid until the next call). */
    AsciiText ja4(boolean raw) {
        AsciiText sb = ja4;
        sb.clear();
        sb.append('t');
        sb.append(TlsWire.ja4Version(maxSupportedVersion >= 0 ? maxSupportedVersion : version));
        sb.append(sni ? 'd' : 'i');
        int nc = nonGrease(ciphers, cipherCount);
        int ne = nonGrease(extensions, extensionCount);
        sb.twoDigits(Math.min(nc, 99));
        sb.twoDigits(Math.min(ne, 99));
        alpn(sb);
        sb.append('_');
        // Ciphers, sorted.
        int n = sortedNonGrease(ciphers, cipherCount, -1, -1);
        int start = sb.length();
        sb.hex4List(sorted, n);
        if (!raw) {
            hash12(sb, start, n == 0);
        }
        sb.append('_');
        // Extensions without SNI and ALPN, sorted; then the signature algorithms in wire order.
        n = sortedNonGrease(extensions, extensionCount, TlsWire.EXT_SERVER_NAME, TlsWire.EXT_ALPN);
        start = sb.length();
        sb.hex4List(sorted, n);
        int sigs = nonGrease(sigAlgs, sigAlgCount);
        if (sigs > 0) {
            sb.append('_');
            boolean comma = false;
            for (int i = 0; i < sigAlgCount; i++) {
                if (TlsWire.isGrease(sigAlgs[i])) {
                    continue;
                }
                if (comma) {
                    sb.append(',');
                }
                sb.hex4(sigAlgs[i]);
                comma = true;
            }
        }
        if (!raw) {
            hash12(sb, start, n == 0);
        }
        return sb;
    }

    /**
     * The ALPN characters: first and last character of the first protocol name when both are ASCII alphanumeric,
     * else the first and last hex digit of the name (FoxIO's current specification) — except that a name starting
     * or ending with a non-ASCII byte gives {@code 99}, as FoxIO's reference implementation (and the expected values
     * published with its captures) do, unless {@link #nonAsciiAlpnAsHex} is set.
     */
    private void alpn(AsciiText sb) {
        if (alpnLength <= 0) {
            sb.append("00");
            return;
        }
        if (alnum(alpnFirst) && alnum(alpnLast)) {
            sb.append((char) alpnFirst).append((char) alpnLast);
        } else if (!nonAsciiAlpnAsHex && (alpnFirst >= 0x80 || alpnLast >= 0x80)) {
            sb.append("99");
        } else {
            sb.append(HEX[alpnFirst >> 4]).append(HEX[alpnLast & 0xf]);
        }
    }

    /** Setting {@code tls.ja4_non_ascii_alpn_hex}: hex digits instead of "99" for a non-ASCII ALPN name. */
    boolean nonAsciiAlpnAsHex;

    private static boolean alnum(int c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    /** Replaces {@code sb[start..]} by the first 12 hex digits of its SHA-256 (or zeros when {@code empty}). */
    private void hash12(AsciiText sb, int start, boolean empty) {
        if (empty) {
            sb.setLength(start);
            sb.append("000000000000");
            return;
        }
        if (sha256 == null) {
            sha256 = digest("SHA-256");
        }
        sha256.reset();
        sha256.update(sb.bytes(), start, sb.length() - start);
        try {
            sha256.digest(digest, 0, 32);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        sb.setLength(start);
        sb.hexBytes(digest, 6);
    }

    private int sortedNonGrease(int[] v, int count, int skip1, int skip2) {
        if (sorted.length < count) {
            sorted = new int[Math.max(count, sorted.length * 2)];
        }
        int n = 0;
        for (int i = 0; i < count; i++) {
            int x = v[i];
            if (TlsWire.isGrease(x) || x == skip1 || x == skip2) {
                continue;
            }
            sorted[n++] = x;
        }
        Arrays.sort(sorted, 0, n);
        return n;
    }

    private static int nonGrease(int[] v, int count) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (!TlsWire.isGrease(v[i])) {
                n++;
            }
        }
        return n;
    }

    /** Copies the ASCII text {@code s} into {@link #bytes}; returns its length. */
    private int ascii(CharSequence s) {
        int n = s.length();
        if (bytes.length < n) {
            bytes = new byte[Math.max(n, bytes.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) s.charAt(i);
        }
        return n;
    }
}
