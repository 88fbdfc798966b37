package org.dissect4j.http2;

/**
 * One direction's HPACK decoder (RFC 7541): the dynamic table and the decoding of one header field
 * representation at a time from a header block held in a byte array.
 *
 * <pre>
 *   1xxxxxxx  indexed header field (7-bit index)
 *   01xxxxxx  literal with incremental indexing (6-bit name index, 0: new name)
 *   001xxxxx  dynamic table size update (5-bit size)
 *   0001xxxx  literal never indexed (4-bit name index)
 *   0000xxxx  literal without indexing (4-bit name index)
 *   string:   H bit, 7-bit length prefix, octets (Huffman-coded when H)
 * </pre>
 *
 * <p>The dynamic table lives in a byte ring that grows on demand up to the table size in effect, itself bounded by
 * {@code cap} (the setting {@code http2.max_header_table_size}); the growth is charged to the shared {@link
 * Http2Budget}. Names and values are decoded into the caller's {@link Http2Scratch}: nothing is allocated per
 * header once the buffers have grown.
 */
final class Hpack {
    /** Representations, as Wireshark's {@code http2.header.repr} texts (index = kind). */
    static final String[] REPRESENTATIONS = {"", "Indexed Header Field",
        "Literal Header Field with Incremental Indexing - Indexed Name", "Literal Header Field with Incremental Indexing - New Name",
        "Literal Header Field without Indexing - Indexed Name", "Literal Header Field without Indexing - New Name",
        "Literal Header Field never Indexed - Indexed Name", "Literal Header Field never Indexed - New Name"};
    static final int INDEXED = 1;
    static final int SIZE_UPDATE = 8;
    /** {@link #next} results besides a length consumed. */
    static final int INCOMPLETE = -1;
    static final int ERROR = -2;
    static final int TABLE_LIMIT = -3;
    static final int TOO_LONG = -4;
    /** RFC 7541 section 4.1: each entry counts 32 octets besides its name and value. */
    static final int ENTRY_OVERHEAD = 32;
    /** Entry arrays are made on the first insertion with this many slots, then doubled. */
    private static final int MAX_ENTRIES_START = 16;
    /** An entry's start and two lengths. */
    private static final int ENTRY_BYTES = 12;

    private final int cap;
    private final Http2Budget budget;
    /** The size in effect (last size update) and the most the peer allows (its SETTINGS_HEADER_TABLE_SIZE). */
    private int maxSize = 4096;
    private long allowedSize = 4096;
    private int size;
    private byte[] ring = new byte[0];
    private int ringTail;
    /** Entries, oldest at {@code first}, circular over the arrays' length. */
    private int[] entryStart = new int[0];
    private int[] entryNameLength = new int[0];
    private int[] entryValueLength = new int[0];
    private int first;
    private int count;

    /** Of the last {@link #next}: kind (1..7, or {@link #SIZE_UPDATE}), the index used (0 for none), the new size. */
    int kind;
    int index;
    long newSize;

    Hpack(int cap, Http2Budget budget) {
        this.cap = cap;
        this.budget = budget;
    }

    /** The receiving peer announced SETTINGS_HEADER_TABLE_SIZE: the most a size update may ask for. */
    void allowed(long settingValue) {
        allowedSize = settingValue;
    }

    /** Bytes this table holds (all charged to the budget). */
    int footprint() {
        return ring.length + ENTRY_BYTES * entryStart.length;
    }

    /**
     * Decodes the representation at {@code b[at]}, before {@code end}, into {@code s}.
     *
     * @return the bytes it took; {@link #INCOMPLETE} when it runs past {@code end}; {@link #ERROR} for a bad index,
     *     integer or Huffman code; {@link #TABLE_LIMIT} for a size update above the bounds or an entry the budget
     *     cannot hold; {@link #TOO_LONG} for a
     *     string longer than the scratch bound
     */
    int next(byte[] b, int at, int end, Http2Scratch s) {
        int c = b[at] & 0xff;
        int p;
        index = 0;
        if ((c & 0x80) != 0) {
            kind = INDEXED;
            p = integer(b, at, end, 7);
            if (p < 0) {
                return p;
            }
            index = (int) intValue;
            int r = entry(index, s, true);
            return r < 0 ? r : p - at;
        }
        if ((c & 0xe0) == 0x20) {
            kind = SIZE_UPDATE;
            p = integer(b, at, end, 5);
            if (p < 0) {
                return p;
            }
            newSize = intValue;
            if (newSize > allowedSize || newSize > cap) {
                return TABLE_LIMIT;
            }
            maxSize = (int) newSize;
            evict(0);
            return p - at;
        }
        int prefix = (c & 0xc0) == 0x40 ? 6 : 4;
        boolean indexing = prefix == 6;
        p = integer(b, at, end, prefix);
        if (p < 0) {
            return p;
        }
        index = (int) intValue;
        int base = indexing ? 2 : (c & 0x10) != 0 ? 6 : 4;
        if (index != 0) {
            kind = base;
            int r = entry(index, s, false);
            if (r < 0) {
                return r;
            }
        } else {
            kind = base + 1;
            p = string(b, p, end, s, true);
            if (p < 0) {
                return p;
            }
        }
        p = string(b, p, end, s, false);
        if (p < 0) {
            return p;
        }
        if (indexing && !add(s)) {
            return TABLE_LIMIT;
        }
        return p - at;
    }

