package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** {@code -o name:value} as tshark 4.0.17 takes it: unknown preferences and malformed flags are usage errors. */
class PreferencesTest {

    @Test
    void unknownPreferenceExitsOneWithTsharksMessage() {
        Cli r = Cli.run("-o", "foo.bar:1", "-r", Cli.SAMPLE.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("dissect4j: -o flag \"foo.bar:1\" specifies unknown preference\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aTypoInAKnownProtocolsPreferenceIsUnknownToo() {
        Cli r = Cli.run("-o", "tcp.relative_sequence_number:FALSE", "-r", Cli.SAMPLE.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("-o flag \"tcp.relative_sequence_number:FALSE\" specifies unknown preference");
    }

    @Test
    void aFlagWithoutValueIsInvalid() {
        Cli r = Cli.run("-o", "foo", "-r", Cli.SAMPLE.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("dissect4j: Invalid -o flag \"foo\"\n");
    }

    @Test
    void aKnownPreferenceTakesEffect() {
        Cli r = Cli.run("-o", "tcp.relative_sequence_numbers:FALSE", "-r", Cli.SAMPLE.toString(),
                "-Y", "tcp.flags.syn==1", "-T", "fields", "-e", "tcp.seq");
        assertThat(r.status()).isZero();
        assertThat(r.out().lines().toList()).isNotEmpty().noneMatch("0"::equals);
    }

    /**
     * Every preference a built-in dissector reads (found in the sources as {@code .bool("x.y", ...)},
     * {@code .integer(...)}, {@code .string(...)}) is accepted: a preference read only after start-up
     * would be refused by mistake.
     */
    @Test
    void everyPreferenceTheDissectorsReadIsAccepted() throws IOException {
        Pattern read = Pattern.compile("\\.(bool|integer|string)\\(\"([a-z0-9_]+\\.[a-z0-9_.]+)\"");
        TreeMap<String, String> names = new TreeMap<>();
        Path root = Path.of("..");
        for (String module : List.of("net-dissectors", "tcp-dissector", "http-dissector", "tls-dissector")) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = read.matcher(Files.readString(f));
                    while (m.find()) {
                        names.put(m.group(2), switch (m.group(1)) {
                            case "bool" -> "TRUE";
                            case "integer" -> "100";
                            default -> "";
                        });
                    }
                }
            }
        }
        assertThat(names).containsKeys("tcp.relative_sequence_numbers", "ip.check_checksum", "tls.ja4_non_ascii_alpn_hex");
        List<String> args = new ArrayList<>();
        names.forEach((name, value) -> {
            args.add("-o");
            args.add(name + ":" + value);
        });
        args.addAll(List.of("-r", Cli.SAMPLE.toString(), "-c", "1"));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
    }
}
