package org.dissect4j.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsTcpdumpMicrosecondCapture() throws IOException {
        try (CaptureReader r = CaptureFiles.open(Captures.resource("udp-lo.pcap"))) {
            assertThat(r.format()).isEqualTo(CaptureFormat.PCAP);
            assertThat(r.interfaces()).containsExactly(
                    new CaptureInterface(0, LinkType.ETHERNET, 262144, null, null, CaptureInterface.MICROSECONDS));
            assertThat(r.secrets()).isEmpty();
            assertThat(r.size()).isEqualTo(1014);
            assertThat(r.position()).isEqualTo(24);
            assertThat(r.name()).endsWith("udp-lo.pcap");
            List<Captures.Rec> frames = Captures.readAll(r);
            assertThat(frames).hasSize(12);
            assertThat(r.position()).isEqualTo(r.size());
            for (int i = 0; i < frames.size(); i++) {
                Captures.Rec f = frames.get(i);
                assertThat(f.number()).isEqualTo(i + 1);
                assertThat(f.caplen()).isEqualTo(f.len());
                assertThat(f.linkType()).isEqualTo(LinkType.ETHERNET);
                assertThat(f.snaplen()).isEqualTo(262144);
                assertThat(f.ifid()).isZero();
                assertThat(f.comment()).isNull();
                assertThat(f.udpPayload()).startsWith(String.format("pcap-%02d-", i));
                // microsecond file: the last three digits are zero
                assertThat(f.ts() % 1000).isZero();
            }
            assertThat(r.next()).isNull();
            assertThat(r.next()).isNull();
        }
    }

    @Test
    void framesAreViewsOfTheMappedFile() throws IOException {
        try (CaptureReader r = CaptureFiles.open(Captures.resource("udp-lo.pcap"))) {
            Frame first = r.next();
            // record 1 starts after the 24-byte file header and its 16-byte record header
            assertThat(first.offset()).isEqualTo(40);
            assertThat(first.segment().byteSize()).isEqualTo(1014);
            int firstLength = first.capturedLength();
            Frame second = r.next();
            assertThat(second).isSameAs(first);
            assertThat(second.offset()).isEqualTo(40 + firstLength + 16);
        }
    }

    @Test
    void nanosecondCaptureKeepsNanoseconds() throws IOException {
        try (CaptureReader r = CaptureFiles.open(Captures.resource("udp-lo-nsec.pcap"))) {
            assertThat(r.interfaces().getFirst().tsResolutionUnitsPerSecond()).isEqualTo(CaptureInterface.NANOSECONDS);
            List<Captures.Rec> frames = Captures.readAll(r);
            assertThat(frames).hasSize(8);
            assertThat(frames).anyMatch(f -> f.ts() % 1000 != 0);
        }
    }

    @Test
    void snaplenCutsCapturedLength() throws IOException {
        List<Captures.Rec> frames = Captures.readAll(Captures.resource("udp-snap60.pcap"));
        assertThat(frames).hasSize(6).allSatisfy(f -> {
            assertThat(f.caplen()).isEqualTo(60);
            assertThat(f.len()).isGreaterThan(60);
            assertThat(f.snaplen()).isEqualTo(60);
        });
    }

    @Test
    void linuxCookedV2() throws IOException {
        assertThat(Captures.readAll(Captures.resource("udp-any.pcap")))
                .hasSize(6).allSatisfy(f -> assertThat(f.linkType()).isEqualTo(LinkType.LINUX_SLL2));
    }

    @Test
    void bigEndianEqualsLittleEndian() throws IOException {
        for (boolean nanos : new boolean[] {false, true}) {
            byte[] le = sample(ByteOrder.LITTLE_ENDIAN, nanos, 1);
            byte[] be = sample(ByteOrder.BIG_ENDIAN, nanos, 1);
            List<Captures.Rec> a = Captures.readFile(tmp, "le.pcap", le);
            List<Captures.Rec> b = Captures.readFile(tmp, "be.pcap", be);
            assertThat(a).hasSize(3);
            assertThat(b).usingRecursiveFieldByFieldElementComparator().isEqualTo(a);
            assertThat(a.get(0).ts()).isEqualTo(1_700_000_000L * 1_000_000_000L + (nanos ? 123_456_789L : 123_456_000L));
            assertThat(a.get(1).caplen()).isEqualTo(10);
            assertThat(a.get(1).len()).isEqualTo(1514);
        }
    }

    @Test
    void fcsAndReservedBitsOfTheLinkTypeFieldAreMaskedOff() throws IOException {
        // FCS length 4 (bits 28-31) with the "FCS present" bit 26, on LINKTYPE_ETHERNET
        int field = (4 << 28) | (1 << 26) | LinkType.ETHERNET;
        try (CaptureReader r = CaptureFiles.open(java.nio.file.Files.write(tmp.resolve("fcs.pcap"),
                sample(ByteOrder.LITTLE_ENDIAN, false, field)))) {
            assertThat(r.interfaces().getFirst().linkType()).isEqualTo(LinkType.ETHERNET);
            assertThat(r.next().linkType()).isEqualTo(LinkType.ETHERNET);
        }
        // an unknown link type stays representable
        assertThat(Captures.readFile(tmp, "lt.pcap", sample(ByteOrder.BIG_ENDIAN, false, 147)).getFirst().linkType())
                .isEqualTo(147);
    }

    @Test
    void timestampsAfter2038AreUnsigned() throws IOException {
        byte[] bytes = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, 65535, 1)
                .record(0xFFFF_FFF0L, 999_999, new byte[4], 4).bytes();
        assertThat(Captures.readFile(tmp, "y2106.pcap", bytes).getFirst().ts())
                .isEqualTo(0xFFFF_FFF0L * 1_000_000_000L + 999_999_000L);
    }

    @Test
    void unsupportedVersionIsNamed() throws IOException {
        byte[] bytes = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, 65535, 1, 3, 0).bytes();
        Path p = java.nio.file.Files.write(tmp.resolve("v3.pcap"), bytes);
        assertThatThrownBy(() -> CaptureFiles.open(p)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("v3.pcap: unsupported pcap version 3.0");
    }

    @Test
    void emptyCaptureHasNoFrames() throws IOException {
        byte[] bytes = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, 65535, 1).bytes();
        assertThat(Captures.readFile(tmp, "empty.pcap", bytes)).isEmpty();
        assertThat(Captures.readAll(bytes, "-")).isEmpty();
    }

    @Test
    void zeroLengthRecordsAndShortOriginalLengthsAreDelivered() throws IOException {
        byte[] bytes = new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, 65535, 1)
                .record(1, 0, new byte[0], 0).record(2, 0, new byte[8], 4).bytes();
        List<Captures.Rec> frames = Captures.readFile(tmp, "odd.pcap", bytes);
        assertThat(frames).extracting(Captures.Rec::caplen).containsExactly(0, 8);
        // kept as written, like tshark's frame.len
        assertThat(frames).extracting(Captures.Rec::len).containsExactly(0, 4);
    }

    static byte[] sample(ByteOrder order, boolean nanos, int linkTypeField) {
        return new PcapBuilder(order, nanos, 65535, linkTypeField)
                .record(1_700_000_000L, nanos ? 123_456_789L : 123_456L, VectorGenerator.payload(1, 60), 60)
                .record(1_700_000_001L, 0, VectorGenerator.payload(2, 10), 1514)
                .record(1_700_000_002L, 1, VectorGenerator.payload(3, 1), 1)
                .bytes();
    }
}
