package org.dissect4j.dns;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.api.Tree;
import org.dissect4j.net.NetPlugin;
import org.dissect4j.tcp.TcpPlugin;

/**
 * Test support: an engine with the project's own frame/Ethernet/IP/UDP/TCP dissectors and the DNS plugin,
 * Ethernet/IPv4/UDP and TCP frames around DNS messages, DNS messages built byte by byte (as dnskit.py does for
 * the captures), and field values rendered as {@code tshark -T fields -E occurrence=a} prints them.
 */
final class DnsTestKit {
    static final long T0 = 1_700_000_000_000_000_000L;

    private DnsTestKit() {
    }

    static Engine engine() {
        return engine(new Settings());
    }

    static Engine engine(Settings settings, DissectorPlugin... extra) {
        Engine.Builder b = Engine.builder().discover(false).settings(settings).plugin(new NetPlugin()).plugin(new TcpPlugin())
                .plugin(new DnsPlugin());
        for (DissectorPlugin p : extra) {
            b.plugin(p);
        }
        Engine e = b.build();
        e.tree().wantAll(true);
        e.columns(true);
        return e;
    }

    // ---- frames ----------------------------------------------------------------------------

    static Frame frame(byte[] bytes, long number, long nanos) {
        return frame(bytes, bytes.length, number, nanos);
    }

    static Frame frame(byte[] bytes, int captured, long number, long nanos) {
        return new Frame().set(number, MemorySegment.ofArray(bytes), 0, captured, bytes.length, nanos, 0, 1);
    }

    /** An Ethernet/IPv4/UDP frame; addresses are the last octet of 192.0.2.x. */
    static byte[] udp(int src, int dst, int sport, int dport, byte[] payload) {
        byte[] u = cat(u16(sport), u16(dport), u16(8 + payload.length), u16(0), payload);
        return eth(ipv4(src, dst, 17, u));
    }

    /** An Ethernet/IPv4/TCP frame with flags and no options. */
    static byte[] tcp(int src, int dst, int sport, int dport, long seq, long ack, int flags, byte[] payload) {
        byte[] t = cat(u16(sport), u16(dport), u32(seq), u32(ack), new byte[] {0x50, (byte) flags}, u16(65535), u16(0), u16(0),
                payload);
        return eth(ipv4(src, dst, 6, t));
    }

    private static byte[] ipv4(int src, int dst, int proto, byte[] payload) {
        byte[] h = cat(new byte[] {0x45, 0}, u16(20 + payload.length), u16(1), u16(0x4000), new byte[] {64, (byte) proto}, u16(0),
                new byte[] {(byte) 192, 0, 2, (byte) src, (byte) 192, 0, 2, (byte) dst});
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += (h[i] & 0xFF) << 8 | h[i + 1] & 0xFF;
        }
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = ~((sum & 0xFFFF) + (sum >>> 16)) & 0xFFFF;
        h[10] = (byte) (sum >> 8);
        h[11] = (byte) sum;
        return cat(h, payload);
    }

    private static byte[] eth(byte[] ip) {
        return cat(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0}, ip);
    }

    // ---- DNS messages ----------------------------------------------------------------------

    static byte[] name(String n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String label : n.split("\\.")) {
            if (!label.isEmpty()) {
                byte[] b = label.getBytes(StandardCharsets.ISO_8859_1);
                out.write(b.length);
                out.writeBytes(b);
            }
        }
        out.write(0);
        return out.toByteArray();
    }

    static byte[] pointer(int offset) {
        return u16(0xC000 | offset);
    }

    static byte[] header(int id, int flags, int qd, int an, int ns, int ar) {
        return cat(u16(id), u16(flags), u16(qd), u16(an), u16(ns), u16(ar));
    }

    static byte[] question(byte[] name, int type, int cls) {
        return cat(name, u16(type), u16(cls));
    }

    static byte[] rr(byte[] name, int type, int cls, long ttl, byte[] rdata) {
        return cat(name, u16(type), u16(cls), u32(ttl), u16(rdata.length), rdata);
    }

    /** A query for {@code qname} of {@code qtype}, class IN, recursion desired. */
    static byte[] query(int id, String qname, int qtype) {
        return cat(header(id, 0x0100, 1, 0, 0, 0), question(name(qname), qtype, 1));
    }

    /** A response to {@link #query} with one answer per address. */
    static byte[] response(int id, String qname, byte[]... addresses) {
        byte[] m = cat(header(id, 0x8180, 1, addresses.length, 0, 0), question(name(qname), 1, 1));
        for (byte[] a : addresses) {
            m = cat(m, rr(pointer(12), 1, 1, 300, a));
        }
        return m;
    }

    static byte[] u16(int v) {
        return new byte[] {(byte) (v >> 8), (byte) v};
    }

    static byte[] u32(long v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    // ---- results ---------------------------------------------------------------------------

    /** Every occurrence of the field(s) named {@code name}, in tree order, as tshark's -T fields prints them. */
    static List<String> values(Engine e, String name) {
        Tree t = e.tree();
        List<Integer> nodes = new ArrayList<>();
        for (Field f : e.fields(name)) {
            for (int n = t.first(f); n >= 0; n = t.next(n)) {
                nodes.add(n);
            }
        }
        nodes.sort(null);
        List<String> out = new ArrayList<>();
        for (int n : nodes) {
            StringBuilder sb = new StringBuilder();
            FieldFormat.value(t, n, sb);
            out.add(sb.toString());
        }
        return out;
    }

    /** The occurrences joined with commas ({@code -E aggregator=,}), "" when there are none. */
    static String value(Engine e, String name) {
        return String.join(",", values(e, name));
    }

    /** The protocols of the last packet, as {@code frame.protocols}. */
    static String protocols(Packet p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.protocolCount(); i++) {
            String n = p.tree().fieldById(p.protocolAt(i)).abbrev();
            if (!n.equals("frame")) {
                sb.append(sb.isEmpty() ? "" : ":").append(n);
            }
        }
        return sb.toString();
    }

    /** Whether the engine recorded a dissector bug (an unexpected exception) on the last packet. */
    static boolean bug(Engine e) {
        return !values(e, "_ws.malformed.dissector_bug.message").isEmpty();
    }
}
