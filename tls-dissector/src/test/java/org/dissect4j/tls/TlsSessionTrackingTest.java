package org.dissect4j.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.Settings;
import org.dissect4j.testkit.Captures;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/**
 * Session resumption tracking and certificate summaries on the openssl captures: what each ClientHello offers,
 * where a resumption is recognised (by session ID, by ticket, by TLS 1.3 PSK) with the frame that issued the
 * session ID or ticket, and a refused resumption.
 */
class TlsSessionTrackingTest {
    static final List<String> COLUMNS = List.of("tls.resumption.offered", "tls.resumed",
            "tls.resumption_method", "tls.resumption.origin_frame", "tls.resumption.refused");

    /** Rows (tab-joined) of frames with any resumption field. */
    static List<String> rows(String capture) throws Exception {
        Runner r = new Runner(new Settings(), TlsGoldens.plugins());
        List<String[]> got = r.run(Captures.read(TlsOwnCapturesTest.DIR.resolve(capture)), COLUMNS);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < got.size(); i++) {
            String[] row = got.get(i);
            if (!String.join("", row).isEmpty()) {
                out.add((i + 1) + "\t" + String.join("\t", row));
            }
        }
        return out;
    }

    @Test
    void resumedBySessionId() throws Exception {
        assertThat(rows("tls12-resume-id.pcap")).containsExactly("26\t0x01\t\t\t\t", "28\t\t1\t1\t6\t");
    }

    @Test
    void resumptionRefused() throws Exception {
        assertThat(rows("tls12-resume-refused.pcap")).containsExactly("26\t0x01\t\t\t\t", "28\t\t\t\t\t1");
    }

    @Test
    void resumedByTicket() throws Exception {
        // The ticket was issued by the NewSessionTicket of frame 13 (first connection).
        assertThat(rows("tls12-resume-ticket.pcap")).containsExactly("26\t0x03\t\t\t\t", "28\t\t1\t2\t13\t");
    }

    @Test
    void resumedByTls13Psk() throws Exception {
        assertThat(rows("tls13-psk.pcap")).containsExactly("28\t0x04\t\t\t\t", "30\t\t1\t3\t\t");
    }

    @Test
    void fullHandshakesOfferNothing() throws Exception {
        assertThat(rows("tls12-full.pcap")).isEmpty();
        assertThat(rows("tls13-hrr.pcap")).isEmpty();
    }

    @Test
    void certificateSummaries() throws Exception {
        Runner r = new Runner(new Settings(), TlsGoldens.plugins());
        List<String[]> got = r.run(Captures.read(Path.of(TlsOwnCapturesTest.DIR + "/tls12-chain-multiseg.pcap")),
                List.of("tls.x509.subject", "tls.x509.issuer", "tls.x509.san", "tls.x509.signature_algorithm"));
        String[] row = got.stream().filter(x -> !x[0].isEmpty()).findFirst().orElseThrow();
        assertThat(row[0]).isEqualTo("CN=server.test,O=dissect4j test,C=XX,CN=d4j Intermediate 2,OU=tier 2,"
                + "O=dissect4j test,C=XX,CN=d4j Intermediate 1,OU=tier 1,O=dissect4j test,C=XX");
        assertThat(row[1]).startsWith("CN=d4j Intermediate 2,OU=tier 2,O=dissect4j test,C=XX,");
        assertThat(row[2]).isEqualTo("server.test,www.server.test,10.98.0.1");
        assertThat(row[3]).isEqualTo("sha256WithRSAEncryption,sha256WithRSAEncryption,sha256WithRSAEncryption");
    }
}
