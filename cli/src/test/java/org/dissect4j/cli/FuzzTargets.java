package org.dissect4j.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.dissect4j.api.Engine;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureReader;
import org.dissect4j.filter.DisplayFilter;
import org.dissect4j.filter.FilterException;
import org.dissect4j.testkit.Fuzzer;

/**
 * The fuzz targets of issue 18, run by {@link FuzzTest} through {@link Fuzzer}: what each may let out is a
 * finding; what hostile input is allowed to cause (a capture error, a filter error, a malformed or truncated
 * mark) is caught here.
 * <ul>
 * <li>{@code readers}: the bytes as a capture file (pcap, pcapng, gzip), read mapped from a file and as stdin;</li>
 * <li>{@code frame}: one frame (first byte: the link type) through the whole dissector chain, every field
 * wanted, every node's value, tree line and expert message formatted; a dissector bug is a finding;</li>
 * <li>{@code tcp}: a TCP connection from a sequence of mutated segments (reassembly, TLS and HTTP state);</li>
 * <li>{@code filter-compile}: the bytes as a display filter;</li>
 * <li>{@code filter-eval}: the corpus' filters evaluated over a mutated frame.</li>
 * </ul>
 */
final class FuzzTargets {
    static final List<String> NAMES = List.of("readers", "frame", "tcp", "filter-compile", "filter-eval");
    private static final int[] LINK_TYPES = {LinkType.ETHERNET, LinkType.RAW, LinkType.LINUX_SLL, LinkType.NULL,
        LinkType.LINUX_SLL2, LinkType.IPV4, LinkType.IPV6, LinkType.ETHERNET};
    private static final int[] SERVER_PORTS = {443, 80, 53, 8080, 1883, 993, 8443, 5353};
    private static final String BUG = "_ws.malformed.dissector_bug";

    private Engine engine;
    private int uses;
    private final Path scratch;
    private List<DisplayFilter> filters;
    private int clientPort = 1024;

    FuzzTargets(Path scratch) {
        this.scratch = scratch;
    }

    Fuzzer.Target target(String name) {
        return switch (name) {
            case "readers" -> this::readers;
            case "frame" -> this::frame;
            case "tcp" -> this::tcp;
            case "filter-compile" -> this::filterCompile;
            case "filter-eval" -> this::filterEval;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** A fresh engine now and then: per-connection state stays bounded and a bad state cannot hide forever. */
    private Engine engine() {
        if (engine == null || ++uses > 2000) {
            engine = Engine.load();
            engine.tree().wantAll(true);
            engine.columns(true);
            filters = null;
            uses = 0;
        }
        return engine;
    }

    // ---- targets ------------------------------------------------------------------------------

    private void readers(byte[] input) throws IOException {
        Path file = scratch.resolve("fuzz-capture");
        Files.write(file, input);
        try (CaptureReader r = CaptureFiles.open(file)) {
            drain(r);
        } catch (IOException expected) {
            // not a capture, or a corrupt one: an error with the offset is the answer
        }
        try (CaptureReader r = CaptureFiles.open(new ByteArrayInputStream(input), "-")) {
            drain(r);
        } catch (IOException expected) {
            // as above, through stdin's sliding window
        }
    }

    private static void drain(CaptureReader r) throws IOException {
        Frame f;
        for (int i = 0; i < 10_000 && (f = r.next()) != null; i++) {
            if (f.capturedLength() > 0) {
                // the frame's bytes must be readable where the reader says they are
                f.segment().get(ValueLayout.JAVA_BYTE, f.offset() + f.capturedLength() - 1);
            }
        }
    }

    private void frame(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Engine e = engine();
        int link = LINK_TYPES[(input[0] & 0xFF) % LINK_TYPES.length];
        MemorySegment seg = MemorySegment.ofArray(input);
        Packet p = e.dissect(new Frame().set(++uses, seg, 1, input.length - 1, input.length - 1, uses * 1000L, 0, link));
        render(p.tree());
    }

    private void tcp(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Engine e = engine();
        clientPort = clientPort >= 65000 ? 1024 : clientPort + 1;
        Connection c = new Connection(clientPort, SERVER_PORTS[(input[0] & 0xFF) % SERVER_PORTS.length]);
        c.send(e, true, 0x02, new byte[0]);
        c.send(e, false, 0x12, new byte[0]);
        c.send(e, true, 0x10, new byte[0]);
        ByteBuffer b = ByteBuffer.wrap(input, 1, input.length - 1);
        // segments: [control][length: 2 bytes][payload]; control bit 0 server->client, bits 1-2 sequence
        // trouble (retransmission, gap, overlap), bit 3 FIN, bit 4 RST, bit 5 no ACK
        while (b.remaining() >= 3) {
            int control = b.get() & 0xFF;
            int len = Math.min(b.getShort() & 0xFFFF, b.remaining());
            byte[] payload = new byte[len];
            b.get(payload);
            c.trouble = (control >>> 1) & 3;
            int flags = 0x18 | ((control & 8) != 0 ? 0x01 : 0) | ((control & 16) != 0 ? 0x04 : 0);
            c.send(e, (control & 1) == 0, (control & 32) != 0 ? flags & ~0x10 : flags, payload);
        }
    }

    private void filterCompile(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            DisplayFilter f = DisplayFilter.compile(text, engine());
            f.toString();
        } catch (FilterException expected) {
            // a bad filter: the message with its caret is the answer
        }
    }

    private void filterEval(byte[] input) {
        Engine e = engine();
        if (filters == null) {
            filters = new ArrayList<>();
            for (String text : FuzzCorpus.filters()) {
                try {
                    DisplayFilter f = DisplayFilter.compile(text, e);
                    f.prime(e.tree());
                    filters.add(f);
                } catch (FilterException ignored) {
                    // the corpus' invalid filters have no evaluator
                }
            }
        }
        Packet p = e.dissect(new Frame().set(++uses, MemorySegment.ofArray(input), 0, input.length, input.length, 0, 0,
                LinkType.ETHERNET));
        for (DisplayFilter f : filters) {
            f.matches(p.tree());
        }
    }

    /** Every node formatted as the outputs do; a dissector bug caught by the engine is a finding too. */
    private static void render(Tree t) {
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < t.size(); n++) {
            sb.setLength(0);
            FieldFormat.value(t, n, sb);
            FieldFormat.label(t, n, sb);
        }
        for (int i = 0; i < t.expertCount(); i++) {
            int node = t.expertNode(i);
            t.expertMessage(node, sb);
            if (t.expertOf(node).field().abbrev().equals(BUG)) {
                throw new IllegalStateException("dissector bug: " + sb);
            }
        }
    }

