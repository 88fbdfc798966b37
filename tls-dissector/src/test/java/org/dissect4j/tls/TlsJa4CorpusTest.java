package org.dissect4j.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dissect4j.api.Settings;
import org.dissect4j.testkit.Captures;
import org.dissect4j.testkit.Conformance;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/**
 * The JA4 and JA4_r of every TLS-over-TCP ClientHello in {@code ../shared/captures/ja4} equal the FoxIO project's
 * expected values in the {@code .json} beside each capture: the n-th ClientHello fingerprint of TCP stream s is
 * compared with {@code "JA4.n"} of the entry with {@code "stream": s} (as check-ja4.py does with the CLI).
 */
class TlsJa4CorpusTest {
    private static final Pattern ENTRY = Pattern.compile("\\{[^{}]*\\}");
    private static final Pattern STREAM = Pattern.compile("\"stream\"\\s*:\\s*(\\d+)");
    private static final Pattern KEY = Pattern.compile("\"(JA4(?:_r)?\\.\\d+)\"\\s*:\\s*\"([^\"]*)\"");

    @Test
    void ja4MatchesFoxIoExpectations() throws Exception {
        Path root = Conformance.sharedCaptures();
        assumeTrue(root != null && Files.isDirectory(root.resolve("ja4")), "ja4 corpus not found; skipped");
        int passed = 0;
        List<String> failed = new ArrayList<>();
        List<Path> caps;
        try (Stream<Path> s = Files.list(root.resolve("ja4"))) {
            caps = s.filter(p -> Files.exists(Path.of(p + ".json"))).sorted().toList();
        }
        for (Path cap : caps) {
            Map<String, String> want = new HashMap<>();
            Matcher e = ENTRY.matcher(Files.readString(Path.of(cap + ".json")));
            while (e.find()) {
                Matcher sm = STREAM.matcher(e.group());
                if (!sm.find()) {
                    continue;
                }
                Matcher km = KEY.matcher(e.group());
                while (km.find()) {
                    if (km.group(2).startsWith("t")) {
                        want.put(sm.group(1) + " " + km.group(1), km.group(2));
                    }
                }
            }
            if (want.isEmpty()) {
                continue;
            }
            Runner r = new Runner(new Settings(), TlsGoldens.plugins());
            List<String[]> rows = r.run(Captures.read(cap), List.of("tcp.stream", "tls.handshake.ja4", "tls.handshake.ja4_r"));
            Map<String, String> got = new HashMap<>();
            Map<String, Integer> count = new HashMap<>();
            for (String[] row : rows) {
                if (row[0].isEmpty() || row[1].isEmpty()) {
                    continue;
                }
                String stream = row[0].split(",")[0];
                String[] j4 = row[1].split(",");
                String[] j4r = row[2].split("(?<=[0-9a-f])_?,(?=t\\d)", -1);
                for (int i = 0; i < j4.length; i++) {
                    int n = count.merge(stream, 1, Integer::sum);
                    got.put(stream + " JA4." + n, j4[i]);
                    got.put(stream + " JA4_r." + n, i < j4r.length ? j4r[i] : "");
                }
            }
            for (Map.Entry<String, String> w : want.entrySet()) {
                if (w.getValue().equals(got.get(w.getKey()))) {
                    passed++;
                } else {
                    failed.add(cap.getFileName() + " stream " + w.getKey() + ": expected " + w.getValue() + " got "
                            + got.get(w.getKey()));
                }
            }
        }
        System.out.println("ja4: " + passed + " passed, " + failed.size() + " failed");
        failed.forEach(System.out::println);
        assertThat(failed).isEmpty();
        assertThat(passed).isPositive();
    }
}
