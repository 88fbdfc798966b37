package org.dissect4j.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a pcap of {@code streams} TCP connections (Ethernet/IPv4), one after the other, each a 3-way
 * handshake followed by client data segments of 100 bytes each answered by a server ACK, until it has
 * {@code segments} segments: big captures for the flow's limits without shipping one.
 */
final class SyntheticCapture {
    private SyntheticCapture() {
    }

    static Path write(Path file, int streams, int segments) {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
            os.write(h.array());
            long usec = 0;
            for (int s = 0; s < streams; s++) {
                int port = 20000 + s;
                long cseq = 1000;
                long sseq = 5000;
                usec = packet(os, usec, port, true, 0x02, cseq, 0, 0);
                usec = packet(os, usec, port, false, 0x12, sseq, cseq + 1, 0);
                usec = packet(os, usec, port, true, 0x10, cseq + 1, sseq + 1, 0);
                cseq++;
                sseq++;
                for (int k = 3; k < segments; k++) {
                    if (k % 2 == 1) {
                        usec = packet(os, usec, port, true, 0x18, cseq, sseq, 100);
                        cseq += 100;
                    } else {
                        usec = packet(os, usec, port, false, 0x10, sseq, cseq, 0);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static long packet(OutputStream os, long usec, int port, boolean fromClient, int flags, long seq, long ack, int payload)
            throws IOException {
        int len = 14 + 20 + 20 + payload;
        ByteBuffer b = ByteBuffer.allocate(16 + len);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (usec / 1_000_000)).putInt((int) (usec % 1_000_000)).putInt(len).putInt(len);
        b.order(ByteOrder.BIG_ENDIAN);
        b.put(new byte[] {2, 0, 0, 0, 0, (byte) (fromClient ? 2 : 1), 2, 0, 0, 0, 0, (byte) (fromClient ? 1 : 2), 8, 0});
        int ip = b.position();
        b.put((byte) 0x45).put((byte) 0).putShort((short) (len - 14)).putShort((short) 0).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 6).putShort((short) 0);
        b.put(new byte[] {10, 9, 0, (byte) (fromClient ? 2 : 1)}).put(new byte[] {10, 9, 0, (byte) (fromClient ? 1 : 2)});
        b.putShort(ip + 10, checksum(b.array(), ip, 20));
        b.putShort((short) (fromClient ? port : 80)).putShort((short) (fromClient ? 80 : port)).putInt((int) seq).putInt((int) ack)
                .put((byte) 0x50).put((byte) flags).putShort((short) 1024).putShort((short) 0).putShort((short) 0);
        b.put(new byte[payload]);
        os.write(b.array());
        return usec + 10;
    }

    private static short checksum(byte[] a, int off, int len) {
        int sum = 0;
        for (int i = 0; i < len; i += 2) {
            sum += (a[off + i] & 0xFF) << 8 | (a[off + i + 1] & 0xFF);
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (short) ~sum;
    }
}
