package org.dissect4j.tcp;

import static org.dissect4j.tcp.TcpDissector.TH_RES;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * The two texts of a 12-bit flags value: {@code tcp.flags.str} ("·······AP···", UTF-8, '·' is 2 bytes,
 * 24 bytes per entry) and the Info column's names ("PSH, ACK"). Both are made on first use of a value (a
 * capture shows a handful of combinations, and making all 4,096 costs start-up time) and kept. Per
 * dissector: one engine, one thread.
 */
final class TcpFlagText {
    private static final int ENTRY = 24;
    private static final String LETTERS = "RRRACEUAPRSF";
    private static final String[] NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};

    private final byte[] letters = new byte[4096 * ENTRY];
    private final MemorySegment lettersSegment = MemorySegment.ofArray(letters);
    private final int[] lettersLength = new int[4096];
    private final String[] infoNames = new String[4096];

    /** The bytes of {@code tcp.flags.str}: {@link #lettersOffset} and {@link #lettersLength} of {@code f} in it. */
    MemorySegment letters() {
        return lettersSegment;
    }

    static long lettersOffset(int f) {
        return f * (long) ENTRY;
    }

    /** Length of the UTF-8 {@code tcp.flags.str} of {@code f}, written into {@link #letters} if not yet. */
    int lettersLength(int f) {
        int n = lettersLength[f];
        if (n == 0) {
            StringBuilder sb = new StringBuilder(12);
            for (int i = 0; i < 12; i++) {
                sb.append(((f >> (11 - i)) & 1) != 0 ? LETTERS.charAt(i) : '\u00b7');
            }
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            System.arraycopy(b, 0, letters, f * ENTRY, b.length);
            n = b.length;
            lettersLength[f] = n;
        }
        return n;
    }

    /** The Info column's "[...]" content for {@code f}: set flags by name, "Reserved", or "<None>". */
    String infoNames(int f) {
        String s = infoNames[f];
        if (s == null) {
            s = names(f);
            infoNames[f] = s;
        }
        return s;
    }

    private static String names(int f) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < NAMES.length; i++) {
            if ((f & (1 << i)) != 0) {
                separate(sb).append(NAMES[i]);
            }
        }
        if ((f & TH_RES) != 0) {
            separate(sb).append("Reserved");
        }
        return sb.isEmpty() ? "<None>" : sb.toString();
    }

    private static StringBuilder separate(StringBuilder sb) {
        return sb.isEmpty() ? sb : sb.append(", ");
    }
}
