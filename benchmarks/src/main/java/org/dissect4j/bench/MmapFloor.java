package org.dissect4j.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.dissect4j.api.Bytes;

/**
 * The floor of the {@code -Y 'tcp.flags.syn==1' -T fields -e frame.number} workload: one loop over
 * the mmap'd pcap file that reads each record header, the Ethertype, the IPv4 protocol and the TCP
 * flags, and prints the numbers of the frames with SYN set — the same output, with no dissection,
 * no tree, no state, no checks beyond the lengths. Little-endian microsecond or nanosecond pcap of
 * Ethernet frames only (the generated benchmark capture); anything else is refused.
 */
final class MmapFloor {
    private MmapFloor() {
    }

    static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: dissect4j-bench floor FILE.pcap");
            System.exit(2);
        }
        try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ); Arena arena = Arena.ofConfined();
             OutputStream out = new BufferedOutputStream(System.out, 1 << 16)) {
            MemorySegment s = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            int magic = s.get(Bytes.LE32, 0);
            if ((magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) || s.get(Bytes.LE32, 20) != 1) {
                throw new IOException(args[0] + ": not a little-endian Ethernet pcap");
            }
            long size = s.byteSize();
            long at = 24;
            long number = 0;
            byte[] digits = new byte[21];
            while (at + 16 <= size) {
                int caplen = s.get(Bytes.LE32, at + 8);
                long frame = at + 16;
                at = frame + caplen;
                number++;
                if (caplen >= 14 + 20 + 14 && s.get(Bytes.BE16, frame + 12) == 0x0800 && s.get(ValueLayout.JAVA_BYTE, frame + 23) == 6) {
                    int ihl = (s.get(ValueLayout.JAVA_BYTE, frame + 14) & 0x0f) * 4;
                    if (14 + ihl + 14 <= caplen && (s.get(ValueLayout.JAVA_BYTE, frame + 14 + ihl + 13) & 0x02) != 0) {
                        int i = digits.length;
                        digits[--i] = '\n';
                        long n = number;
                        do {
                            digits[--i] = (byte) ('0' + n % 10);
                            n /= 10;
                        } while (n > 0);
                        out.write(digits, i, digits.length - i);
                    }
                }
            }
        }
    }
}
