package org.dissect4j.dns;

import java.util.Arrays;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Field;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Registrar;
import org.dissect4j.api.Settings;

/**
 * The DNS plugin: the protocols {@code dns}, {@code mdns} and {@code llmnr} with the {@code dns.*} fields they
 * share, registered where Wireshark 4.0 registers them.
 *
 * <ul>
 *   <li>{@code dns}: UDP port 53, TCP ports 53 and 5353 (DNS over TCP, RFC 7766), TLS port 853 (DNS over TLS,
 *       RFC 7858) when a TLS dissector offers a {@code tls.port} table, and the {@code udp} heuristic list as
 *       {@code dns_udp}, on by default as in tshark;</li>
 *   <li>{@code mdns}: UDP port 5353 (RFC 6762);</li>
 *   <li>{@code llmnr}: UDP port 5355 (RFC 4795).</li>
 * </ul>
 *
 * <p>Preferences ({@code -o name:value}), read once here: {@code dns.desegment_dns_messages} (TRUE: a message
 * over TCP that spans segments is reassembled) and {@code dns.retransmission_timer} (5: seconds within which a
 * request with the same ID as an unanswered one is its retransmission).
 */
public final class DnsPlugin implements DissectorPlugin {
    /** DNS's port over UDP and TCP. */
    public static final int PORT = 53;
    /** mDNS's port (UDP; DNS over TCP on it). */
    public static final int MDNS_PORT = 5353;
    /** LLMNR's port (UDP). */
    public static final int LLMNR_PORT = 5355;
    /** DNS over TLS. */
    public static final int DOT_PORT = 853;
    /** The short name of the UDP heuristic. */
    public static final String HEURISTIC = "dns_udp";

    static final Protocol DNS = protocol("Domain Name System", "DNS", "dns");
    static final Protocol MDNS = protocol("Multicast Domain Name System", "mDNS", "mdns");
    static final Protocol LLMNR = protocol("Link-local Multicast Name Resolution", "LLMNR", "llmnr");

    private DissectorHandle dns;
    private DissectorHandle mdns;
    private DissectorHandle llmnr;
    private DissectorHandle heuristic;

    /** Found by {@link java.util.ServiceLoader}: one instance per engine. */
    public DnsPlugin() {
    }

    /** A protocol whose tree line reads {@code Domain Name System (query)} or {@code (response)}. */
    private static Protocol protocol(String name, String shortName, String filterName) {
        Labeler label = (tree, node, out) -> out.append(name)
                .append((tree.value(node) & DnsDissector.F_RESPONSE) != 0 ? " (response)" : " (query)");
        return new Protocol(name, shortName, filterName).labeler(label);
    }

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "dns";
    }

    @Override
    public void register(Registrar r) {
        Settings s = r.settings();
        DnsTransactions transactions = new DnsTransactions(s.integer("dns.retransmission_timer", 5));
        transactions.maxTransactions = (int) Math.max(2, Math.min(1 << 24, s.integer("dns.max_transactions",
                DnsTransactions.MAX_TRANSACTIONS)));
        transactions.maxTotal = Math.max(2, s.integer("dns.max_transactions_total", DnsTransactions.MAX_TOTAL));
        DnsDissector d = new DnsDissector(transactions, s.bool("dns.desegment_dns_messages", true));
        r.protocol(DNS, fields());
        r.protocol(MDNS);
        r.protocol(LLMNR);
        r.experts(DnsExpert.all());
        transactions.declare(r);
        dns = r.dissector("dns", DNS, d::dissectDns);
        mdns = r.dissector("mdns", MDNS, d::dissectMdns);
        llmnr = r.dissector("llmnr", LLMNR, d::dissectLlmnr);
        heuristic = r.heuristic(HEURISTIC, DNS, d::heuristic);
    }

    /** The {@code dns.*} fields and the text items of {@code -V}. */
    private static Field[] fields() {
        Field[] fields = DnsFields.all();
        Field[] texts = DnsLabels.textItems();
        Field[] all = Arrays.copyOf(fields, fields.length + texts.length);
        System.arraycopy(texts, 0, all, fields.length, texts.length);
        return all;
    }

    @Override
    public void handoff(Registrar r) {
        // optional wiring: DNS still loads in an engine without UDP, TCP or TLS (a unit test)
        r.findTable("udp.port").ifPresent(t -> {
            t.add(PORT, dns);
            t.add(MDNS_PORT, mdns);
            t.add(LLMNR_PORT, llmnr);
        });
        r.findTable("tcp.port").ifPresent(t -> {
            t.add(PORT, dns);
            t.add(MDNS_PORT, dns);
        });
        r.findTable("tls.port").ifPresent(t -> t.add(DOT_PORT, dns));
        r.findHeuristics("udp").ifPresent(l -> l.add(HEURISTIC, "DNS over UDP", heuristic, true));
    }
}
