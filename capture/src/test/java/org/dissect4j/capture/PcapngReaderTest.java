package org.dissect4j.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dissect4j.capture.PcapngBuilder.str;
import static org.dissect4j.capture.PcapngBuilder.u8;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PcapngReaderTest {
    @TempDir
    Path tmp;

    @Test
    void readsDumpcapCapture() throws IOException {
        try (CaptureReader r = CaptureFiles.open(Captures.resource("udp-lo.pcapng"))) {
            assertThat(r.format()).isEqualTo(CaptureFormat.PCAPNG);
            // known right after open: the IDB precedes the first packet
            assertThat(r.interfaces()).hasSize(1);
            CaptureInterface lo = r.interfaces().getFirst();
            assertThat(lo.name()).isEqualTo("lo");
            assertThat(lo.linkType()).isEqualTo(LinkType.ETHERNET);
            assertThat(lo.tsResolutionUnitsPerSecond()).isEqualTo(CaptureInterface.NANOSECONDS);
            List<Captures.Rec> frames = Captures.readAll(r);
            assertThat(frames).hasSize(10);
            for (int i = 0; i < frames.size(); i++) {
                assertThat(frames.get(i).udpPayload()).startsWith(String.format("ng-%02d-", i));
                assertThat(frames.get(i).ifName()).isEqualTo("lo");
            }
        }
    }

    @Test
    void commentsAreExposedOnlyWhereTheyExist() throws IOException {
        List<Captures.Rec> frames = Captures.readAll(Captures.resource("udp-lo-comments.pcapng"));
        assertThat(frames.get(0).comment()).isEqualTo("hello");
        assertThat(frames.get(1).comment()).isNull();
        assertThat(frames.get(2).comment()).isEqualTo("second comment ünïcode ✓");
        assertThat(frames.subList(3, frames.size())).allSatisfy(f -> assertThat(f.comment()).isNull());
    }

    @Test
    void decryptionSecretsAreKept() throws IOException {
        try (CaptureReader r = CaptureFiles.open(Captures.resource("udp-lo-secrets.pcapng"))) {
            assertThat(r.secrets()).hasSize(1);
            DecryptionSecrets s = r.secrets().getFirst();
            assertThat(s.type()).isEqualTo(DecryptionSecrets.TLS_KEY_LOG);
            assertThat(DecryptionSecrets.typeName(s.type())).isEqualTo("tls");
            assertThat(s.text()).isEqualTo(Files.readString(Captures.resource("udp-lo-secrets.keys")));
            assertThat(Captures.readAll(r)).hasSize(10);
        }
    }

    @Test
    void sectionsRenumberInterfacesFileWide() throws IOException {
        try (CaptureReader r = CaptureFiles.open(Captures.resource("multi-section.pcapng"))) {
            List<Captures.Rec> frames = Captures.readAll(r);
            assertThat(r.interfaces()).extracting(CaptureInterface::id, CaptureInterface::linkType)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(0, LinkType.ETHERNET),
                            org.assertj.core.groups.Tuple.tuple(1, LinkType.LINUX_SLL2));
            assertThat(frames).hasSize(16);
            assertThat(frames.subList(0, 10)).allSatisfy(f -> {
                assertThat(f.ifid()).isZero();
                assertThat(f.linkType()).isEqualTo(LinkType.ETHERNET);
            });
            assertThat(frames.subList(10, 16)).allSatisfy(f -> {
                assertThat(f.ifid()).isEqualTo(1);
                assertThat(f.linkType()).isEqualTo(LinkType.LINUX_SLL2);
            });
        }
    }

    @Test
    void interfacesWithDifferentLinkTypesInOneSection() throws IOException {
        try (CaptureReader r = CaptureFiles.open(Captures.resource("multi-if.pcapng"))) {
            assertThat(r.interfaces()).extracting(CaptureInterface::linkType)
                    .containsExactly(LinkType.ETHERNET, LinkType.LINUX_SLL2);
            List<Captures.Rec> frames = Captures.readAll(r);
            assertThat(frames).hasSize(18);
            assertThat(frames).allSatisfy(f -> assertThat(f.linkType())
                    .isEqualTo(f.ifid() == 0 ? LinkType.ETHERNET : LinkType.LINUX_SLL2));
            assertThat(frames).filteredOn(f -> f.ifid() == 1).hasSize(6);
        }
    }

    @Test
    void everyBlockTypeInBothByteOrders() throws IOException {
        try (CaptureReader r = CaptureFiles.open(Captures.resource("synthetic-mixed.pcapng"))) {
            List<Captures.Rec> f = Captures.readAll(r);
            assertThat(r.interfaces()).containsExactly(
                    new CaptureInterface(0, LinkType.ETHERNET, 128, "be0", "big-endian test", 1L << 20),
                    new CaptureInterface(1, LinkType.RAW, 0, "raw1", null, 1000),
                    new CaptureInterface(2, LinkType.LINUX_SLL2, 65535, "le0", null, CaptureInterface.NANOSECONDS));
            assertThat(r.secrets()).hasSize(1);
            assertThat(r.secrets().getFirst().text()).isEqualTo("CLIENT_RANDOM 00 11\n");
            assertThat(f).extracting(Captures.Rec::ifid).containsExactly(0, 1, 0, 1, 2, 2);
            // EPB, 2^-20 resolution with if_tsoffset 1000 s
            assertThat(f.get(0).ts()).isEqualTo(1_700_000_001_500_000_000L);
            assertThat(f.get(0).comment()).isEqualTo("first packet");
            // millisecond interface
            assertThat(f.get(1).ts()).isEqualTo(1_700_000_002_250_000_000L);
            // SPB: no timestamp, original 200 bytes cut to the snaplen 128
            assertThat(f.get(2)).extracting(Captures.Rec::ts, Captures.Rec::len, Captures.Rec::caplen)
                    .containsExactly(0L, 200, 128);
            // obsolete Packet Block with a comment
            assertThat(f.get(3)).extracting(Captures.Rec::len, Captures.Rec::caplen, Captures.Rec::comment)
                    .containsExactly(40, 33, "obsolete packet block");
            assertThat(f.get(4).comment()).isEqualTo("one\ntwo");
            assertThat(f.get(4).ts()).isEqualTo(1_700_000_004_123_456_789L);
            assertThat(f.get(4).ifName()).isEqualTo("le0");
            assertThat(f.get(5).comment()).isNull();
        }
    }

    @Test
    void customAndUnknownBlocksAreSkipped() throws IOException {
        PcapngBuilder b = new PcapngBuilder().shb(ByteOrder.LITTLE_ENDIAN).idb(1, 0);
        b.block(PcapngBlock.CB_COPY, new byte[] {0, 0, 0x7e, 0x1f, 1, 2, 3});
        b.epb(0, 1, new byte[] {1}, 1);
        b.block(PcapngBlock.CB_NO_COPY, new byte[] {0, 0, 0x7e, 0x1f});
        b.block(PcapngBlock.SJE, "MESSAGE=x\n".getBytes(StandardCharsets.US_ASCII));
        b.block(0x7777_7777, new byte[0]);
        b.isb(0, 5);
        b.nrb(new byte[] {1, 2, 3, 4}, "a");
        b.epb(0, 2, new byte[] {2}, 1);
        assertThat(Captures.readFile(tmp, "skip.pcapng", b.bytes())).extracting(Captures.Rec::ts)
                .containsExactly(1_000L, 2_000L);
    }

    @Test
    void interfacesDefinedBetweenPacketsAppearInTheLiveView() throws IOException {
        PcapngBuilder b = new PcapngBuilder().shb(ByteOrder.BIG_ENDIAN).idb(1, 0).epb(0, 1, new byte[] {1}, 1)
                .idb(LinkType.RAW, 0, str(2, "late")).epb(1, 2, new byte[] {2}, 1)
                .dsb((int) DecryptionSecrets.SSH_KEY_LOG, new byte[] {9});
        try (CaptureReader r = CaptureFiles.open(Files.write(tmp.resolve("late.pcapng"), b.bytes()))) {
            List<CaptureInterface> view = r.interfaces();
            assertThat(view).hasSize(1);
            assertThatThrownBy(() -> view.add(null)).isInstanceOf(UnsupportedOperationException.class);
            assertThat(r.next().interfaceId()).isZero();
            assertThat(r.next().linkType()).isEqualTo(LinkType.RAW);
            assertThat(view).hasSize(2);
            assertThat(view.get(1).name()).isEqualTo("late");
            assertThat(r.secrets()).isEmpty();
            assertThat(r.next()).isNull();
            assertThat(r.secrets()).extracting(DecryptionSecrets::type).containsExactly(DecryptionSecrets.SSH_KEY_LOG);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 6, 9, 10, 12, 15, 18, 0x80, 0x81, 0x8a, 0x94, 0x9e, 0xa0, 0xbe})
    void everyRepresentableTimestampResolution(int tsresol) throws IOException {
        boolean binary = (tsresol & 0x80) != 0;
        int exp = tsresol & 0x7f;
        BigInteger units = binary ? BigInteger.ONE.shiftLeft(exp) : BigInteger.TEN.pow(exp);
        long[] stamps = {0, 1, 1_700_000_000L * Math.min(units.longValueExact(), 1L << 32) + 12345, -1L >>> 1,
                units.longValueExact() * 3 - 1};
        PcapngBuilder b = new PcapngBuilder().shb(ByteOrder.LITTLE_ENDIAN).idb(1, 0, u8(9, tsresol), tsoffset(7));
        for (long ts : stamps) {
            b.epb(0, ts, new byte[0], 0);
        }
        List<Captures.Rec> frames = Captures.readFile(tmp, "res.pcapng", b.bytes());
        for (int i = 0; i < stamps.length; i++) {
            // timestamps are unsigned 64-bit values
            BigInteger ts = new BigInteger(Long.toUnsignedString(stamps[i]));
            long expected = ts.multiply(BigInteger.valueOf(1_000_000_000L)).divide(units).longValue() + 7_000_000_000L;
            assertThat(frames.get(i).ts()).as("tsresol 0x%02x ts %d", tsresol, stamps[i]).isEqualTo(expected);
        }
    }

    /** An {@code if_tsoffset} option (code 14), little-endian. */
    private static PcapngBuilder.Opt tsoffset(long v) {
        return new PcapngBuilder.Opt(14, java.nio.ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
    }

    @ParameterizedTest
    @ValueSource(ints = {19, 0x7f, 0xbf, 0xff})
    void unrepresentableResolutionIsAnError(int tsresol) throws IOException {
        byte[] bytes = new PcapngBuilder().shb(ByteOrder.LITTLE_ENDIAN).idb(1, 0, u8(9, tsresol)).bytes();
        Path p = Files.write(tmp.resolve("bad-res.pcapng"), bytes);
        assertThatThrownBy(() -> CaptureFiles.open(p)).isInstanceOf(CaptureException.class)
                .hasMessageContaining("bad-res.pcapng: unsupported if_tsresol in the Interface Description Block at byte offset 28");
    }

    @Test
    void simplePacketBlockLengths() throws IOException {
        PcapngBuilder b = new PcapngBuilder().shb(ByteOrder.BIG_ENDIAN).idb(1, 0);
        b.spb(10, new byte[10]);   // whole packet
        b.spb(100, new byte[12]);  // the block holds only 12 bytes
        b.spb(3, new byte[4]);     // padding is not data
        assertThat(Captures.readFile(tmp, "spb.pcapng", b.bytes()))
                .extracting(Captures.Rec::caplen, Captures.Rec::len)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10, 10), org.assertj.core.groups.Tuple.tuple(12, 100),
                        org.assertj.core.groups.Tuple.tuple(3, 3));
    }

    @Test
    void fileWithoutPacketsHasInterfaces() throws IOException {
        byte[] bytes = new PcapngBuilder().shb(ByteOrder.LITTLE_ENDIAN).idb(LinkType.IPV4, 9000, str(2, "x")).bytes();
        try (CaptureReader r = CaptureFiles.open(Files.write(tmp.resolve("nopkt.pcapng"), bytes))) {
            assertThat(r.interfaces()).hasSize(1);
            assertThat(r.next()).isNull();
        }
    }

    /** Frames carry the name Wireshark shows: if_name, else if_description, else if_hardware, else "unknown". */
    @Test
    void framesNameTheirInterfaceAsWiresharkDoes() throws IOException {
        PcapngBuilder b = new PcapngBuilder().shb(ByteOrder.LITTLE_ENDIAN);
        b.idb(1, 0, str(2, "eth0"), str(3, "d")).idb(1, 0, str(3, "desc"), str(15, "hw")).idb(1, 0, str(15, "hw")).idb(1, 0);
        for (int i = 0; i < 4; i++) {
            b.epb(i, 0, new byte[] {1}, 1);
        }
        try (CaptureReader r = CaptureFiles.open(Files.write(tmp.resolve("names.pcapng"), b.bytes()))) {
            List<String> names = new ArrayList<>();
            for (Frame f = r.next(); f != null; f = r.next()) {
                names.add(f.interfaceName());
            }
            assertThat(names).containsExactly("eth0", "desc", "hw", "unknown");
            assertThat(r.interfaces().getLast().name()).isNull();       // the file's own description is kept as it is
        }
    }

    @Test
    void unknownOptionsAndTrailingNulsInStrings() throws IOException {
        PcapngBuilder b = new PcapngBuilder().shb(ByteOrder.LITTLE_ENDIAN);
        b.idb(1, 0, new PcapngBuilder.Opt(0x8001, new byte[5]), str(2, "eth0\0\0"), str(3, "d"));
        b.epb(0, 0, new byte[] {1}, 1, new PcapngBuilder.Opt(2, new byte[4]), str(1, "c\0"));
        try (CaptureReader r = CaptureFiles.open(Files.write(tmp.resolve("opts.pcapng"), b.bytes()))) {
            assertThat(r.interfaces().getFirst().name()).isEqualTo("eth0");
            assertThat(r.next().comment()).isEqualTo("c");
        }
    }
}