    private long intValue;

    /** An integer with an {@code n}-bit prefix at {@code b[at]} into {@link #intValue}; returns the position after it. */
    private int integer(byte[] b, int at, int end, int n) {
        int limit = (1 << n) - 1;
        long v = b[at] & limit;
        int p = at + 1;
        if (v == limit) {
            int shift = 0;
            while (true) {
                if (p >= end) {
                    return INCOMPLETE;
                }
                int x = b[p++] & 0xff;
                v += (long) (x & 0x7f) << shift;
                shift += 7;
                if ((x & 0x80) == 0) {
                    break;
                }
                if (shift > 28) {
                    return ERROR;   // more than 2^35: no header block has such a length or index
                }
            }
        }
        intValue = v;
        return p;
    }

    /** A string literal into the scratch's name or value; returns the position after it. */
    private int string(byte[] b, int at, int end, Http2Scratch s, boolean name) {
        if (at >= end) {
            return INCOMPLETE;
        }
        boolean huffman = (b[at] & 0x80) != 0;
        int p = integer(b, at, end, 7);
        if (p < 0) {
            return p;
        }
        long len = intValue;
        if (len > end - p) {
            return INCOMPLETE;
        }
        int n = (int) len;
        if (huffman) {
            int got = huffman(b, p, p + n, s, name);
            if (got < 0) {
                return got;
            }
        } else {
            if (!s.fits(n)) {
                return TOO_LONG;
            }
            System.arraycopy(b, p, name ? s.name : s.value, 0, n);
            s.setLength(name, n);
        }
        return p + n;
    }

    /** Huffman-decodes {@code b[from, to)}: EOS inside the string and padding not all ones or 8 bits or more are errors. */
    private static int huffman(byte[] b, int from, int to, Http2Scratch s, boolean name) {
        int out = 0;
        int code = 0;
        int len = 0;
        for (int i = from; i < to; i++) {
            int octet = b[i] & 0xff;
            for (int bit = 7; bit >= 0; bit--) {
                code = (code << 1) | ((octet >>> bit) & 1);
                len++;
                int k = code - HpackTables.FIRST_CODE[len];
                if (k >= 0 && k < HpackTables.COUNT[len]) {
                    int sym = HpackTables.SYMBOLS[HpackTables.FIRST_INDEX[len] + k];
                    if (sym == HpackTables.EOS) {
                        return ERROR;
                    }
                    if (!s.fits(out + 1)) {
                        return TOO_LONG;
                    }
                    (name ? s.name : s.value)[out++] = (byte) sym;
                    code = 0;
                    len = 0;
                } else if (len == HpackTables.MAX_CODE_LENGTH) {
                    return ERROR;
                }
            }
        }
        if (len > 7 || code != (1 << len) - 1) {
            return ERROR;
        }
        s.setLength(name, out);
        return out;
    }

    /** Copies entry {@code i} (static 1..61, then dynamic, newest first) into the scratch's name and value or name only. */
    private int entry(int i, Http2Scratch s, boolean withValue) {
        if (i == 0) {
            return ERROR;
        }
        if (i <= HpackTables.STATIC_COUNT) {
            byte[] n = HpackTables.STATIC_NAMES[i];
            System.arraycopy(n, 0, s.name, 0, n.length);
            s.setLength(true, n.length);
            if (withValue) {
                byte[] v = HpackTables.STATIC_VALUES[i];
                System.arraycopy(v, 0, s.value, 0, v.length);
                s.setLength(false, v.length);
            }
            return 0;
        }
        int d = i - HpackTables.STATIC_COUNT - 1;
        if (d >= count) {
            return ERROR;
        }
        int e = (first + count - 1 - d) % entryStart.length;
        int nl = entryNameLength[e];
        int vl = entryValueLength[e];
        // both fit: the table never holds an entry larger than the scratch bound (see add)
        fromRing(entryStart[e], s.name, nl);
        s.setLength(true, nl);
        if (withValue) {
            fromRing(vl == 0 ? 0 : (entryStart[e] + nl) % ring.length, s.value, vl);
            s.setLength(false, vl);
        }
        return 0;
    }

