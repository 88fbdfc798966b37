package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code -i lo -f FILTER}: real packets from the loopback interface, dissected and filtered by BPF. */
class LiveTest {
    @Test
    void capturesLoopbackTrafficThroughTheCaptureFilter() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "live capture needs root (CAP_NET_RAW)");
        assumeTrue(Cli.run("-D").status() == 0, "libpcap is not installed");
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        int wanted = port;
        CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> Cli.run("-i", "lo", "-f", "udp dst port " + wanted,
                "-c", "3", "-a", "duration:20", "-T", "fields", "-e", "udp.dstport", "-e", "udp.length", "-e", "_ws.col.Protocol"));
        try (DatagramSocket s = new DatagramSocket()) {
            byte[] payload = "dissect4j".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 40 && !run.isDone(); i++) {
                s.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), wanted + 1));
                s.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), wanted));
                Thread.sleep(200);
            }
        }
        Cli r = run.get(30, TimeUnit.SECONDS);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).hasSize(3).allMatch(l -> l.equals(wanted + "\t17\tUDP"));
    }
}
