package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code -2 --selected-frame N}: {@code ${field}} references in the display filter take frame N's values. The
 * expected frames are tshark 4.0.17's on the shipped sample ({@code tshark -r samples/http-sample.pcap -2 -Y FILTER
 * --selected-frame N -T fields -e frame.number}): frame 8 is an ICMP error quoting an IPv4/UDP header (layer 2),
 * frame 15 a TCP segment 56338 → 8000, frame 16 the GET.
 */
class SelectedFrameReferencesTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "4; ip.ttl==${ip.ttl}; 3 4 5 6 7 8 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28",
        "4; ip.src==${ip.src#1}; 4 6 8 14 17 18 20 22 24 27",
        "8; ip.src==${ip.src#2}; 3 5 7 8 13 15 16 19 21 23 25 26 28",
        "8; udp.srcport==${udp.srcport#1}; 7 8",
        "8; ip.src==${ip.src#3}; ''",
        "15; tcp.srcport<${tcp.port}; 14 17 18 20 22 24 27",
        "15; ${tcp.port}>tcp.srcport; 14 17 18 20 22 24 27",
        "16; tcp.srcport!=${tcp.port}; ''",
        "16; tcp.srcport!=${tcp.srcport}; 14 17 18 20 22 24 27",
        "16; http.request.method==${http.request.method}; 16",
    })
    void referencesTakeTheSelectedFramesValues(int selected, String filter, String frames) {
        Cli run = Cli.run("-r", Cli.SAMPLE.toString(), "-2", "--selected-frame", String.valueOf(selected), "-Y", filter,
                "-T", "fields", "-e", "frame.number");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().strip().replace('\n', ' ')).isEqualTo(frames);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"ip.ttl==${ip.ttl}", "tcp.port==${tcp.port}"})
    void withoutTwoPassesAReferenceHasNoValue(String filter) {
        Cli run = Cli.run("-r", Cli.SAMPLE.toString(), "--selected-frame", "4", "-Y", filter, "-T", "fields", "-e",
                "frame.number");
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEmpty();
    }
}