    private void fromRing(int at, byte[] to, int n) {
        if (n == 0) {
            return;
        }
        int firstPart = Math.min(n, ring.length - at);
        System.arraycopy(ring, at, to, 0, firstPart);
        System.arraycopy(ring, 0, to, firstPart, n - firstPart);
    }

    private void toRing(byte[] from, int n) {
        if (n == 0) {
            return;
        }
        int firstPart = Math.min(n, ring.length - ringTail);
        System.arraycopy(from, 0, ring, ringTail, firstPart);
        System.arraycopy(from, firstPart, ring, 0, n - firstPart);
        ringTail = (ringTail + n) % ring.length;
    }

    /**
     * Adds the scratch's header (RFC 7541 section 4.4: evict first; an entry larger than the table empties it);
     * false when the shared budget refuses the memory (the table would then disagree with the encoder's).
     */
    private boolean add(Http2Scratch s) {
        int bytes = s.nameLength + s.valueLength;
        long entrySize = (long) bytes + ENTRY_OVERHEAD;
        if (entrySize > maxSize) {
            evict(0);
            return true;
        }
        evict((int) (maxSize - entrySize));
        if (!room(bytes)) {
            return false;
        }
        int slot = (first + count) % entryStart.length;
        entryStart[slot] = ringTail;
        entryNameLength[slot] = s.nameLength;
        entryValueLength[slot] = s.valueLength;
        toRing(s.name, s.nameLength);
        toRing(s.value, s.valueLength);
        count++;
        size += (int) entrySize;
        return true;
    }

    /** Evicts the oldest entries until the table's size is at most {@code target}. */
    private void evict(int target) {
        while (size > Math.min(target, maxSize) && count > 0) {
            size -= entryNameLength[first] + entryValueLength[first] + ENTRY_OVERHEAD;
            first = (first + 1) % entryStart.length;
            count--;
        }
        if (count == 0) {
            first = 0;
            ringTail = 0;
        }
    }

    /** Makes room for one more entry of {@code bytes} bytes: ring and entry arrays grow within maxSize and the budget. */
    private boolean room(int bytes) {
        int live = size - count * ENTRY_OVERHEAD;
        if (live + bytes > ring.length) {
            int want = Math.min(maxSize, Math.max(2 * ring.length, live + bytes));
            if (!budget.take(want - ring.length)) {
                return false;
            }
            byte[] grown = new byte[want];
            int n = 0;
            for (int i = 0; i < count; i++) {
                int e = (first + i) % entryStart.length;
                int len = entryNameLength[e] + entryValueLength[e];
                int firstPart = Math.min(len, ring.length - entryStart[e]);
                System.arraycopy(ring, entryStart[e], grown, n, firstPart);
                System.arraycopy(ring, 0, grown, n + firstPart, len - firstPart);
                entryStart[e] = n;
                n += len;
            }
            ring = grown;
            ringTail = n % ring.length;
        }
        if (count == entryStart.length) {
            int grownLength = Math.max(MAX_ENTRIES_START, 2 * count);
            if (!budget.take(ENTRY_BYTES * (grownLength - count))) {
                return false;
            }
            int[] s = new int[grownLength];
            int[] nl = new int[grownLength];
            int[] vl = new int[grownLength];
            for (int i = 0; i < count; i++) {
                int e = (first + i) % Math.max(1, count);
                s[i] = entryStart[e];
                nl[i] = entryNameLength[e];
                vl[i] = entryValueLength[e];
            }
            entryStart = s;
            entryNameLength = nl;
            entryValueLength = vl;
            first = 0;
        }
        return true;
    }

    /** Gives this table's memory back to the budget (the connection is forgotten). */
    void release() {
        budget.give(footprint());
        ring = new byte[0];
        entryStart = new int[0];
        entryNameLength = entryStart;
        entryValueLength = entryStart;
        count = 0;
        size = 0;
    }
}
