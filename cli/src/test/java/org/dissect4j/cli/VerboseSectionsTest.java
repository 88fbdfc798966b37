package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code -V} protocol by protocol: every top-level subtree of the protocols listed in {@link #DONE}, in
 * every packet of every shared capture, is line for line the one in tshark 4.0.17's
 * {@code NAME.verbose.txt}. A protocol joins the list when all its subtrees match; the others are measured
 * by {@code compare-output.py --format verbose}.
 */
class VerboseSectionsTest {
    /** The top-level lines' beginnings of the protocols whose {@code -V} subtrees equal tshark's. */
    static final List<String> DONE = List.of("Frame ", "Ethernet II", "Internet Protocol Version 4", "Internet Protocol Version 6",
            "Address Resolution Protocol", "Linux cooked capture", "Transmission Control Protocol", "Hypertext Transfer Protocol",
            "Line-based text data", "Data (", "[", "Internet Control Message Protocol v6",
            "Transport Layer Security");

    private static final Pattern PACKET_START = Pattern.compile("\n(?=Frame \\d+: )");
    private static final Pattern HEX_LINE = Pattern.compile("^[0-9a-f]{4}  .*");

    static Stream<String> captures() throws IOException {
        if (ReportRun.SHARED == null) {
            return Stream.of("(no shared corpus)");
        }
        try (Stream<Path> files = Files.list(ReportRun.SHARED)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".verbose.txt") && !n.contains(".keys."))
                    .map(n -> n.substring(0, n.length() - ".verbose.txt".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void finishedProtocolsPrintWhatTsharkPrints(String capture) throws IOException {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus (../shared/captures/public) is absent: skipped");
        Path file = ReportRun.SHARED.resolve(capture);
        List<Map<String, List<String>>> golden = packets(Files.readString(ReportRun.SHARED.resolve(capture + ".verbose.txt")));
        Cli run = Cli.run("-r", file.toString(), "-V");
        assertThat(run.status()).isZero();
        List<Map<String, List<String>>> ours = packets(run.out());
        assertThat(ours).hasSameSizeAs(golden);
        int compared = 0;
        for (int i = 0; i < golden.size(); i++) {
            for (Map.Entry<String, List<String>> e : golden.get(i).entrySet()) {
                if (DONE.stream().anyMatch(e.getKey()::startsWith)) {
                    assertThat(ours.get(i).get(e.getKey())).as("%s packet %d: %s", capture, i + 1, e.getKey())
                            .isEqualTo(e.getValue());
                    compared++;
                }
            }
        }
        assertThat(compared).isPositive();
    }

    /**
     * UDP (no public capture carries it) on Zeek's traces: checksums unverified and "[zero-value ignored]" with the
     * status under it, the "[Timestamps]" subtree, "UDP payload (N bytes)"; inner UDP of tunnels included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tunnels--gre-over-udp-4754.pcap", "tls--dtls1_2.pcap", "tunnels--geneve-vxlan-dns-truncated.pcap",
        "tunnels--Teredo.pcap"})
    void udpPrintsWhatTsharkPrints(String name) throws IOException {
        zeekSectionsPrintWhatTsharkPrints(name, List.of("User Datagram Protocol"));
    }

    /**
     * ICMP and ICMPv6 on Zeek's traces: type and code names, checksum verdicts, echo data inside the ICMP item, response
     * times in milliseconds, the datagram an error quotes drawn inside the ICMP item and its UDP payload at the top
     * level; the error codes of ICMPv6.
     */
    @ParameterizedTest
    @ValueSource(strings = {"icmp--5-pings.pcap", "icmp--icmp-destunreach-ip.pcap", "icmp--icmp-destunreach-no-context.pcap",
        "icmp--icmp-ping.pcap", "icmp--icmp-timeexceeded.pcap", "icmp--icmp6-ping.pcap", "icmp--icmp6-paramprob.pcap",
        "icmp--icmp6-timeexceeded.pcap", "icmp--icmp6-toobig.pcap", "icmp--icmp6-destunreach-no-context.pcap",
        "icmp--icmp6-redirect-hdr-opt.pcap", "icmp--icmp6-router-advert.pcap", "icmp--icmp6-nd-options.pcap",
        "chksums--ip4-icmp-bad-chksum.pcap", "chksums--ip6-icmp6-bad-chksum.pcap"})
    void icmpPrintsWhatTsharkPrints(String name) throws IOException {
        zeekSectionsPrintWhatTsharkPrints(name, List.of("Internet Control Message Protocol", "Data ("));
    }

    /**
     * IPv6 on Zeek's traces with extension headers and embedded addresses: hop-by-hop options (Router Alert, PadN) and
     * source routes drawn inside the IPv6 item, their lengths in bytes, SLAAC, Teredo and 6to4 addresses behind the
     * addresses, the packets an ICMPv6 error quotes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"icmp--icmp6-mldv1.pcap", "icmp--icmp6-mld-query.pcap", "icmp--icmp6-nd-options.pcap",
        "icmp--icmp6-destunreach-ip6ext.pcap", "icmp--icmp6-destunreach-ip6ext-udp.pcap", "chksums--ip6-route0-icmp6-bad-chksum.pcap",
        "chksums--ip6-icmp6-good-chksum.pcap", "tunnels--teredo_bubble_with_payload.pcap", "tunnels--4in6.pcap"})
    void ipv6PrintsWhatTsharkPrints(String name) throws IOException {
        zeekSectionsPrintWhatTsharkPrints(name, List.of("Internet Protocol Version 6", "Internet Control Message Protocol v6"));
    }

    /**
     * The tunnels on Zeek's traces: VXLAN's flag summary and True/False bits, Geneve's options block, option types
     * and lengths in bytes, GTP-U headers (T-PDUs, extension headers, IPv6 and Teredo inside), an error indication
     * and an echo response naming its request, AYIYA's bit items, next header and epoch.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tunnels--vxlan.pcap", "tunnels--vxlan-encapsulated-http.pcap", "tunnels--vxlan-encapsulated-igmp-v2.pcap",
        "tunnels--vxlan-inner-tcp-bad-checksum.pcap", "tunnels--vxlan-triple-v2.pcap", "tunnels--geneve.pcap",
        "tunnels--geneve-47101.pcap", "tunnels--geneve-arp.pcap", "tunnels--geneve-inner-tcp-bad-checksum.pcap",
        "tunnels--geneve-ipv6.pcap", "tunnels--geneve-many-options.pcap", "tunnels--geneve-tagged-udp-packet.pcap",
        "tunnels--geneve-truncated.pcapng", "tunnels--geneve-vxlan-dns-truncated.pcap",
        "tunnels--gtp--gtp1_gn_normal_incl_fragmentation.pcap", "tunnels--gtp--gtp2_different_udp_port.pcap",
        "tunnels--gtp--gtp4_udp_2152_inside.pcap", "tunnels--gtp--gtp6_gtp_0x32.pcap", "tunnels--gtp--gtp7_ipv6.pcap",
        "tunnels--gtp--gtp8_teredo.pcap", "tunnels--gtp--gtp9_unknown_or_too_short_payload.pcap",
        "tunnels--gtp--gtp_ext_header.pcap", "tunnels--gtp--gtp10_not_0xff.pcap", "tunnels--ayiya3.pcap",
        "tunnels--ayiya-large-identity.pcap"})
    void tunnelsPrintWhatTsharkPrints(String name) throws IOException {
        zeekSectionsPrintWhatTsharkPrints(name, TUNNELS);
    }

    /** The tunnels' top-level lines. */
    static final List<String> TUNNELS = List.of("Virtual eXtensible Local Area Network",
            "Generic Network Virtualization Encapsulation", "GPRS Tunneling Protocol", "AYIYA");

    /**
     * DNS on Zeek's traces (every one whose golden has a DNS subtree): the Queries/Answers/... sections, the record
     * summaries, names, the flags summary, durations, EDNS options, experts under their items.
     */
    @ParameterizedTest
    @ValueSource(strings = {"icmp--icmp-destunreach-udp.pcap", "tunnels--Teredo.pcap", "tunnels--geneve-vxlan-dns-truncated.pcap",
        "tunnels--gre-over-udp-4754.pcap", "tunnels--gre-pptp.pcap", "tunnels--gre-sample.pcap", "tunnels--gtp--gtp3_false_gtp.pcap",
        "tunnels--vxlan-triple-v2.pcap"})
    void dnsPrintsWhatTsharkPrints(String name) throws IOException {
        zeekSectionsPrintWhatTsharkPrints(name, List.of("Domain Name System"));
    }

    /**
     * TLS on Zeek's traces whose TLS subtrees are all tshark's: records, handshake messages and extensions (NPN, ALPS,
     * extension data as bytes), heartbeats (plain, encrypted, with an invalid payload length), SSL 2.0/3.0 records and
     * the certificates' X.509 details. The others still differ in signed certificate timestamps, OCSP and STARTTLS.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tls--CVE-2015-3194.pcap", "tls--cert-no-cn.pcap", "tls--certificate-request-failed.pcap",
        "tls--chrome-1250-tls-x25519-kyber.pcap", "tls--chrome-63.0.3211.0-canary-tls_experiment.pcap", "tls--dhe.pcap",
        "tls--ecdhe.pcap", "tls--ecdsa-cert.pcap", "tls--google-duplicate.pcap", "tls--heartbleed-encrypted-short.pcap",
        "tls--heartbleed-encrypted-success.pcap", "tls--heartbleed-encrypted.pcap", "tls--heartbleed-success.pcap",
        "tls--heartbleed.pcap", "tls--hrr.pcap", "tls--missing-intermediate.pcap", "tls--ml-dsa-44-cert.pcap",
        "tls--ocsp-stapling-digicert.pcap", "tls--ocsp-stapling-twimg.pcap", "tls--ssl-v2.pcap", "tls--ssl.v3.pcap",
        "tls--tls-1.2-handshake-failure.pcap", "tls--tls-1.2-protocol-error.pcap", "tls--tls-13draft19-early-data.pcap",
        "tls--tls-conn-with-extensions.pcap", "tls--tls-early-alert.pcap", "tls--tls-expired-cert.pcap",
        "tls--tls-fragmented-handshake.pcap", "tls--tls1.2-late-protocol-error.pcap", "tls--tls1.2.pcap", "tls--tls13-ech.pcap",
        "tls--tls13_psk_succesfull.pcap", "tls--tls13_wolfssl.pcap", "tls--tls13draft16-chrome55.0.2879.0-canary-aborted.pcap",
        "tls--tls13draft16-chrome55.0.2879.0-canary.pcap", "tls--tls13draft16-ff52.a01-aborted.pcap",
        "tls--tls13draft23-chrome67.0.3368.0-canary.pcap", "tls--tls1_1.pcap", "tls--x509-generalizedtime.pcap",
        "tls--xmpp-dialback-starttls.pcap"})
    void tlsPrintsWhatTsharkPrints(String name) throws IOException {
        zeekSectionsPrintWhatTsharkPrints(name, List.of("Transport Layer Security"));
    }

    /** Every top-level subtree of a Zeek trace whose first line starts with one of {@code sections}, against the golden. */
    private static void zeekSectionsPrintWhatTsharkPrints(String name, List<String> sections) throws IOException {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus is absent: skipped");
        Path file = ReportRun.SHARED.getParent().getParent().resolve("realworld/zeek").resolve(name);
        List<Map<String, List<String>>> golden = packets(Files.readString(file.resolveSibling(name + ".verbose.txt")));
        Cli run = Cli.run("-r", file.toString(), "-V");
        List<Map<String, List<String>>> ours = packets(run.out());
        assertThat(ours).hasSameSizeAs(golden);
        int compared = 0;
        for (int i = 0; i < golden.size(); i++) {
            for (Map.Entry<String, List<String>> e : golden.get(i).entrySet()) {
                if (sections.stream().anyMatch(e.getKey()::startsWith)) {
                    assertThat(ours.get(i).get(e.getKey())).as("%s packet %d: %s", name, i + 1, e.getKey()).isEqualTo(e.getValue());
                    compared++;
                }
            }
        }
        assertThat(compared).isPositive();
    }

    /** The HTTP protocols whose {@code -V} subtrees equal tshark's on Zeek's HTTP traces. */
    static final List<String> HTTP_BODIES = List.of("Hypertext Transfer Protocol", "Compuserve GIF", "MIME Multipart",
            "HTML Form URL Encoded", "Line-based text data", "Media Type", "Data (", "JavaScript Object Notation");

    /**
     * HTTP on Zeek's traces: a GIF served as image/png (the failed subdissector's note, then the gif_http heuristic),
     * pipelined requests with their previous request and response, cookie pairs, long header lines cut and marked,
     * multipart parts with every header (compacted values, a preamble, octet-stream parts as data, a part without a
     * closing delimiter), a decoded form, a CONNECT tunnel's proxy host and port, bytes after a message, JSON documents
     * walked member by member (a gzipped one, chunked ones); request/response links as Wireshark 4.0 numbers its
     * transactions in one pass (a 100 Continue before its request, desynchronised responses, a request without a Host
     * answered with the connection's URI), an HTTP/0.9 request's empty version, long request lines' expert items cut.
     */
    @ParameterizedTest
    @ValueSource(strings = {"http--pipelined-requests.pcap", "http--multipart-form-data.pcap", "http--ctu-62604-80.pcap",
        "http--byteranges.pcap", "http--http-post-large.pcap", "http--interleaved-http-entity.pcap", "http--proxy.pcap",
        "http--connect-with-header.pcap", "http--post.pcap", "http--get-gzip.pcap", "http--docker-http-upgrade.pcap",
        "http--100-continue.pcap", "http--http-desync-request-response-5.pcap", "http--zero-length-bodies-with-drops.pcap",
        "http--http-11-request-then-cruft.pcap", "http--http-09-content-length-confusion.pcap", "http--connect-with-smtp.pcap",
        "tcp--tcp-fast-open.pcap", "tls--ocsp-revoked.pcap"})
    void httpBodiesPrintWhatTsharkPrints(String name) throws IOException {
        zeekSectionsPrintWhatTsharkPrints(name, HTTP_BODIES);
    }

    /**
     * Real-world certificates on Zeek's traces: each certificate's subtree (and a CertificateRequest's distinguished
     * names) as tshark draws it, among them CRL distribution points, authority information access, policies with a
     * UserNotice, Netscape extensions, a logotype, RSASSA-PSS parameters, a BMPString, an authorityCertIssuer, an
     * EC key and a GeneralizedTime.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tls--dhe.pcap", "tls--ocsp-stapling.pcap", "tls--certificate-request-failed.pcap",
        "tls--CVE-2015-3194.pcap", "tls--ocsp-stapling-twimg.pcap", "tls--tls1.2-late-protocol-error.pcap",
        "tls--missing-intermediate.pcap", "tls--xmpp-starttls.pcap", "tls--ecdsa-cert.pcap", "tls--x509-generalizedtime.pcap"})
    void certificatesPrintWhatTsharkPrints(String name) throws IOException {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus is absent: skipped");
        Path file = ReportRun.SHARED.getParent().getParent().resolve("realworld/zeek").resolve(name);
        List<List<String>> golden = certificates(Files.readString(file.resolveSibling(name + ".verbose.txt")));
        Cli run = Cli.run("-r", file.toString(), "-V");
        assertThat(golden).isNotEmpty();
        assertThat(certificates(run.out())).isEqualTo(golden);
    }

    private static final Pattern CERTIFICATE_LINE = Pattern.compile("^( *)(Certificate: |Distinguished Name: ).*");

    /** The subtrees of every certificate and distinguished name, in order: the item's line and the lines under it. */
    private static List<List<String>> certificates(String text) {
        List<List<String>> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            java.util.regex.Matcher m = CERTIFICATE_LINE.matcher(lines[i]);
            if (!m.matches()) {
                continue;
            }
            String deeper = m.group(1) + " ";
            List<String> block = new ArrayList<>(List.of(lines[i]));
            while (i + 1 < lines.length && lines[i + 1].startsWith(deeper)) {
                block.add(lines[++i]);
            }
            out.add(block);
        }
        return out;
    }

    /** Per packet, each top-level subtree (its first line, numbered when repeated) and its lines; hex dumps left out. */
    static List<Map<String, List<String>>> packets(String text) {
        List<Map<String, List<String>>> out = new ArrayList<>();
        for (String packet : PACKET_START.split(text)) {
            Map<String, List<String>> sections = new LinkedHashMap<>();
            List<String> current = null;
            for (String line : packet.split("\n")) {
                if (line.isEmpty() || HEX_LINE.matcher(line).matches()) {
                    continue;
                }
                if (!line.startsWith(" ")) {
                    String key = line;
                    for (int n = 2; sections.containsKey(key); n++) {
                        key = line + " #" + n;
                    }
                    current = new ArrayList<>();
                    sections.put(key, current);
                }
                if (current != null) {
                    current.add(line);
                }
            }
            out.add(sections);
        }
        return out;
    }
}
