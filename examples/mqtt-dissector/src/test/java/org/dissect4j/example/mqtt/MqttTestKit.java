package org.dissect4j.example.mqtt;

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
import org.dissect4j.http.HttpPlugin;
import org.dissect4j.net.NetPlugin;
import org.dissect4j.tcp.TcpPlugin;

/**
 * What this module's tests share: a full engine (the project's frame/eth/ip/tcp dissectors, HTTP for the
 * {@code media_type} table, and this plugin), a TCP connection that turns MQTT bytes into Ethernet frames,
 * builders for MQTT control packets, and field values rendered as {@code tshark -T fields} prints them.
 */
final class MqttTestKit {
    private MqttTestKit() {
    }

    // ---- engines --------------------------------------------------------------------------------------

    static Engine engine() {
        return engine(new Settings());
    }

    static Engine engine(Settings settings, DissectorPlugin... extra) {
        Engine.Builder b = Engine.builder().discover(false).settings(settings)
                .plugin(new NetPlugin()).plugin(new TcpPlugin()).plugin(new HttpPlugin()).plugin(new MqttPlugin());
        for (DissectorPlugin p : extra) {
            b.plugin(p);
        }
        Engine e = b.build();
        e.tree().wantAll(true);
        e.columns(true);
        return e;
    }

    /**
     * An engine in which MQTT is the whole frame: no link, IP or TCP layer and no stream reassembly (a frame's
     * bytes are one MQTT data block), so that a test can hand any byte sequence, of any length, to the dissector.
     */
    static Engine direct(Settings settings, DissectorPlugin... extra) {
        Engine.Builder b = Engine.builder().discover(false).settings(settings).plugin(new DirectPlugin())
                .plugin(new MqttPlugin());
        for (DissectorPlugin p : extra) {
            b.plugin(p);
        }
        Engine e = b.build();
        e.tree().wantAll(true);
        e.columns(true);
        return e;
    }

    /** The root dissector of {@link #direct}: calls {@code mqtt} on the frame. */
    static final class DirectPlugin implements DissectorPlugin {
        static final org.dissect4j.api.Protocol ROOT = new org.dissect4j.api.Protocol("Test frame", "TEST", "mqtttest");

        @Override
        public int apiVersion() {
            return DissectorPlugin.API_VERSION;
        }

        @Override
        public String name() {
            return "mqtt-test-root";
        }

        @Override
        public void register(org.dissect4j.api.Registrar r) {
            r.protocol(ROOT);
        }

        @Override
        public void handoff(org.dissect4j.api.Registrar r) {
            org.dissect4j.api.DissectorHandle mqtt = r.dissector("mqtt");
            r.dissector("frame", ROOT, (p, off, len) -> {
                p.call(mqtt, off, len);
                return len;
            });
        }
    }

    /** A frame of {@code bytes} of which the first {@code captured} were captured. */
    static Frame frame(byte[] bytes, int captured) {
        return new Frame().set(1, MemorySegment.ofArray(bytes), 0, captured, bytes.length, 1_700_000_000_000_000_000L, 0, 1);
    }

    /** Whether the engine recorded a dissector bug (an unexpected exception) for the last packet. */
    static boolean bug(Engine e) {
        return !values(e, "_ws.malformed.dissector_bug.message").isEmpty();
    }

    /** Every occurrence of the field(s) named {@code name}, as {@code tshark -T fields -E occurrence=a} prints them. */
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

    /** The occurrences joined with commas, as {@code -E aggregator=,} prints them. */
    static String value(Engine e, String name) {
        return String.join(",", values(e, name));
    }

