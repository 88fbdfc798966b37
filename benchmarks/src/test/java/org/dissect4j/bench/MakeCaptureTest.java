package org.dissect4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Settings;
import org.dissect4j.api.Tree;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureReader;
import org.dissect4j.http.HttpPlugin;
import org.dissect4j.net.NetPlugin;
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.tls.TlsPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark capture must be what the comparison claims: distinct connections (no retransmissions or
 * other analysis flags, one TCP stream per SYN), valid IPv4 and TCP checksums, fresh client ports in
 * the dynamic range, and the TLS handshakes still dissected.
 */
class MakeCaptureTest {
    @Test
    void replaysAreDistinctValidConnections(@TempDir Path dir) throws IOException {
        List<MakeCapture.Template> templates = new ArrayList<>();
        for (String source : MakeCapture.DEFAULT_SOURCES) {
            templates.add(MakeCapture.load(BenchCaptures.find(source)));
        }
        Path out = dir.resolve("bench.pcap");
        MakeCapture.Result result = MakeCapture.write(templates, 20_000, 1, out);
        assertThat(result.packets()).isEqualTo(20_000);
        assertThat(result.replays()).isGreaterThan(100);

        Engine engine = Engine.builder().discover(false)
                .settings(new Settings().set("tcp.check_checksum", "TRUE").set("ip.check_checksum", "TRUE"))
                .plugin(new NetPlugin()).plugin(new TcpPlugin()).plugin(new HttpPlugin()).plugin(new TlsPlugin()).build();
        Tree t = engine.tree();
        String[] names = {"tcp.stream", "tcp.analysis.flags", "tcp.checksum.status", "ip.checksum.status", "tcp.flags.syn",
            "tcp.flags.ack", "tcp.srcport", "tls.handshake.type"};
        Field[] f = new Field[names.length];
        for (int i = 0; i < names.length; i++) {
            f[i] = engine.field(names[i]);
            t.want(f[i]);
        }
        List<Field> handshakeTypes = engine.fields("tls.handshake.type");
        handshakeTypes.forEach(t::want);
        long packets = 0;
        long flagged = 0;
        long badChecksums = 0;
        long clientHellos = 0;
        Set<Long> streams = new HashSet<>();
        Set<Long> synStreams = new HashSet<>();
        Set<Long> clientPorts = new HashSet<>();
        try (CaptureReader r = CaptureFiles.open(out)) {
            Frame frame;
            while ((frame = r.next()) != null) {
                engine.dissect(frame);
                packets++;
                long stream = t.valueOr(f[0], -1);
                streams.add(stream);
                flagged += t.has(f[1]) ? 1 : 0;
                badChecksums += t.valueOr(f[2], 1) != 1 || t.valueOr(f[3], 1) != 1 ? 1 : 0;
                if (t.valueOr(f[4], 0) == 1 && t.valueOr(f[5], 1) == 0) {
                    synStreams.add(stream);
                    clientPorts.add(t.valueOr(f[6], -1));
                }
                for (Field type : handshakeTypes) {
                    for (int n = t.first(type); n >= 0; n = t.next(n)) {
                        clientHellos += t.value(n) == 1 ? 1 : 0;
                    }
                }
            }
        }
        assertThat(packets).isEqualTo(20_000);
        assertThat(flagged).as("packets with TCP analysis flags").isZero();
        assertThat(badChecksums).as("packets with a bad IPv4 or TCP checksum").isZero();
        assertThat(synStreams).as("one stream per SYN").hasSameSizeAs(streams);
        assertThat(clientPorts).allMatch(p -> p >= 49_152 && p <= 65_535 && p != 57_000);
        assertThat(clientPorts.size()).isGreaterThan(streams.size() * 9 / 10);
        assertThat(clientHellos).isGreaterThan(100);
    }
}
