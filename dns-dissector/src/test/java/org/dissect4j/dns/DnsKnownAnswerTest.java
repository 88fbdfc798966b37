package org.dissect4j.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.dns.DnsTestKit.T0;
import static org.dissect4j.dns.DnsTestKit.bytes;
import static org.dissect4j.dns.DnsTestKit.cat;
import static org.dissect4j.dns.DnsTestKit.engine;
import static org.dissect4j.dns.DnsTestKit.frame;
import static org.dissect4j.dns.DnsTestKit.header;
import static org.dissect4j.dns.DnsTestKit.name;
import static org.dissect4j.dns.DnsTestKit.pointer;
import static org.dissect4j.dns.DnsTestKit.protocols;
import static org.dissect4j.dns.DnsTestKit.query;
import static org.dissect4j.dns.DnsTestKit.question;
import static org.dissect4j.dns.DnsTestKit.response;
import static org.dissect4j.dns.DnsTestKit.rr;
import static org.dissect4j.dns.DnsTestKit.u16;
import static org.dissect4j.dns.DnsTestKit.udp;
import static org.dissect4j.dns.DnsTestKit.value;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Packet;
import org.junit.jupiter.api.Test;

/** Known answers, checked against tshark 4.0.17's output for the same bytes. */
class DnsKnownAnswerTest {
    @Test
    void queryAndResponseOverUdp() {
        Engine e = engine();
        Packet p = e.dissect(frame(udp(10, 53, 40000, 53, cat(query(0x1234, "example.com", 1),
                bytes(0, 0, 41, 0x10, 0, 0, 0, 0x80, 0, 0, 0))), 1, T0));
        assertThat(protocols(p)).isEqualTo("eth:ethertype:ip:udp:dns");
        assertThat(p.protocolColumn()).isEqualTo("DNS");
        assertThat(p.info().toString()).isEqualTo("Standard query 0x1234 A example.com");
        assertThat(value(e, "dns.id")).isEqualTo("0x1234");
        assertThat(value(e, "dns.flags")).isEqualTo("0x0100");
        assertThat(value(e, "dns.flags.recdesired")).isEqualTo("1");
        assertThat(value(e, "dns.flags.authoritative")).isEmpty();           // a query has no AA bit item
        assertThat(value(e, "dns.qry.name")).isEqualTo("example.com");
        assertThat(value(e, "dns.qry.name.len")).isEqualTo("11");
        assertThat(value(e, "dns.count.labels")).isEqualTo("2");
        assertThat(value(e, "dns.qry.class")).isEqualTo("0x0001");
        // the header counts no additional record, so the OPT bytes are extraneous
        assertThat(value(e, "dns.extraneous.length")).isEqualTo("11");
        assertThat(value(e, "dns")).isEqualTo("Domain Name System (query)");

        p = e.dissect(frame(udp(53, 10, 53, 40000, response(0x1234, "example.com", bytes(192, 0, 2, 1), bytes(192, 0, 2, 2))), 2,
                T0 + 12_345_000));
        assertThat(p.info().toString()).isEqualTo("Standard query response 0x1234 A example.com A 192.0.2.1 A 192.0.2.2");
        assertThat(value(e, "dns.a")).isEqualTo("192.0.2.1,192.0.2.2");
        assertThat(value(e, "dns.resp.name")).isEqualTo("example.com,example.com");
        assertThat(value(e, "dns.resp.ttl")).isEqualTo("300,300");
        assertThat(value(e, "dns.response_to")).isEqualTo("1");
        assertThat(value(e, "dns.time")).isEqualTo("0.012345000");
        assertThat(value(e, "dns.flags.rcode")).isEqualTo("0");
    }

    @Test
    void rcodeAndOpcodeInInfo() {
        Engine e = engine();
        Packet p = e.dissect(frame(udp(53, 10, 53, 40001, cat(header(0xbeef, 0x8183, 1, 0, 0, 0), question(name("no.example"), 28, 1))),
                1, T0));
        assertThat(p.info().toString()).isEqualTo("Standard query response 0xbeef No such name AAAA no.example");
        assertThat(value(e, "dns.unsolicited")).isEqualTo("1");
        p = e.dissect(frame(udp(10, 53, 40002, 53, header(1, 0x3800, 0, 0, 0, 0)), 2, T0));
        assertThat(p.info().toString()).isEqualTo("Unknown operation (7) 0x0001");
        p = e.dissect(frame(udp(53, 10, 53, 40003, header(2, 0x800e, 0, 0, 0, 0)), 3, T0));
        assertThat(p.info().toString()).isEqualTo("Standard query response 0x0002 Unknown error (14)");
    }

