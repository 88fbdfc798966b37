package org.dissect4j.api;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * MAC address names for tree labels and the Source/Destination columns ({@code Broadcast (ff:ff:ff:ff:ff:ff)},
 * {@code Cisco_56:4a:fd (00:02:2d:56:4a:fd)}), as Wireshark's name resolution prints them.
 *
 * <p>The vendor database is not shipped: Wireshark's {@code wka} and {@code manuf} files are read
 * from the folder named by the system property {@code dissect4j.manuf.dir}, else from
 * {@code /usr/share/wireshark} when present. Without them only broadcast and the IPv4/IPv6
 * multicast prefixes are named. Loaded once, on the first label; never used on the parse path.
 */
public final class MacNames {
    private MacNames() {
    }

    /**
     * Appends {@code NAME (aa:bb:cc:dd:ee:ff)} for the 6 bytes at {@code at}; the first call loads
     * the name files.
     *
     * @param out where to append
     * @param seg the segment holding the address
     * @param at where the 6 bytes start in {@code seg}
     * @return {@code out}
     */
    public static StringBuilder withResolution(StringBuilder out, MemorySegment seg, long at) {
        name(out, seg, at);
        out.append(" (");
        return mac(out, seg, at).append(')');
    }

    /**
     * Appends the resolved name of the address (the plain address when nothing matches), with
     * Wireshark's rules: an exact name; else the longest well-known or vendor range longer than 24 bits
     * ({@code IETF-VRRP-VRID_de}); else the 24-bit vendor prefix as {@code Vendor_xx:xx:xx}; else the longest
     * shorter range; a range's name is followed by the bytes after it, the one it cuts masked
     * ({@code IPv6mcast_ff:00:00:01}).
     *
     * @param out where to append
     * @param seg the segment holding the address
     * @param at where the 6 bytes start in {@code seg}
     * @return {@code out}
     */
    public static StringBuilder name(StringBuilder out, MemorySegment seg, long at) {
        return name(out, Bytes.uN(seg, at, 6));
    }

    /**
     * {@link #name(StringBuilder, MemorySegment, long)} for an address given as its 48-bit value (the first byte
     * in the high bits), for a dissector that records the resolved name ({@code eth.dst_resolved}): it looks up
     * hash tables and appends table strings and hex digits, so it allocates nothing once the names are loaded.
     *
     * @param out where to append
     * @param mac the address, {@code 0..2^48-1}
     * @return {@code out}
     */
    public static StringBuilder name(StringBuilder out, long mac) {
        Db db = Db.INSTANCE;
        String exact = db.exactNames.get(mac);
        if (exact != null) {
            return out.append(exact);
        }
        // Wireshark's eth_addr_resolve: well-known ranges longer than 24 bits, the 24-bit vendor, the shorter ranges
        for (int octets = 5; octets >= 0; octets--) {
            if (octets == 2) {
                String vendor = db.ouiNames.get(mac >>> 24);
                if (vendor != null) {
                    out.append(vendor).append('_');
                    return hexBytes(out, mac, 3);
                }
            }
            // the 8 mask lengths of this octet are looked up only when some range begins with the octets above it
            if (db.prefixes[octets].get(mac >>> (8 * (6 - octets))) == null) {
                continue;
            }
            for (int bits = 8 * octets + 7; bits >= 8 * octets; bits--) {
                String n = db.maskedNames.get(Db.maskedKey(mac, bits));
                if (n != null) {
                    return rest(out.append(n).append('_'), mac, bits);
                }
            }
        }
        return hexBytes(out, mac, 0);
    }

    /** The bytes after a {@code bits}-long prefix: the byte it cuts, masked to its uncovered bits, then the others. */
    private static StringBuilder rest(StringBuilder out, long mac, int bits) {
        int first = bits / 8;
        hex2(out, (int) (mac >>> (8 * (5 - first))) & 0xFF & (0xFF >> (bits % 8)));
        if (first < 5) {
            out.append(':');
            hexBytes(out, mac, first + 1);
        }
        return out;
    }

