package org.dissect4j.filter;

import static org.dissect4j.filter.TestStack.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;

/**
 * Ten frames that exercise the filter tests:
 * <pre>
 *  1  TCP SYN        10.77.0.1:38084 -> 10.77.0.2:443
 *  2  TCP SYN/ACK    10.77.0.2:443   -> 10.77.0.1:38084
 *  3  TCP ACK        10.77.0.1:38084 -> 10.77.0.2:443   (no payload: tcp.analysis.flags)
 *  4  TLS ClientHello (session id 32 x 0xaa, SNI server.test)
 *  5  TLS ServerHello + Certificate + ServerHelloDone, then an Application Data record
 *  6  HTTP GET       10.77.0.1:50000 -> 10.77.0.2:8000
 *  7  UDP            10.77.0.1:5353  -> 10.77.0.9:53, TTL 1
 *  8  IPv6 TCP       [fd00:77::1]:8080 -> [fd00:77::2]:51000, "HTTP/1.1 200 OK"
 *  9  IP-in-IP       192.168.1.1 -> 192.168.1.2 carrying 10.77.0.1:1234 -> 10.77.0.3:80 SYN
 * 10  ARP-type frame to ff:ff:ff:ff:ff:ff
 * </pre>
 * Frame n arrives 0.5 s after frame n-1; frame 1 at 2023-11-14 22:13:20 UTC.
 */
final class Corpus {
    private Corpus() {
    }

    static final byte[] SESSION_ID = new byte[32];

    static {
        java.util.Arrays.fill(SESSION_ID, (byte) 0xaa);
    }

    static List<Frame> frames() {
        List<byte[]> raw = new ArrayList<>();
        raw.add(eth(MAC_SERVER, MAC_CLIENT, 0x0800, ipv4("10.77.0.1", "10.77.0.2", 6, 64, tcp(38084, 443, 0x02, new byte[0]))));
        raw.add(eth(MAC_CLIENT, MAC_SERVER, 0x0800, ipv4("10.77.0.2", "10.77.0.1", 6, 64, tcp(443, 38084, 0x12, new byte[0]))));
        raw.add(eth(MAC_SERVER, MAC_CLIENT, 0x0800, ipv4("10.77.0.1", "10.77.0.2", 6, 64, tcp(38084, 443, 0x10, new byte[0]))));
        raw.add(eth(MAC_SERVER, MAC_CLIENT, 0x0800, ipv4("10.77.0.1", "10.77.0.2", 6, 64,
                tcp(38084, 443, 0x18, record(22, clientHello(SESSION_ID, "server.test"))))));
        raw.add(eth(MAC_CLIENT, MAC_SERVER, 0x0800, ipv4("10.77.0.2", "10.77.0.1", 6, 64,
                tcp(443, 38084, 0x18, concat(record(22, concat(handshake(2, new byte[] {0, 0}), handshake(11, new byte[] {1, 2, 3}),
                        handshake(14, new byte[0]))), record(23, ascii("secret")))))));
        raw.add(eth(MAC_SERVER, MAC_CLIENT, 0x0800, ipv4("10.77.0.1", "10.77.0.2", 6, 64,
                tcp(50000, 8000, 0x18, ascii("GET /download.bin HTTP/1.1\r\nHost: x\r\n\r\n")))));
        raw.add(eth(MAC_SERVER, MAC_CLIENT, 0x0800, ipv4("10.77.0.1", "10.77.0.9", 17, 1, udp(5353, 53, new byte[] {1, 2, 3, 4}))));
        raw.add(eth(MAC_SERVER, MAC_CLIENT, 0x86dd, ipv6("fd00:77::1", "fd00:77::2", 6,
                tcp(8080, 51000, 0x18, ascii("HTTP/1.1 200 OK\r\n\r\n")))));
        raw.add(eth(MAC_SERVER, MAC_CLIENT, 0x0800, ipv4("192.168.1.1", "192.168.1.2", 4, 255,
                ipv4("10.77.0.1", "10.77.0.3", 6, 63, tcp(1234, 80, 0x02, new byte[0])))));
        raw.add(eth(new byte[] {-1, -1, -1, -1, -1, -1}, MAC_CLIENT, 0x0806, new byte[28]));
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(frame(i + 1, raw.get(i)));
        }
        return out;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The numbers of the frames {@code filter} selects, each frame dissected with only the filter's fields wanted. */
    static List<Integer> select(Engine engine, DisplayFilter filter) {
        engine.tree().clearWants();
        filter.prime(engine.tree());
        List<Integer> hits = new ArrayList<>();
        for (Frame f : frames()) {
            if (filter.matches(engine.dissect(f).tree())) {
                hits.add((int) f.number());
            }
        }
        return hits;
    }
}
