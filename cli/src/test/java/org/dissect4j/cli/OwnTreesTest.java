package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The small captures of {@code src/test/resources/trees} (written by its {@code make-trees.py} to reach corners real
 * traffic rarely shows: every IPv6 extension header and option we decode, addresses that embed others) print what
 * tshark 4.0.17 prints, whole files: {@code -V}, PDML after its header line, and JSON.
 */
class OwnTreesTest {
    private static final Path DIR = Path.of("src/test/resources/trees");

    static Stream<String> captures() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pcap")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void verboseIsTsharks(String capture) throws IOException {
        assertThat(run(capture, "-V")).isEqualTo(Files.readString(DIR.resolve(capture + ".verbose.txt")));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void pdmlIsTsharks(String capture) throws IOException {
        // the <pdml> line names the file and the time of the run
        String ours = run(capture, "-T", "pdml").replaceFirst("(?m)^<pdml .*\n", "");
        assertThat(ours).isEqualTo(Files.readString(DIR.resolve(capture + ".pdml")));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void jsonIsTsharks(String capture) throws IOException {
        assertThat(run(capture, "-T", "json")).isEqualTo(Files.readString(DIR.resolve(capture + ".json")));
    }

    private static String run(String capture, String... format) {
        String[] args = new String[format.length + 2];
        args[0] = "-r";
        args[1] = DIR.resolve(capture).toString();
        System.arraycopy(format, 0, args, 2, format.length);
        Cli r = Cli.run(args);
        assertThat(r.status()).isZero();
        return r.out();
    }
}