    /** One TCP connection over IPv4 and Ethernet, its sequence numbers kept per direction. */
    private static final class Connection {
        final int clientPort;
        final int serverPort;
        long clientSeq = 1000;
        long serverSeq = 5000;
        int trouble;
        int lastLength;
        long time;

        Connection(int clientPort, int serverPort) {
            this.clientPort = clientPort;
            this.serverPort = serverPort;
        }

        void send(Engine e, boolean fromClient, int flags, byte[] payload) {
            long seq = fromClient ? clientSeq : serverSeq;
            long ack = fromClient ? serverSeq : clientSeq;
            switch (trouble) {
                case 1 -> seq -= lastLength;          // a retransmission
                case 2 -> seq += 100;                 // a gap
                case 3 -> seq -= lastLength / 2;      // an overlap
                default -> {
                }
            }
            int len = 14 + 20 + 20 + payload.length;
            ByteBuffer b = ByteBuffer.allocate(len);
            b.put(new byte[] {2, 0, 0, 0, 0, (byte) (fromClient ? 2 : 1), 2, 0, 0, 0, 0, (byte) (fromClient ? 1 : 2), 8, 0});
            b.put((byte) 0x45).put((byte) 0).putShort((short) (len - 14)).putShort((short) 0).putShort((short) 0x4000)
                    .put((byte) 64).put((byte) 6).putShort((short) 0);
            b.put(new byte[] {10, 0, 0, (byte) (fromClient ? 1 : 2)}).put(new byte[] {10, 0, 0, (byte) (fromClient ? 2 : 1)});
            b.putShort((short) (fromClient ? clientPort : serverPort)).putShort((short) (fromClient ? serverPort : clientPort));
            b.putInt((int) seq).putInt((int) ack).put((byte) 0x50).put((byte) flags).putShort((short) 65535).putInt(0);
            b.put(payload);
            time += 1000;
            Packet p = e.dissect(new Frame().set(time, MemorySegment.ofArray(b.array()), 0, len, len, time, 0, LinkType.ETHERNET));
            render(p.tree());
            long advance = payload.length + ((flags & 0x03) != 0 ? 1 : 0);
            if (fromClient) {
                clientSeq = Math.max(clientSeq, seq + advance);
            } else {
                serverSeq = Math.max(serverSeq, seq + advance);
            }
            lastLength = payload.length;
        }
    }

    /** Gzip of {@code b} (seeds for the gzip path of the readers). */
    static byte[] gzip(byte[] b) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(b);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
