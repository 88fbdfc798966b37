package org.dissect4j.http2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.Settings;
import org.dissect4j.http.HttpPlugin;
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.testkit.Captures;
import org.dissect4j.testkit.Conformance;
import org.dissect4j.testkit.NetStubs;
import org.dissect4j.testkit.Runner;
import org.dissect4j.tls.TlsPlugin;
import org.junit.jupiter.api.Test;

/**
 * HTTP/2 against tshark 4.0.17, cell by cell: the project's loopback captures ({@code src/test/resources/captures},
 * made by {@code make-captures.sh}: every frame type, HPACK with Huffman, dynamic table, size update and a header
 * block cut by CONTINUATION), cleartext by Decode As and over TLS 1.3 by ALPN with the key log; every http2.* field
 * tshark fills, frame.protocols (the body's media dissector), Info and Protocol; the few cells that differ, and why,
 * are listed in {@code known-differences.txt}. Then the shared corpus's TLS captures whose ALPN chose h2 but which carry
 * HTTP/1.0: tshark's HTTP/2 dissector waits for a frame that never completes ("[TLS segment of a reassembled PDU]").
 */
class Http2CapturesTest {
    static final Path DIR = Path.of("src/test/resources/captures");

    @Test
    void cleartextByDecodeAsMatchesTshark() throws Exception {
        Runner r = runner(new Settings());
        r.engine().decodeAs("tcp.port", "18443", "http2");
        assertThat(compare(r, DIR.resolve("h2c.pcap"), DIR.resolve("h2c.fields.tsv"), false)).isEmpty();
    }

    @Test
    void tlsByAlpnMatchesTshark() throws Exception {
        Runner r = runner(new Settings().set("tls.keylog_file", DIR.resolve("h2-tls.keys").toString()));
        assertThat(compare(r, DIR.resolve("h2-tls.pcap"), DIR.resolve("h2-tls.fields.tsv"), false)).isEmpty();
    }

    @Test
    void http1AfterAlpnH2WaitsAsTsharkDoes() throws Exception {
        Path shared = Conformance.sharedCaptures();
        if (shared == null) {
            return;   // the shared corpus is not beside the repository
        }
        int compared = 0;
        for (String name : List.of("tls13-full-alpn-sni.pcapng", "tls12-cert-chain-multiseg.pcap")) {
            Path cap = shared.resolve("public").resolve(name);
            String base = name.substring(0, name.lastIndexOf('.'));
            Runner r = runner(new Settings().set("tls.keylog_file", cap.resolveSibling(base + ".keys").toString()));
            assertThat(compare(r, cap, cap.resolveSibling(name + ".keys.fields.tsv"), true)).isEmpty();
            compared++;
        }
        assertThat(compared).isEqualTo(2);
    }

    private static Runner runner(Settings s) {
        return new Runner(s, new NetStubs(), new TcpPlugin(), new TlsPlugin(), new HttpPlugin(), new Http2Plugin());
    }

    /**
     * The mismatching cells of {@code golden}: all its columns ({@code onlyFrameColumns}: Info, Protocol,
     * frame.protocols and http.* only, on frames that carry TCP).
     */
    static List<String> compare(Runner r, Path capture, Path golden, boolean onlyFrameColumns) throws Exception {
        Runner.Table want = Runner.golden(golden);
        List<String> cols = new ArrayList<>();
        for (String c : want.header()) {
            if (c.equals("frame.number")) {
                continue;   // the row itself
            }
            if (!onlyFrameColumns || c.startsWith("_ws.col.") || c.equals("frame.protocols") || c.startsWith("http")) {
                cols.add(c);
            }
        }
        List<String[]> got = r.run(Captures.read(capture), cols);
        assertThat(got).hasSameSizeAs(want.rows());
        List<String> bad = new ArrayList<>();
        int cells = 0;
        for (int row = 0; row < want.rows().size(); row++) {
            String[] w = want.rows().get(row);
            for (int c = 0; c < cols.size(); c++) {
                int wi = want.column(cols.get(c));
                String wv = wi < w.length ? w[wi] : "";
                if (onlyFrameColumns && !cols.get(c).startsWith("http")
                        && !w[want.column("frame.protocols")].contains(":tcp")) {
                    continue;
                }
                cells++;
                String gv = got.get(row)[c] == null ? "" : got.get(row)[c];
                if (!wv.equals(gv)) {
                    bad.add(capture.getFileName() + " #" + (row + 1) + " " + cols.get(c) + ": want [" + abbreviate(wv) + "] got ["
                            + abbreviate(gv) + "]");
                }
            }
        }
        List<String> known = Files.readAllLines(DIR.resolve("known-differences.txt"));
        int allowed = (int) bad.stream().filter(known::contains).count();
        bad.removeIf(known::contains);
        System.out.println(capture.getFileName() + ": " + (cells - bad.size() - allowed) + "/" + cells + " cells equal, " + allowed
                + " known differences (known-differences.txt)");
        bad.stream().limit(40).forEach(System.out::println);
        assertThat(cells).isPositive();
        return bad;
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
