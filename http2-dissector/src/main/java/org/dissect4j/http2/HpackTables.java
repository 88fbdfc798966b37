package org.dissect4j.http2;

import java.nio.charset.StandardCharsets;

/**
 * HPACK's fixed data (RFC 7541): the static table (Appendix A) and the canonical Huffman code (Appendix B), kept as
 * its 257 code lengths: a canonical code is fully given by its lengths, codes being assigned in order of length,
 * then symbol. Decoding walks the code bit by bit against the first code of each length.
 */
final class HpackTables {
    private HpackTables() {
    }

    /** Static table entries 1..61 as name, value pairs (index i at [2(i-1)], [2(i-1)+1]). */
    private static final String[] STATIC = {
            ":authority", "", ":method", "GET", ":method", "POST", ":path", "/",
            ":path", "/index.html", ":scheme", "http", ":scheme", "https", ":status", "200",
            ":status", "204", ":status", "206", ":status", "304", ":status", "400",
            ":status", "404", ":status", "500", "accept-charset", "", "accept-encoding", "gzip, deflate",
            "accept-language", "", "accept-ranges", "", "accept", "", "access-control-allow-origin", "",
            "age", "", "allow", "", "authorization", "", "cache-control", "",
            "content-disposition", "", "content-encoding", "", "content-language", "", "content-length", "",
            "content-location", "", "content-range", "", "content-type", "", "cookie", "",
            "date", "", "etag", "", "expect", "", "expires", "",
            "from", "", "host", "", "if-match", "", "if-modified-since", "",
            "if-none-match", "", "if-range", "", "if-unmodified-since", "", "last-modified", "",
            "link", "", "location", "", "max-forwards", "", "proxy-authenticate", "",
            "proxy-authorization", "", "range", "", "referer", "", "refresh", "",
            "retry-after", "", "server", "", "set-cookie", "", "strict-transport-security", "",
            "transfer-encoding", "", "user-agent", "", "vary", "", "via", "",
            "www-authenticate", ""};

    static final int STATIC_COUNT = STATIC.length / 2;
    static final byte[][] STATIC_NAMES = new byte[STATIC_COUNT + 1][];
    static final byte[][] STATIC_VALUES = new byte[STATIC_COUNT + 1][];

    /** Code length of each symbol 0..255 and EOS (256). */
    private static final int[] CODE_LENGTHS = {
            13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 30, 28, 28,
            28, 28, 28, 28, 28, 28, 28, 6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6, 5, 5, 5, 6, 6,
            6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10, 13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
            7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6, 15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5, 6, 7, 6, 5,
            5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28, 20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23,
            24, 23, 24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24, 22, 21, 20, 22, 22, 23, 23,
            21, 23, 22, 22, 24, 21, 22, 23, 23, 21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,
            26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25, 19, 21, 26, 27, 27, 26, 27, 24, 21,
            21, 26, 26, 28, 27, 27, 27, 20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23, 26, 27,
            26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26, 30};
    static final int EOS = 256;
    static final int MAX_CODE_LENGTH = 30;
    /** For each length: the first canonical code of that length, the index of its first symbol, how many. */
    static final int[] FIRST_CODE = new int[MAX_CODE_LENGTH + 1];
    static final int[] FIRST_INDEX = new int[MAX_CODE_LENGTH + 1];
    static final int[] COUNT = new int[MAX_CODE_LENGTH + 1];
    /** Symbols in canonical order (by length, then symbol). */
    static final int[] SYMBOLS = new int[CODE_LENGTHS.length];

    static {
        for (int i = 1; i <= STATIC_COUNT; i++) {
            STATIC_NAMES[i] = STATIC[2 * (i - 1)].getBytes(StandardCharsets.ISO_8859_1);
            STATIC_VALUES[i] = STATIC[2 * (i - 1) + 1].getBytes(StandardCharsets.ISO_8859_1);
        }
        for (int len : CODE_LENGTHS) {
            COUNT[len]++;
        }
        int code = 0;
        int index = 0;
        for (int len = 1; len <= MAX_CODE_LENGTH; len++) {
            FIRST_CODE[len] = code;
            FIRST_INDEX[len] = index;
            code = (code + COUNT[len]) << 1;
            index += COUNT[len];
        }
        int[] fill = FIRST_INDEX.clone();
        for (int s = 0; s < CODE_LENGTHS.length; s++) {
            SYMBOLS[fill[CODE_LENGTHS[s]]++] = s;
        }
    }
}
