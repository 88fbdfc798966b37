package org.dissect4j.capture;

import static org.dissect4j.capture.PcapngBuilder.str;
import static org.dissect4j.capture.PcapngBuilder.u8;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the synthetic test vectors that tools cannot produce (big-endian files, SPB, PB, NRB, ISB,
 * DSB, custom and unknown blocks, binary {@code if_tsresol}, {@code if_tsoffset}). Their tshark
 * goldens are made by {@code src/test/resources/captures/make-goldens.sh}. Run from the module dir:
 * {@code java -cp target/test-classes:target/classes:../dissector-api/target/classes
 * org.dissect4j.capture.VectorGenerator src/test/resources/captures}
 */
public final class VectorGenerator {
    private VectorGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/captures");
        Files.write(dir.resolve("synthetic-be.pcap"), bigEndianPcap());
        Files.write(dir.resolve("synthetic-mixed.pcapng"), mixedPcapng());
    }

    /** Payload {@code n} bytes: a marker then a counting pattern, so every frame differs. */
    static byte[] payload(int seed, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        byte[] tag = ("frame-" + seed).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(tag, 0, b, 0, Math.min(tag.length, n));
        return b;
    }

    /** Big-endian nanosecond pcap, Ethernet, snaplen 96: one cut frame, one after 2038 (unsigned ts_sec). */
    static byte[] bigEndianPcap() {
        PcapBuilder p = new PcapBuilder(ByteOrder.BIG_ENDIAN, true, 96, 1);
        p.record(1_700_000_000L, 123_456_789L, payload(1, 60), 60);
        p.record(1_700_000_001L, 999_999_999L, payload(2, 96), 1514);
        p.record(0x8000_0001L, 5L, payload(3, 42), 42);
        return p.bytes();
    }

    /**
     * Two sections. Section 1, big-endian: interface 0 Ethernet "be0" with binary resolution 2^-20
     * and offset +1000 s, interface 1 raw IP with millisecond resolution; NRB, DSB, EPB with a
     * comment, EPB, SPB cut by snaplen, PB with a comment, ISB and an unknown block (no custom block:
     * tshark 4.0 shows those as frames, dissect4j skips them).
     * Section 2, little-endian: one SLL2 interface "le0" in nanoseconds, EPB with two comments, EPB.
     */
    static byte[] mixedPcapng() {
        PcapngBuilder b = new PcapngBuilder();
        b.shb(ByteOrder.BIG_ENDIAN, str(4, "dissect4j VectorGenerator"));
        b.idb(1, 128, str(2, "be0"), str(3, "big-endian test"), u8(9, 0x94), b.i64(14, 1000));
        b.idb(101, 0, str(2, "raw1"), u8(9, 3));
        b.nrb(new byte[] {10, 0, 0, 1}, "host.example");
        b.dsb((int) DecryptionSecrets.TLS_KEY_LOG, "CLIENT_RANDOM 00 11\n".getBytes(StandardCharsets.US_ASCII));
        // 1.5 s after 1_700_000_000 - 1000 s, in 2^-20 s units
        long t0 = ((1_700_000_000L - 1000) << 20) + (3L << 19);
        b.epb(0, t0, payload(1, 60), 60, str(1, "first packet"));
        b.epb(1, 1_700_000_002_250L, payload(2, 41), 41);
        b.spb(200, payload(3, 128));
        b.pb(1, 0, 1_700_000_003_001L, payload(4, 33), 40, str(1, "obsolete packet block"));
        b.isb(0, t0);
        b.block(0x0000_0F0F, payload(10, 8));
        b.shb(ByteOrder.LITTLE_ENDIAN);
        b.idb(276, 65535, str(2, "le0"), u8(9, 9));
        b.epb(0, 1_700_000_004_123_456_789L, payload(5, 52), 52, str(1, "one"), str(1, "two"));
        b.epb(0, 1_700_000_005_000_000_001L, payload(6, 20), 20);
        return b.bytes();
    }
}
