package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SVG ladders laid out by a real browser (headless Chromium, when it is installed): with the browser's
 * own font metrics, no text runs past the picture's edge, each arrow's label stays between its lifelines,
 * the group labels stay left of the first lifeline and the Seq/Ack column right of the last one. The
 * layout estimates text widths; this checks the estimate where it matters.
 */
class FlowSvgBrowserTest {
    /** Measures every picture of the page and writes what does not fit into the body's data-bad attribute. */
    private static final String SCRIPT = """
            <script>
            const bad = [];
            for (const svg of document.querySelectorAll('svg')) {
              const name = svg.querySelector('title').textContent;
              const width = svg.width.baseVal.value;
              const xs = [...svg.querySelectorAll('g.lifeline line')].map(l => +l.getAttribute('x1'));
              const first = Math.min(...xs), last = Math.max(...xs);
              for (const t of svg.querySelectorAll('text')) {
                const b = t.getBBox();
                if (b.x < 0 || b.x + b.width > width + 0.5) bad.push(name + ': past the edge: ' + t.textContent);
              }
              for (const g of svg.querySelectorAll('g.segment')) {
                const line = g.querySelector('line');
                if (!line) continue;
                const lo = Math.min(+line.getAttribute('x1'), +line.getAttribute('x2'));
                const hi = Math.max(+line.getAttribute('x1'), +line.getAttribute('x2'));
                for (const t of g.querySelectorAll('text:not(.frame):not(.time):not(.cmt)')) {
                  const b = t.getBBox();
                  if (b.x < lo - 4 || b.x + b.width > hi + 4) bad.push(name + ': label wider than its arrow: ' + t.textContent);
                }
                const c = g.querySelector('text.cmt').getBBox();
                if (c.x < last + 20) bad.push(name + ': Seq/Ack over a lifeline: ' + g.querySelector('text.cmt').textContent);
              }
              for (const t of svg.querySelectorAll('text.group')) {
                const b = t.getBBox();
                if (b.x + b.width > first - 20) bad.push(name + ': group label over a lifeline: ' + t.textContent);
              }
            }
            document.body.setAttribute('data-bad', JSON.stringify(bad));
            document.body.setAttribute('data-checked', document.querySelectorAll('svg').length);
            </script>
            """;

    private static Path chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    @Test
    void everyTextFitsWithTheBrowsersFont(@TempDir Path dir) throws Exception {
        Path browser = chromium();
        assumeTrue(browser != null, "no headless Chromium on PATH: skipped");
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><body>\n");
        int pictures = 0;
        for (String name : FlowSvgCorpusTest.publicCaptures().toList()) {
            page.append(body(FlowSvgTest.svg(ReportRun.SHARED.resolve(name)))).append('\n');
            pictures++;
        }
        page.append(body(FlowSvgTest.svg(Cli.SAMPLE))).append('\n');
        page.append(body(FlowSvgTest.svg(ConversationStatsTest.LIFECYCLES))).append('\n');
        page.append(body(FlowSvgTest.svg(SyntheticCapture.write(dir.resolve("long.pcap"), 1, 3000)))).append('\n');
        pictures += 3;
        page.append(SCRIPT).append("</body></html>\n");
        Path html = dir.resolve("flows.html");
        Files.writeString(html, page);
        String dom = dump(browser, html);
        assertThat(attribute(dom, "data-checked")).as("pictures measured").isEqualTo(Integer.toString(pictures));
        assertThat(attribute(dom, "data-bad")).isEqualTo("[]");
    }

    /** The SVG element of a picture, without its XML declaration, to embed in the page. */
    private static String body(String svg) {
        return svg.substring(svg.indexOf("<svg"));
    }

    private static String dump(Path browser, Path html) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                html.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String attribute(String dom, String name) {
        Matcher m = Pattern.compile("<body[^>]* " + name + "=\"([^\"]*)\"").matcher(dom);
        assertThat(m.find()).as(name + " on <body> (did the script run?)").isTrue();
        return m.group(1).replace("&quot;", "\"").replace("&amp;", "&");
    }
}
