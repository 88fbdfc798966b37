package org.dissect4j.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.api.Tree;
import org.dissect4j.api.TreeView;
import org.dissect4j.net.NetPlugin;
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.testkit.Captures;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/**
 * The {@code -V} subtrees of DNS, mDNS and LLMNR against tshark 4.0.17's, line for line, for every capture of the
 * module ({@code NAME.pcap.verbose.txt}, written by regen-goldens.sh with dns-sections.awk). PDML, JSON and EK are
 * views of the same tree, so they follow. The lines are rendered as the command's {@code -V} renders them (four
 * spaces a level, generated items in brackets, expert items with their three detail lines). Subtrees whose
 * difference lies outside this module are listed with the reason in verbose-known-differences.txt.
 */
class DnsVerboseTest {
    @Test
    void subtreesAreTsharks() throws Exception {
        List<String> known = known();
        List<String> bad = new ArrayList<>();
        int sections = 0;
        int equal = 0;
        for (Path cap : DnsCapturesTest.captures()) {
            List<String> want = sections(Files.readString(cap.resolveSibling(cap.getFileName() + ".verbose.txt")));
            List<String> got = run(cap);
            String name = cap.getParent().getFileName().toString().equals("zeek") ? "zeek/" + cap.getFileName()
                    : cap.getFileName().toString();
            for (String w : want) {
                sections++;
                String frame = w.substring(0, w.indexOf('\n'));
                if (got.contains(w)) {
                    equal++;
                } else if (!known.contains(name + " " + frame)) {
                    bad.add(name + " " + frame + ":\n" + w + "\nours:\n" + String.join("", got.stream()
                            .filter(g -> g.startsWith(frame + "\n")).toList()));
                }
            }
        }
        System.out.println("-V subtrees equal to tshark's: " + equal + "/" + sections);
        bad.stream().limit(5).forEach(System.out::println);
        assertThat(sections).isGreaterThan(250);
        assertThat(bad).isEmpty();
    }

    /** The golden's subtrees, each from its {@code Frame N} line through its blank line. */
    private static List<String> sections(String golden) {
        List<String> out = new ArrayList<>();
        for (String s : golden.split("(?<=\n\n)")) {
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<String> run(Path cap) throws Exception {
        Runner r = new Runner(new Settings(), new NetPlugin(), new TcpPlugin(), new DnsPlugin());
        r.engine().tree().wantAll(true);
        r.engine().tree().wantLabels(true);
        List<String> out = new ArrayList<>();
        long n = 0;
        for (Captures.Packet cp : Captures.read(cap)) {
            Frame f = new Frame().set(++n, MemorySegment.ofArray(cp.data()), 0, cp.data().length, cp.originalLength(),
                    cp.timestampNanos(), 0, cp.linkType());
            Packet p = r.engine().dissect(f, false);
            new Renderer(p.tree()).dnsSubtrees(n, out);
        }
        return out;
    }

    /** The command's {@code -V} layout for the top-level DNS, mDNS and LLMNR nodes of one packet. */
    private static final class Renderer {
        private final TreeView t;
        private final int[] firstChild;
        private final int[] nextSibling;
        private final StringBuilder sb = new StringBuilder();

        Renderer(TreeView t) {
            this.t = t;
            int size = t.size();
            firstChild = new int[size];
            nextSibling = new int[size];
            Arrays.fill(firstChild, -1);
            Arrays.fill(nextSibling, -1);
            int[] lastChild = new int[size];
            Arrays.fill(lastChild, -1);
            for (int node = 0; node < size; node++) {
                int parent = t.parent(node);
                if (parent < 0) {
                    continue;
                }
                if (lastChild[parent] < 0) {
                    firstChild[parent] = node;
                } else {
                    nextSibling[lastChild[parent]] = node;
                }
                lastChild[parent] = node;
            }
        }

        void dnsSubtrees(long frame, List<String> out) {
            for (int node = 0; node < t.size(); node++) {
                String abbrev = t.field(node).abbrev();
                if (t.parent(node) < 0 && (abbrev.equals("dns") || abbrev.equals("mdns") || abbrev.equals("llmnr"))) {
                    sb.setLength(0);
                    sb.append("Frame ").append(frame).append('\n');
                    print(node, 0);
                    out.add(sb.append('\n').toString());
                }
            }
        }

        private void print(int node, int depth) {
            Field f = t.field(node);
            int flags = t.flags(node);
            if (f.hidden() || (flags & Tree.HIDDEN) != 0) {
                return;
            }
            indent(depth);
            if ((flags & Tree.EXPERT) != 0) {
                sb.append('[');
                FieldFormat.expertInfo(t, node, sb);
                sb.append("]\n");
                indent(depth + 1).append('[');
                t.expertMessage(node, sb);
                sb.append("]\n");
                indent(depth + 1).append("[Severity level: ").append(t.expertOf(node).severity().label()).append("]\n");
                indent(depth + 1).append("[Group: ").append(t.expertOf(node).group().label()).append("]\n");
            } else {
                boolean generated = (flags & Tree.GENERATED) != 0;
                sb.append(generated ? "[" : "");
                FieldFormat.label(t, node, sb);
                sb.append(generated ? "]\n" : "\n");
            }
            for (int c = firstChild[node]; c >= 0; c = nextSibling[c]) {
                print(c, depth + 1);
            }
        }

        private StringBuilder indent(int depth) {
            sb.append("    ".repeat(depth));
            return sb;
        }
    }

    private static List<String> known() throws Exception {
        Path file = Path.of(DnsVerboseTest.class.getResource("/captures/verbose-known-differences.txt").toURI());
        return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }
}
