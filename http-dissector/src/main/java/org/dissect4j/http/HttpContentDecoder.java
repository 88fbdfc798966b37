package org.dissect4j.http;

import java.lang.foreign.MemorySegment;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.dissect4j.api.Bytes;

/**
 * Undoes {@code Content-Encoding: gzip} and {@code deflate} (RFC 9110 §8.4.1) as Wireshark's
 * {@code tvb_child_uncompress} does: gzip is a member header (RFC 1952) then raw DEFLATE; deflate is tried as
 * zlib (RFC 1950) and, when that fails, as raw DEFLATE, as servers send both. The input is copied into one reused
 * array and the output goes to another, both bounded by {@code maxBytes} ({@code -o http.max_dechunked_bytes});
 * a body that inflates past it, or is corrupt or cut short, is not decoded. The two inflaters are made once.
 */
final class HttpContentDecoder {
    private static final int FTEXT_FHCRC = 0x02, FEXTRA = 0x04, FNAME = 0x08, FCOMMENT = 0x10;

    private final Inflater zlib = new Inflater(false);
    private final Inflater raw = new Inflater(true);
    private final int maxBytes;
    private byte[] in = new byte[0];
    private byte[] out = new byte[0];
    private MemorySegment outView = MemorySegment.ofArray(out);
    private int outLength;

    HttpContentDecoder(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The decoded bytes of the last successful {@link #decode}; valid until the next call. */
    MemorySegment output() {
        return outView;
    }

    /** Their count. */
    int outputLength() {
        return outLength;
    }

    /**
     * Decodes {@code len} bytes at {@code base + off} of {@code seg} with {@code encoding}
     * ({@link HttpHeaders#GZIP} or {@link HttpHeaders#DEFLATE}); whether the whole body decoded.
     */
    boolean decode(MemorySegment seg, long base, int off, int len, int encoding) {
        if (len <= 0 || len > maxBytes) {
            return false;
        }
        if (in.length < len) {
            in = new byte[Math.max(len, Math.min(maxBytes, in.length * 2))];
        }
        MemorySegment.copy(seg, Bytes.U8, base + off, in, 0, len);
        if (encoding == HttpHeaders.GZIP) {
            int start = gzipHeaderLength(len);
            return start > 0 && inflate(raw, start, len - start);
        }
        return inflate(zlib, 0, len) || inflate(raw, 0, len);
    }

    /** The length of the gzip member header at the start of the input, or -1 when it is not one. */
    private int gzipHeaderLength(int len) {
        if (len < 10 || (in[0] & 0xff) != 0x1f || (in[1] & 0xff) != 0x8b || in[2] != 8) {
            return -1;
        }
        int flags = in[3] & 0xff;
        int at = 10;
        if ((flags & FEXTRA) != 0) {
            if (at + 2 > len) {
                return -1;
            }
            at += 2 + ((in[at] & 0xff) | (in[at + 1] & 0xff) << 8);
        }
        if ((flags & FNAME) != 0) {
            at = afterZero(at, len);
        }
        if ((flags & FCOMMENT) != 0) {
            at = afterZero(at, len);
        }
        if ((flags & FTEXT_FHCRC) != 0) {
            at += 2;
        }
        return at < len ? at : -1;
    }

    private int afterZero(int at, int len) {
        while (at < len && in[at] != 0) {
            at++;
        }
        return at + 1;
    }

    private boolean inflate(Inflater inf, int off, int len) {
        inf.reset();
        inf.setInput(in, off, len);
        outLength = 0;
        try {
            while (!inf.finished()) {
                if (outLength == out.length) {
                    if (out.length >= maxBytes) {
                        return false;
                    }
                    byte[] bigger = new byte[(int) Math.min(maxBytes, Math.max(4096L, out.length * 2L))];
                    System.arraycopy(out, 0, bigger, 0, outLength);
                    out = bigger;
                    outView = MemorySegment.ofArray(out);
                }
                int n = inf.inflate(out, outLength, out.length - outLength);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    return false;       // cut short, or a preset dictionary we do not have
                }
                outLength += n;
            }
            return true;
        } catch (DataFormatException e) {
            return false;
        }
    }
}
