package org.dissect4j.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** read → write → read gives the same bytes, lengths, timestamps (and comments, interfaces in pcapng). */
class WriterTest {
    @TempDir
    Path tmp;

    private static byte[] copyPcap(Path in, boolean nanos) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CaptureReader r = CaptureFiles.open(in)) {
            CaptureInterface itf = r.interfaces().getFirst();
            try (CaptureWriter w = CaptureWriter.pcap(out, itf.linkType(), itf.snaplen(), nanos)) {
                for (Frame f = r.next(); f != null; f = r.next()) {
                    w.write(f);
                }
            }
        }
        return out.toByteArray();
    }

    private static byte[] copyPcapng(Path in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CaptureReader r = CaptureFiles.open(in);
             CaptureWriter w = CaptureWriter.pcapng(out, r.interfaces())) {
            for (Frame f = r.next(); f != null; f = r.next()) {
                w.write(f);
            }
        }
        return out.toByteArray();
    }

    @Test
    void pcapCopyOfTcpdumpFilesIsByteIdentical() throws IOException {
        for (String name : List.of("udp-lo.pcap", "udp-snap60.pcap", "udp-any.pcap")) {
            assertThat(copyPcap(Captures.resource(name), false)).as(name)
                    .isEqualTo(Files.readAllBytes(Captures.resource(name)));
        }
        assertThat(copyPcap(Captures.resource("udp-lo-nsec.pcap"), true))
                .isEqualTo(Files.readAllBytes(Captures.resource("udp-lo-nsec.pcap")));
    }

    @Test
    void pcapRoundTripKeepsFrames() throws IOException {
        for (String name : List.of("udp-lo.pcap", "udp-lo-nsec.pcap", "synthetic-be.pcap", "udp-lo.pcap.gz")) {
            boolean nanos = !name.equals("udp-lo.pcap") && !name.endsWith(".gz");
            List<Captures.Rec> before = Captures.readAll(Captures.resource(name));
            List<Captures.Rec> after = Captures.readAll(copyPcap(Captures.resource(name), nanos), "copy");
            assertThat(after).as(name).usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
        }
    }

    @Test
    void microsecondPcapDropsSubMicrosecondDigits() throws IOException {
        List<Captures.Rec> before = Captures.readAll(Captures.resource("udp-lo-nsec.pcap"));
        List<Captures.Rec> after = Captures.readAll(copyPcap(Captures.resource("udp-lo-nsec.pcap"), false), "copy");
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).ts()).isEqualTo(before.get(i).ts() / 1000 * 1000);
            assertThat(after.get(i).data()).isEqualTo(before.get(i).data());
        }
    }

    @Test
    void pcapngRoundTripKeepsEverything() throws IOException {
        for (String name : List.of("udp-lo-comments.pcapng", "multi-if.pcapng", "multi-section.pcapng",
                "synthetic-mixed.pcapng", "udp-lo-nsec.pcapng", "udp-lo.pcap", "udp-lo-nsec.pcap")) {
            List<Captures.Rec> before = Captures.readAll(Captures.resource(name));
            byte[] copy = copyPcapng(Captures.resource(name));
            List<Captures.Rec> after = Captures.readAll(copy, "copy");
            assertThat(after).as(name).hasSameSizeAs(before);
            for (int i = 0; i < before.size(); i++) {
                Captures.Rec a = after.get(i);
                Captures.Rec b = before.get(i);
                assertThat(a.data()).as(name + " " + i).isEqualTo(b.data());
                assertThat(a.ts()).as(name + " " + i).isEqualTo(b.ts());
                assertThat(a.len()).isEqualTo(b.len());
                assertThat(a.caplen()).isEqualTo(b.caplen());
                assertThat(a.comment()).isEqualTo(b.comment());
                assertThat(a.ifid()).isEqualTo(b.ifid());
                assertThat(a.linkType()).isEqualTo(b.linkType());
                // a classic pcap describes no interface: its pcapng copy's has no name, which reads "unknown" as in tshark
                assertThat(a.ifName()).isEqualTo(b.ifName() == null ? "unknown" : b.ifName());
                assertThat(a.snaplen()).isEqualTo(b.snaplen());
            }
            try (CaptureReader r = CaptureFiles.open(new java.io.ByteArrayInputStream(copy), "copy");
                 CaptureReader o = CaptureFiles.open(Captures.resource(name))) {
                Captures.readAll(r);
                Captures.readAll(o);
                assertThat(r.interfaces()).extracting(CaptureInterface::linkType, CaptureInterface::name,
                        CaptureInterface::snaplen).isEqualTo(o.interfaces().stream().map(c ->
                        org.assertj.core.groups.Tuple.tuple(c.linkType(), c.name(), c.snaplen())).toList());
                assertThat(r.interfaces()).allSatisfy(c ->
                        assertThat(c.tsResolutionUnitsPerSecond()).isEqualTo(CaptureInterface.NANOSECONDS));
            }
        }
    }

    @Test
    void pcapRefusesAnotherLinkType() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CaptureReader r = CaptureFiles.open(Captures.resource("multi-if.pcapng"));
             CaptureWriter w = CaptureWriter.pcap(out, LinkType.ETHERNET, 262144, false)) {
            Frame f = r.next();
            while (f.linkType() == LinkType.ETHERNET) {
                w.write(f);
                f = r.next();
            }
            Frame other = f;
            assertThatThrownBy(() -> w.write(other)).isInstanceOf(IOException.class)
                    .hasMessage("cannot write frame 13 (link type LINUX_SLL2, 276) to a pcap file of link type EN10MB (1):"
                            + " a pcap file holds one link type; write pcapng instead");
        }
        assertThat(Captures.readAll(out.toByteArray(), "partial")).hasSize(12);
    }

    @Test
    void pcapngDescribesInterfacesItWasNotToldAbout() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Frame f = new Frame();
        MemorySegment bytes = MemorySegment.ofArray(new byte[] {1, 2, 3, 4, 5});
        try (CaptureWriter w = CaptureWriter.pcapng(out, List.of())) {
            f.set(1, bytes, 1, 3, 10, 5_000_000_123L, 7, LinkType.RAW);
            f.snaplen(100);
            f.interfaceName("tun7");
            f.comment("hi");
            w.write(f);
            f.set(2, bytes, 0, 5, 5, 6_000_000_000L, 7, LinkType.RAW);
            w.write(f);
            f.set(3, bytes, 0, 1, 1, 7_000_000_000L, 7, LinkType.ETHERNET);
            assertThatThrownBy(() -> w.write(f)).isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot write frame 3: its link type EN10MB (1) differs from the RAW (101) of its interface 7");
        }
        try (CaptureReader r = CaptureFiles.open(new java.io.ByteArrayInputStream(out.toByteArray()), "w")) {
            assertThat(r.interfaces()).containsExactly(new CaptureInterface(0, LinkType.RAW, 100, "tun7", null,
                    CaptureInterface.NANOSECONDS));
            List<Captures.Rec> frames = Captures.readAll(r);
            assertThat(frames).extracting(Captures.Rec::ts).containsExactly(5_000_000_123L, 6_000_000_000L);
            assertThat(frames.get(0).data()).containsExactly(2, 3, 4);
            assertThat(frames.get(0).len()).isEqualTo(10);
            assertThat(frames.get(0).comment()).isEqualTo("hi");
            assertThat(frames.get(1).comment()).isNull();
        }
    }

    @Test
    void emptyWritersStillWriteHeaders() throws IOException {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        CaptureWriter.pcap(a, LinkType.RAW, 65535, true).close();
        try (CaptureReader r = CaptureFiles.open(new java.io.ByteArrayInputStream(a.toByteArray()), "a")) {
            assertThat(r.interfaces().getFirst().linkType()).isEqualTo(LinkType.RAW);
            assertThat(r.next()).isNull();
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        CaptureWriter w = CaptureWriter.pcapng(b, List.of(new CaptureInterface(0, 1, 0, "e", "d", 1000)));
        w.close();
        w.close();
        try (CaptureReader r = CaptureFiles.open(new java.io.ByteArrayInputStream(b.toByteArray()), "b")) {
            assertThat(r.interfaces()).containsExactly(new CaptureInterface(0, 1, 0, "e", "d", CaptureInterface.NANOSECONDS));
        }
        assertThatThrownBy(() -> w.write(new Frame())).isInstanceOf(IOException.class);
    }

    @Test
    void duplicateInterfaceIdsAreRefused() {
        CaptureInterface i = new CaptureInterface(0, 1, 0, null, null, 1000);
        assertThatThrownBy(() -> CaptureWriter.pcapng(new ByteArrayOutputStream(), List.of(i, i)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tsharkReadsWhatWeWrite() throws Exception {
        ProcessBuilder check = new ProcessBuilder("tshark", "-v").redirectErrorStream(true);
        boolean tshark;
        try {
            Process p = check.start();
            p.getInputStream().readAllBytes();
            tshark = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            tshark = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(tshark, "tshark is not installed: skipped");
        Path out = tmp.resolve("written.pcapng");
        Files.write(out, copyPcapng(Captures.resource("synthetic-mixed.pcapng")));
        Process p = new ProcessBuilder("tshark", "-o", "frame.generate_md5_hash:TRUE", "-r", out.toString(), "-T", "fields",
                "-E", "occurrence=a", "-E", "aggregator=,", "-e", "frame.time_epoch", "-e", "frame.md5_hash",
                "-e", "frame.comment").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .lines().toList();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<Captures.Rec> frames = Captures.readAll(Captures.resource("synthetic-mixed.pcapng"));
        assertThat(lines).hasSize(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            Captures.Rec f = frames.get(i);
            assertThat(lines.get(i)).isEqualTo(Captures.epoch(f.ts()) + "\t" + f.md5() + "\t"
                    // several comments were joined into one with a newline, which tshark prints escaped
                    + (f.comment() == null ? "" : f.comment().replace("\n", "\\n")));
        }
    }
}