    /** {@code frame.protocols} without {@code frame}, e.g. {@code eth:ethertype:ip:tcp:mqtt}. */
    static String protocols(Packet p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.protocolCount(); i++) {
            String name = p.tree().fieldById(p.protocolAt(i)).abbrev();
            if (!name.equals("frame")) {
                sb.append(sb.isEmpty() ? "" : ":").append(name);
            }
        }
        return sb.toString();
    }

    // ---- a TCP connection -----------------------------------------------------------------------------

    /** A TCP connection between 10.0.0.2 (client) and 10.0.0.1 (server) that frames MQTT bytes as Ethernet/IPv4/TCP. */
    static final class Conn {
        static final int CLIENT = 0x0a000002, SERVER = 0x0a000001;
        static final int FIN = 0x01, SYN = 0x02, PSH = 0x08, ACK = 0x10;

        final Engine engine;
        final int clientPort;
        final int serverPort;
        private final Frame frame = new Frame();
        private long number;
        private long time = 1_700_000_000_000_000_000L;
        private long clientSeq = 1000;
        private long serverSeq = 5000;

        Conn(Engine engine, int clientPort, int serverPort) {
            this.engine = engine;
            this.clientPort = clientPort;
            this.serverPort = serverPort;
        }

        /** Opens the connection (SYN, SYN/ACK, ACK). */
        Conn open() {
            segment(true, SYN, new byte[0], -1);
            clientSeq++;                        // the SYN takes one sequence number
            segment(false, SYN | ACK, new byte[0], -1);
            serverSeq++;
            segment(true, ACK, new byte[0], -1);
            return this;
        }

        /** The client sends {@code payload} in one segment; returns the dissected packet (valid until the next). */
        Packet client(byte[] payload) {
            return segment(true, PSH | ACK, payload, -1);
        }

        Packet server(byte[] payload) {
            return segment(false, PSH | ACK, payload, -1);
        }

        /** The client sends {@code payload}, of which only {@code captured} bytes of the frame's TCP payload were captured. */
        Packet clientCaptured(byte[] payload, int captured) {
            return segment(true, PSH | ACK, payload, captured);
        }

        private Packet segment(boolean fromClient, int flags, byte[] payload, int capturedPayload) {
            long seq = fromClient ? clientSeq : serverSeq;
            long ack = fromClient ? serverSeq : clientSeq;
            byte[] f = tcp(fromClient ? CLIENT : SERVER, fromClient ? SERVER : CLIENT,
                    fromClient ? clientPort : serverPort, fromClient ? serverPort : clientPort, seq, ack, flags, payload);
            if (fromClient) {
                clientSeq += payload.length;
            } else {
                serverSeq += payload.length;
            }
            int captured = capturedPayload < 0 ? f.length : f.length - payload.length + capturedPayload;
            number++;
            time += 1_000_000;
            frame.set(number, MemorySegment.ofArray(f), 0, captured, f.length, time, 0, 1);
            return engine.dissect(frame);
        }
    }

    /** An Ethernet/IPv4/TCP frame (checksums left 0: TCP does not check them by default). */
    static byte[] tcp(int src, int dst, int sport, int dport, long seq, long ack, int flags, byte[] payload) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2, 8, 0});
        int total = 20 + 20 + payload.length;
        b.writeBytes(new byte[] {0x45, 0, (byte) (total >> 8), (byte) total, 0, 1, 0x40, 0, 64, 6, 0, 0});
        b.writeBytes(be32(src));
        b.writeBytes(be32(dst));
        b.writeBytes(new byte[] {(byte) (sport >> 8), (byte) sport, (byte) (dport >> 8), (byte) dport});
        b.writeBytes(be32((int) seq));
        b.writeBytes(be32((int) ack));
        b.writeBytes(new byte[] {0x50, (byte) flags, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0});
        b.writeBytes(payload);
        return b.toByteArray();
    }

    private static byte[] be32(int v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    // ---- MQTT control packets -------------------------------------------------------------------------

    /** Bytes from ints (each 0..255). */
    static byte[] bytes(int... v) {
        byte[] r = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = (byte) v[i];
        }
        return r;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    /** A Variable Byte Integer. */
    static byte[] varint(int n) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        do {
            int d = n % 128;
            n /= 128;
            b.write(d | (n > 0 ? 0x80 : 0));
        } while (n > 0);
        return b.toByteArray();
    }

    /** A UTF-8 string with its 2-byte length. */
    static byte[] str(String s) {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        return concat(bytes(u.length >> 8, u.length & 0xff), u);
    }

    static byte[] u16(int v) {
        return bytes(v >> 8, v & 0xff);
    }

    static byte[] u32(long v) {
        return bytes((int) (v >>> 24) & 0xff, (int) (v >>> 16) & 0xff, (int) (v >>> 8) & 0xff, (int) v & 0xff);
    }

    /** A control packet: first byte, Remaining Length, body. */
    static byte[] packet(int first, byte[] body) {
        return concat(bytes(first), varint(body.length), body);
    }

    /** A property block: its length and the properties. */
    static byte[] props(byte[]... items) {
        byte[] body = concat(items);
        return concat(varint(body.length), body);
    }

    static byte[] connect(int version, String clientId) {
        return connect(version, 0x02, 60, version == 5 ? props() : new byte[0], clientId, new byte[0]);
    }

    static byte[] connect(int version, int flags, int keepAlive, byte[] properties, String clientId, byte[] rest) {
        byte[] name = version == 3 ? str("MQIsdp") : str("MQTT");
        return packet(0x10, concat(name, bytes(version, flags), u16(keepAlive), properties, str(clientId), rest));
    }

    static byte[] publish(int qos, String topic, int msgid, byte[] properties, String message) {
        return packet(0x30 | (qos << 1), concat(str(topic), qos > 0 ? u16(msgid) : new byte[0], properties,
                message.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
