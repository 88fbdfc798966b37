package org.dissect4j.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Live capture on the loopback device with real traffic. Needs root and libpcap: skipped with
 * the reason otherwise. Every wait is bounded (durations, timeouts).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LiveCaptureTest {
    private DatagramSocket sink;
    private DatagramSocket other;
    private DatagramSocket sender;

    static void assumeLiveCapturePossible() {
        try {
            Libpcap.get();
        } catch (CaptureException e) {
            Assumptions.abort("live capture tests skipped: " + e.getMessage());
        }
        Assumptions.assumeTrue(isRoot(), "live capture tests skipped: not running as root");
    }

    static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "root".equals(System.getProperty("user.name"));
    }

    @BeforeEach
    void sockets() throws IOException {
        assumeLiveCapturePossible();
        // receivers on random ports, so that no ICMP port-unreachable noise is generated
        sink = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        other = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        sender = new DatagramSocket();
    }

    @AfterEach
    void close() {
        for (DatagramSocket s : new DatagramSocket[] {sink, other, sender}) {
            if (s != null) {
                s.close();
            }
        }
    }

    private void send(DatagramSocket to, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        sender.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), to.getLocalPort()));
    }

    /** UDP destination port and payload of an IPv4/UDP frame on Linux loopback (Ethernet framing). */
    private static int dstPort(Frame f) {
        int ihl = (f.segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, f.offset() + 14) & 0x0F) * 4;
        return org.dissect4j.api.Bytes.u16(f.segment(), f.offset() + 14 + ihl + 2);
    }

    private static String payload(Frame f) {
        byte[] b = f.segment().asSlice(f.offset(), f.capturedLength()).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        int ihl = (b[14] & 0x0F) * 4;
        return new String(b, 14 + ihl + 8, b.length - 14 - ihl - 8, StandardCharsets.US_ASCII);
    }

    @Test
    void listsTheLoopbackDevice() throws CaptureException {
        List<LiveDevice> devices = LiveCapture.devices();
        assertThat(devices).anySatisfy(d -> {
            assertThat(d.name()).isEqualTo("lo");
            assertThat(d.loopback()).isTrue();
            assertThat(d.up()).isTrue();
            assertThat(d.addresses()).contains("127.0.0.1");
        });
        assertThat(LiveCapture.libraryVersion()).startsWith("libpcap version");
    }

    @Test
    void capturesOnlyWhatTheFilterSelects() throws IOException {
        int port = sink.getLocalPort();
        long start = System.currentTimeMillis();
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        try (LiveCapture live = LiveCapture.open("lo", LiveOptions.defaults()
                .withFilter("udp port " + port).withDurationMillis(20_000))) {
            assertThat(live.linkType()).isEqualTo(LinkType.ETHERNET);
            assertThat(live.snaplen()).isEqualTo(LiveOptions.DEFAULT_SNAPLEN);
            for (int i = 0; i < 20; i++) {
                send(sink, String.format("dissect4j-live-%02d", i));
                send(other, "not-for-the-filter");
            }
            List<String> payloads = new ArrayList<>();
            try (CaptureWriter w = CaptureWriter.pcapng(saved, List.of(live.captureInterface()))) {
                Thread stopper = Thread.ofPlatform().daemon().unstarted(() -> {
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        return;
                    }
                    live.breakLoop();
                });
                for (Frame f = live.next(); f != null; f = live.next()) {
                    assertThat(dstPort(f)).isEqualTo(port);
                    assertThat(f.capturedLength()).isEqualTo(f.originalLength());
                    assertThat(f.interfaceId()).isZero();
                    assertThat(f.interfaceName()).isEqualTo("lo");
                    assertThat(f.timestampNanos() / 1_000_000).isBetween(start - 5_000, System.currentTimeMillis() + 5_000);
                    payloads.add(payload(f));
                    w.write(f);
                    if (payloads.size() == 20) {
                        // all arrived; wait a little for anything the filter should have dropped
                        stopper.start();
                    }
                }
            }
            assertThat(payloads).hasSize(20);
            assertThat(new TreeSet<>(payloads)).hasSize(20).allSatisfy(p -> assertThat(p).startsWith("dissect4j-live-"));
            LiveStats stats = live.stats();
            assertThat(stats.received()).isGreaterThanOrEqualTo(20);
            assertThat(stats.dropped()).isZero();
        }
        List<Captures.Rec> written = Captures.readAll(saved.toByteArray(), "live.pcapng");
        assertThat(written).hasSize(20);
        assertThat(written.getFirst().udpPayload()).startsWith("dissect4j-live-");
        assertThat(written.getFirst().ifName()).isEqualTo("lo");
    }

    @Test
    void packetsAreViewsWithoutAllocation() throws IOException {
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        int perRound = 2000;
        int rounds = 6;
        long best = Long.MAX_VALUE;
        try (LiveCapture live = LiveCapture.open("lo", LiveOptions.defaults()
                .withFilter("udp dst port " + sink.getLocalPort()).withPacketCount((long) perRound * rounds)
                .withDurationMillis(30_000).withBufferSize(16 << 20))) {
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < perRound; i++) {
                    send(sink, "x");
                }
                long sum = 0;
                long before = mx.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < perRound; i++) {
                    Frame f = live.next();
                    if (f == null) {
                        throw new AssertionError("capture stopped early in round " + round);
                    }
                    sum += f.capturedLength();
                }
                best = Math.min(best, mx.getCurrentThreadAllocatedBytes() - before);
                assertThat(sum).isPositive();
            }
        }
        // steady state (the first rounds warm up the JIT on the downcall path)
        assertThat(best / (double) perRound).as("bytes per packet (" + best + " in the best round)").isLessThan(1);
    }

    @Test
    void stopsAfterThePacketCount() throws IOException {
        try (LiveCapture live = LiveCapture.open("lo", LiveOptions.defaults()
                .withFilter("udp dst port " + sink.getLocalPort()).withPacketCount(5).withDurationMillis(20_000))) {
            for (int i = 0; i < 10; i++) {
                send(sink, "count-" + i);
            }
            int n = 0;
            while (live.next() != null) {
                n++;
            }
            assertThat(n).isEqualTo(5);
            assertThat(live.next()).isNull();
        }
    }

    @Test
    void stopsAfterTheDuration() throws IOException {
        long t0 = System.nanoTime();
        try (LiveCapture live = LiveCapture.open("lo", LiveOptions.defaults()
                .withFilter("udp port " + other.getLocalPort()).withDurationMillis(300))) {
            assertThat(live.next()).isNull();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).isBetween(250L, 5_000L);
    }

    @Test
    void breakLoopFromAnotherThread() throws Exception {
        try (LiveCapture live = LiveCapture.open("lo", LiveOptions.defaults()
                .withFilter("udp port " + other.getLocalPort()).withDurationMillis(20_000).withTimeoutMillis(1000))) {
            Thread t = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                live.breakLoop();
            });
            long t0 = System.nanoTime();
            assertThat(live.next()).isNull();
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
            assertThat(live.next()).isNull();
            t.join();
        }
    }

    @Test
    void closeFromAnotherThreadWhileWaiting() throws Exception {
        LiveCapture live = LiveCapture.open("lo", LiveOptions.defaults()
                .withFilter("udp port " + other.getLocalPort()).withDurationMillis(20_000));
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            live.close();
        });
        assertThat(live.next()).isNull();
        t.join();
        assertThat(live.next()).isNull();
        live.close();
        live.breakLoop();
        assertThatThrownBy(live::stats).isInstanceOf(CaptureException.class).hasMessageContaining("closed");
    }

    @Test
    void invalidFilterCarriesLibpcapText() {
        assertThatThrownBy(() -> LiveCapture.open("lo", LiveOptions.defaults().withFilter("udp port notaport")))
                .isInstanceOf(CaptureException.class)
                .hasMessageStartingWith("invalid capture filter \"udp port notaport\" for lo: ")
                .hasMessageContaining("notaport");
    }

    @Test
    void unknownDevice() {
        assertThatThrownBy(() -> LiveCapture.open("nosuchdev0", LiveOptions.defaults()))
                .isInstanceOf(CaptureException.class)
                .hasMessageStartingWith("cannot capture on nosuchdev0: no such device")
                .satisfies(e -> assertThat(((CaptureException) e).file()).isEqualTo("nosuchdev0"));
    }

    @Test
    void unprivilegedUserGetsThePermissionHint() throws Exception {
        Path setpriv = Path.of("/usr/bin/setpriv");
        Assumptions.assumeTrue(Files.isExecutable(setpriv), "setpriv not installed: skipped");
        // the child runs as nobody: give it copies of the classes it needs in a world-readable place
        Path dir = Files.createTempDirectory("dissect4j-probe");
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            List<String> cp = new ArrayList<>();
            for (Class<?> c : new Class<?>[] {LiveCapture.class, LiveProbe.class, Frame.class}) {
                Path src = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                Path dst = dir.resolve("cp" + cp.size());
                copyTree(src, dst);
                cp.add(dst.toString());
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups",
                    java, "-XX:-UsePerfData", "--enable-native-access=ALL-UNNAMED", "-cp", String.join(":", cp),
                    LiveProbe.class.getName(), "lo").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(out).isEqualTo("cannot capture on lo: permission denied (run as root or grant"
                    + " CAP_NET_RAW,CAP_NET_ADMIN: setcap cap_net_raw,cap_net_admin=eip $(readlink -f $JAVA_HOME/bin/java))");
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
            }
        }
    }

    private static void copyTree(Path src, Path dst) throws IOException {
        if (Files.isRegularFile(src)) {
            Files.createDirectories(dst);
            Files.copy(src, dst.resolve(src.getFileName()));
            return;
        }
        try (var s = Files.walk(src)) {
            for (Path q : s.toList()) {
                Path t = dst.resolve(src.relativize(q).toString());
                if (Files.isDirectory(q)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(q, t);
                }
            }
        }
    }
}