    @Test
    void mdnsQuestionsAndCacheFlush() {
        Engine e = engine();
        byte[] m = cat(header(0, 0x8400, 1, 1, 0, 0), question(name("printer.local"), 1, 0x8001),
                rr(pointer(12), 1, 0x8001, 120, bytes(192, 0, 2, 20)));
        Packet p = e.dissect(frame(udp(20, 251, 5353, 5353, m), 1, T0));
        assertThat(protocols(p)).isEqualTo("eth:ethertype:ip:udp:mdns");
        assertThat(p.protocolColumn()).isEqualTo("MDNS");
        assertThat(p.info().toString()).isEqualTo("Standard query response 0x0000 A printer.local, \"QU\" question A, cache flush 192.0.2.20");
        assertThat(value(e, "dns.qry.qu")).isEqualTo("1");
        assertThat(value(e, "dns.qry.class")).isEqualTo("0x0001");
        assertThat(value(e, "dns.resp.class")).isEqualTo("0x0001");
        assertThat(value(e, "dns.resp.cache_flush")).isEqualTo("1");
        assertThat(value(e, "mdns")).isEqualTo("Multicast Domain Name System (response)");
    }

    @Test
    void llmnrFlags() {
        Engine e = engine();
        Packet p = e.dissect(frame(udp(31, 30, 5355, 51000, cat(header(0x7002, 0x8500, 1, 0, 0, 0), question(name("wpad"), 28, 1))),
                1, T0));
        assertThat(protocols(p)).isEqualTo("eth:ethertype:ip:udp:llmnr");
        assertThat(p.protocolColumn()).isEqualTo("LLMNR");
        assertThat(value(e, "dns.flags.conflict")).isEqualTo("1");
        assertThat(value(e, "dns.flags.tentative")).isEqualTo("1");
        assertThat(value(e, "dns.flags.recdesired")).isEmpty();
    }

    @Test
    void srvOwnerSplitsIntoServiceProtocolAndName() {
        Engine e = engine();
        byte[] m = cat(header(5, 0x8180, 1, 1, 0, 0), question(name("_sip._udp.example.com"), 33, 1),
                rr(pointer(12), 33, 1, 60, cat(u16(10), u16(60), u16(5060), name("sip.example.com"))));
        Packet p = e.dissect(frame(udp(53, 10, 53, 40005, m), 1, T0));
        assertThat(p.info().toString()).isEqualTo("Standard query response 0x0005 SRV _sip._udp.example.com SRV 10 60 5060 sip.example.com");
        assertThat(value(e, "dns.srv.service")).isEqualTo("_sip");
        assertThat(value(e, "dns.srv.proto")).isEqualTo("_udp");
        assertThat(value(e, "dns.srv.name")).isEqualTo("example.com");
        assertThat(value(e, "dns.resp.name")).isEmpty();
        assertThat(value(e, "dns.srv.target")).isEqualTo("sip.example.com");
    }

    @Test
    void heuristicFindsDnsOnAnotherPortAndLeavesOtherDataAlone() {
        Engine e = engine();
        Packet p = e.dissect(frame(udp(10, 53, 41000, 10053, query(0x6001, "odd-port.example.com", 1)), 1, T0));
        assertThat(protocols(p)).isEqualTo("eth:ethertype:ip:udp:dns");
        p = e.dissect(frame(udp(10, 53, 41001, 10054, cat(header(1, 0, 2, 0, 0, 0), bytes('h', 'i'))), 2, T0));
        assertThat(protocols(p)).isEqualTo("eth:ethertype:ip:udp:data");
        Engine off = engine(new org.dissect4j.api.Settings());
        off.enableHeuristic(DnsPlugin.HEURISTIC, false);
        p = off.dissect(frame(udp(10, 53, 41000, 10053, query(0x6001, "odd-port.example.com", 1)), 1, T0));
        assertThat(protocols(p)).isEqualTo("eth:ethertype:ip:udp:data");
    }
}
