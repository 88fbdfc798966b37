package org.dissect4j.tls.dtls;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Settings;
import org.dissect4j.net.NetPlugin;
import org.dissect4j.testkit.Captures;
import org.dissect4j.testkit.Conformance;
import org.dissect4j.testkit.Runner;
import org.dissect4j.tls.TlsPlugin;

/** DTLS tests' captures (ours in {@code captures/dtls}, Zeek's in the shared corpus) and engines (real link, IP, UDP). */
final class DtlsTestKit {
    static final Path DIR = Path.of("src/test/resources/captures/dtls");

    private DtlsTestKit() {
    }

    static DissectorPlugin[] plugins() {
        return new DissectorPlugin[] {new NetPlugin(), new TlsPlugin(), new DtlsPlugin()};
    }

    static Runner runner() {
        return runner(new Settings());
    }

    static Runner runner(Settings settings) {
        return new Runner(settings, plugins());
    }

    /** Zeek's traces ({@code ../shared/realworld/zeek}), or null when the shared corpus is absent. */
    static Path zeek() {
        Path shared = Conformance.sharedCaptures();
        Path z = shared == null ? null : shared.getParent().resolve("realworld/zeek");
        return z != null && Files.isDirectory(z) ? z : null;
    }

    /** One of our captures, else one of Zeek's (null when that is absent). */
    static Path capture(String name) {
        Path own = DIR.resolve(name);
        if (Files.exists(own)) {
            return own;
        }
        Path z = zeek();
        return z == null ? null : z.resolve(name);
    }

    /** Every cell of {@code golden} (tshark's {@code -T fields} with a header) against ours; the mismatches, described. */
    static List<String> compare(Path capture, Path golden, int[] cells) throws IOException {
        Runner.Table want = Runner.golden(golden);
        List<String[]> got = runner().run(Captures.read(capture), want.header());
        List<String> bad = new ArrayList<>();
        for (int row = 0; row < want.rows().size(); row++) {
            String[] w = want.rows().get(row);
            String[] h = row < got.size() ? got.get(row) : new String[want.header().size()];
            for (int c = 0; c < want.header().size(); c++) {
                cells[0]++;
                String wc = c < w.length ? w[c] : "";
                String hc = h[c] == null ? "" : h[c];
                if (!wc.equals(hc)) {
                    bad.add(capture.getFileName() + " #" + (row + 1) + " " + want.header().get(c) + ": want [" + wc + "] got ["
                            + hc + "]");
                }
            }
        }
        return bad;
    }

    /** A reused frame over {@code data}, number {@code n}, Ethernet. */
    static Frame frame(Frame f, long n, byte[] data) {
        return f.set(n, MemorySegment.ofArray(data), 0, data.length, data.length, n * 1_000_000L, 0, 1);
    }
}