    /**
     * The vendor of the address's 24-bit OUI in Wireshark's {@code manuf} file ({@code get_manuf_name_if_known}),
     * or {@code null}: the value of {@code eth.dst.oui_resolved} ({@code Raspberry Pi Foundation}). A table string;
     * allocates nothing once loaded.
     *
     * @param mac the address, {@code 0..2^48-1}
     * @return the vendor's long name (its short one when the file gives no other), or {@code null}
     */
    public static String vendor(long mac) {
        return Db.INSTANCE.ouiLongNames.get(mac >>> 24);
    }

    /**
     * Appends the address as {@code aa:bb:cc:dd:ee:ff} (lower-case hex), without name resolution.
     *
     * @param out where to append
     * @param seg the segment holding the address
     * @param at where the 6 bytes start in {@code seg}
     * @return {@code out}
     */
    public static StringBuilder mac(StringBuilder out, MemorySegment seg, long at) {
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                out.append(':');
            }
            hex2(out, Bytes.u8(seg, at + i));
        }
        return out;
    }

    private static void hex2(StringBuilder out, int b) {
        out.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
    }

    /** Appends bytes {@code from..5} of the 48-bit address {@code mac}, colon-separated. */
    private static StringBuilder hexBytes(StringBuilder out, long mac, int from) {
        for (int i = from; i < 6; i++) {
            if (i > from) {
                out.append(':');
            }
            hex2(out, (int) (mac >>> (8 * (5 - i))) & 0xFF);
        }
        return out;
    }

    /** The loaded database. */
    private static final class Db {
        static final Db INSTANCE = load();

        final Map<Long, String> exact = new HashMap<>();
        final Map<Long, String> oui = new HashMap<>();
        final Map<Long, String> ouiLong = new HashMap<>();
        final Map<Long, String> masked = new HashMap<>();
        /** The three maps as open-addressed tables once loaded: a lookup boxes nothing (outputs resolve per packet). */
        LongNames exactNames;
        LongNames ouiNames;
        LongNames ouiLongNames;
        LongNames maskedNames;
        /** For each octet count n (0..5), the ranges' first n octets: which mask lengths can match at all. */
        final LongNames[] prefixes = new LongNames[6];

        private static Db load() {
            Db db = new Db();
            db.exact.put(0xFFFF_FFFF_FFFFL, "Broadcast");
            db.put(0x01005E000000L, 25, "IPv4mcast", null, false);
            db.put(0x333300000000L, 16, "IPv6mcast", null, false);
            String dir = System.getProperty("dissect4j.manuf.dir", "/usr/share/wireshark");
            try {
                db.read(Path.of(dir, "manuf"), true);
                db.read(Path.of(dir, "wka"), false);
            } catch (IOException | RuntimeException e) {
                // Names are cosmetic: without the files, addresses are shown as they are.
            }
            db.exactNames = new LongNames(db.exact);
            db.ouiNames = new LongNames(db.oui);
            db.ouiLongNames = new LongNames(db.ouiLong);
            db.maskedNames = new LongNames(db.masked);
            for (int octets = 0; octets < 6; octets++) {
                int shift = 8 * (6 - octets);
                db.prefixes[octets] = LongNames.setOf(db.masked.keySet().stream().mapToLong(k -> k >>> shift).toArray());
            }
            return db;
        }

        private void put(long prefix, int bits, String name, String longName, boolean manuf) {
            if (bits >= 48) {
                exact.put(prefix, name);
            } else if (manuf && bits == 24) {
                oui.putIfAbsent(prefix >>> 24, name);
                ouiLong.putIfAbsent(prefix >>> 24, longName != null ? longName : name);
            } else {
                masked.putIfAbsent(maskedKey(prefix, bits), name);
            }
        }

        /**
         * A range's key: the address masked to {@code bits}. Wireshark 4.0 keys its well-known ranges by the masked
         * address alone, whatever their length, and looks each address up masked to 47 bits, then 46, ...: so
         * 33:33:00:00:00:01 finds IPv6mcast (33-33-00-00-00-00/16) masked to 40 bits and prints "IPv6mcast_01".
         */
        static long maskedKey(long mac, int bits) {
            return mac & (-1L << (48 - bits)) & 0xFFFF_FFFF_FFFFL;
        }

        /** Reads {@code ADDRESS[/BITS] NAME ...} lines; hand-split (no regular expressions: ~50,000 lines at start-up). */
        private void read(Path file, boolean manuf) throws IOException {
            if (!Files.isRegularFile(file)) {
                return;
            }
            byte[] text = Files.readAllBytes(file);
            int n = text.length;
            int i = 0;
            while (i < n) {
                int end = i;
                while (end < n && text[end] != '\n') {
                    end++;
                }
                parseLine(text, i, end, manuf);
                i = end + 1;
            }
        }

        private void parseLine(byte[] t, int from, int end, boolean manuf) {
            int i = skipSpace(t, from, end);
            long v = 0;
            int bytes = 0;
            int digits = 0;
            int bits = -1;
            for (; i < end && !space(t[i]) && t[i] != '#'; i++) {
                int c = t[i];
                int d = Character.digit(c, 16);
                if (c == '/') {
                    bits = 0;
                    for (i++; i < end && t[i] >= '0' && t[i] <= '9'; i++) {
                        bits = bits * 10 + t[i] - '0';
                    }
                    break;
                } else if (c == ':' || c == '-' || c == '.') {
                    digits = 0;
                } else if (d >= 0 && digits < 2) {
                    if (digits == 0) {
                        if (bytes == 6) {
                            return;
                        }
                        v = (v << 8) | d;
                        bytes++;
                    } else {
                        v = (v & ~0xFFL) | ((v & 0xF) << 4) | d;
                    }
                    digits++;
                } else {
                    return;
                }
            }
            if (bytes == 0 || i >= end || !space(t[i]) && t[i] != '#') {
                return;
            }
            int nameStart = skipSpace(t, i, end);
            int nameEnd = nameStart;
            while (nameEnd < end && !space(t[nameEnd]) && t[nameEnd] != '#') {
                nameEnd++;
            }
            if (nameEnd == nameStart) {
                return;
            }
            v <<= 8 * (6 - bytes);
            // the vendor's long name: the rest of the line after the short one (it may hold spaces)
            int longStart = skipSpace(t, nameEnd, end);
            int longEnd = end;
            while (longEnd > longStart && space(t[longEnd - 1])) {
                longEnd--;
            }
            String longName = longEnd > longStart ? new String(t, longStart, longEnd - longStart, StandardCharsets.UTF_8) : null;
            put(v, bits < 0 ? bytes * 8 : bits, new String(t, nameStart, nameEnd - nameStart, StandardCharsets.UTF_8), longName,
                    manuf);
        }

        private static int skipSpace(byte[] t, int i, int end) {
            while (i < end && space(t[i])) {
                i++;
            }
            return i;
        }

        private static boolean space(byte b) {
            return b == ' ' || b == '\t' || b == '\r';
        }
    }

    /**
     * A read-only map from {@code long} (a 48-bit address or part of one) to name: open addressing with linear
     * probing at most half full. A binary search of the 50,000 vendors cost 16% of {@code -V}'s time (four lookups
     * an address, two addresses a packet, each shown several times); this is one or two probes.
     */
    private static final class LongNames {
        /** No key is negative: addresses and their prefixes have at most 48 bits. */
        private static final long EMPTY = -1;
        private final long[] keys;
        private final String[] names;
        private final int shift;

        LongNames(Map<Long, String> map) {
            int bits = 64 - Long.numberOfLeadingZeros(Math.max(4, 2L * map.size() - 1));
            keys = new long[1 << bits];
            names = new String[keys.length];
            shift = 64 - bits;
            java.util.Arrays.fill(keys, EMPTY);
            map.forEach((k, v) -> {
                int i = slot(k);
                while (keys[i] != EMPTY) {
                    i = (i + 1) & (keys.length - 1);
                }
                keys[i] = k;
                names[i] = v;
            });
        }

        /** The set of {@code keys} (each named by itself: only presence is asked). */
        static LongNames setOf(long[] keys) {
            Map<Long, String> map = new HashMap<>();
            for (long k : keys) {
                map.put(k, "");
            }
            return new LongNames(map);
        }

        private int slot(long key) {
            return (int) ((key * 0x9E37_79B9_7F4A_7C15L) >>> shift);
        }

        String get(long key) {
            for (int i = slot(key); ; i = (i + 1) & (keys.length - 1)) {
                long k = keys[i];
                if (k == key) {
                    return names[i];
                }
                if (k == EMPTY) {
                    return null;
                }
            }
        }
    }
}
