package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --flow FILE.svg}: the structure of the ladder diagram (arrows, lifelines, labels, groups). */
class FlowSvgTest {
    static final Path DOC = Path.of("../docs/http-sample-flow.svg");

    static String svg(Path capture) {
        return ReportRun.run(capture, (out, env) -> new FlowSvg(out, capture.getFileName().toString(), env.columns(), env.digits()));
    }

    static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void httpSampleLadder() {
        String s = svg(Cli.SAMPLE);
        assertThat(s).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>\n");
        assertThat(count(s, "<g class=\"segment ")).as("one arrow per TCP segment").isEqualTo(16);
        assertThat(count(s, "<g class=\"lifeline\">")).as("one lifeline per endpoint").isEqualTo(2);
        assertThat(s).contains(">10.99.0.2:56338</text>", ">10.99.0.1:8000</text>", ">client</text>", ">server</text>");
        // labels as Wireshark's flow graph: TCP flags, or the upper layer's Info
        // SYN options as tshark reads them (tcp.options.mss_val, .wscale.multiplier, .sack_perm, tcp.window_size_value)
        assertThat(s).contains(">SYN  MSS=1460 WS=1024 SACK_PERM Win=64240</text>", ">SYN, ACK  MSS=1460 WS=1024 SACK_PERM Win=65160</text>");
        assertThat(s).contains(">PSH, ACK - Len: 187</text>", ">ACK - Len: 1448</text>",
                "class=\"upper\"", ">GET /index.html HTTP/1.1</text>", "HTTP/1.0 200 OK", ">FIN, ACK</text>");
        assertThat(s).contains(">Seq = 0</text>", ">Seq = 100 Ack = 3851</text>", ">PSH, ACK - Len: 98  Seq = 1 Ack = 1</text>");
        // handshake and teardown groups
        assertThat(count(s, "fill=\"#e8f5e9\"/>")).as("handshake rows (+ legend)").isEqualTo(3 + 1);
        assertThat(count(s, "fill=\"#fff3e0\"/>")).as("teardown rows (+ legend)").isEqualTo(3 + 1);
        assertThat(s).contains(">3-way handshake</text>", ">iRTT 0.171 ms</text>", ">teardown: 3-way FIN</text>",
                ">client closed first</text>");
        assertThat(count(s, "class=\"segment syn\"")).isEqualTo(2);
        assertThat(count(s, "class=\"segment fin\"")).isEqualTo(2);
        assertThat(count(s, "class=\"segment data\"")).isEqualTo(5);
        assertThat(count(s, "class=\"segment ack\"")).isEqualTo(7);
        assertThat(s).contains(">0.524318</text>", "data-frame=\"13\"");
    }

    @Test
    void severalStreamsResetsAndIpv6() {
        String s = svg(ConversationStatsTest.LIFECYCLES);
        String conv = ConversationStatsTest.conv(ConversationStatsTest.LIFECYCLES, "tcp", "r");
        long frames = conv.lines().filter(l -> l.contains("<->"))
                .mapToLong(l -> Long.parseLong(l.trim().split(" +")[9])).sum();
        assertThat(count(s, "<g class=\"segment ")).isEqualTo((int) frames);
        assertThat(count(s, "<g class=\"lifeline\">")).isEqualTo(14);
        assertThat(s).contains(">[fd00:88::1]:8080</text>", ">GET /report.txt HTTP/1.1</text>", ">stream</text>");
        assertThat(s).contains(">teardown: 4-way FIN</text>", ">teardown: RST by client</text>", ">teardown: RST by server</text>",
                ">handshake: refused (RST)</text>");
        assertThat(s).doesNotContain("teardown: still open");
        assertThat(count(s, "class=\"segment rst\"")).isEqualTo(2);
        assertThat(count(s, "fill=\"#ffebee\"/>")).as("rows of RST teardowns (+ legend)").isEqualTo(1 + 1 + 1);
        assertThat(s).contains(">Client Hello</text>", ">Hello Retry Request, Change Cipher Spec</text>");
        assertThat(s).as("a long Info text wraps, is not cut").contains(">Server Hello, Application Data, Application Data, Application Data,</text>")
                .doesNotContain("\u2026");
    }

    @Test
    void writesTheFileItWasGiven(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("flow.svg");
        ReportRun.run(Cli.SAMPLE, (out, env) -> new FlowSvg(file, false, "http-sample.pcap", env.columns(), env.digits(), null));
        assertThat(Files.readString(file)).isEqualTo(svg(Cli.SAMPLE));
    }

    @Test
    void documentationExampleIsCurrent() throws IOException {
        assumeTrue(Files.isDirectory(DOC.getParent()), "docs/ folder not found from the cli module: skipped");
        String s = svg(Cli.SAMPLE);
        if (Boolean.getBoolean("regen")) {
            Files.writeString(DOC, s);
        }
        assertThat(Files.readString(DOC)).isEqualTo(s);
    }

    /** The pictures of docs/ and the README: a TCP connection, a TLS 1.2 full handshake, a full and a resumed one. */
    @ParameterizedTest
    @CsvSource({"tcp-http-ipv4.pcap, flow-tcp-http.svg", "tls12-full-rsa.pcap, flow-tls12-full.svg",
        "tls12-resume-sessionid.pcap, flow-tls12-resumed.svg"})
    void documentationPicturesAreCurrent(String capture, String doc) throws IOException {
        assumeTrue(ReportRun.SHARED != null && Files.isDirectory(DOC.getParent()), "corpus or docs/ not found: skipped");
        String s = svg(ReportRun.SHARED.resolve(capture));
        Path file = DOC.resolveSibling(doc);
        if (Boolean.getBoolean("regen")) {
            Files.writeString(file, s);
        }
        assertThat(Files.readString(file)).isEqualTo(s);
    }

    @Test
    void sharedRstCapture() {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus (../shared/captures/public) is absent: skipped");
        String s = svg(ReportRun.SHARED.resolve("tcp-rst.pcap"));
        assertThat(count(s, "<g class=\"segment ")).isEqualTo(10);
        assertThat(count(s, "<g class=\"lifeline\">")).isEqualTo(4);
        assertThat(s).contains(">RST, ACK</text>", ">teardown: RST by server</text>", ">teardown: RST by client</text>");
    }
}
