package org.dissect4j.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.dissect4j.api.Frame;

/** Test helpers: resources, frames copied out of a reader, formatting like tshark. */
final class Captures {
    private Captures() {
    }

    /** A frame copied out of the reader's view. */
    record Rec(long number, long ts, int len, int caplen, int ifid, int linkType, int snaplen, String comment,
               String ifName, byte[] data) {
        String md5() {
            return Captures.md5(data);
        }

        /** The payload of a UDP/IPv4 datagram in an Ethernet frame, as text. */
        String udpPayload() {
            int ihl = (data[14] & 0x0F) * 4;
            return new String(data, 14 + ihl + 8, data.length - 14 - ihl - 8, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    static Path resource(String name) {
        URL url = Captures.class.getResource("/captures/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Rec copy(Frame f) {
        byte[] data = f.segment().asSlice(f.offset(), f.capturedLength()).toArray(ValueLayout.JAVA_BYTE);
        return new Rec(f.number(), f.timestampNanos(), f.originalLength(), f.capturedLength(), f.interfaceId(),
                f.linkType(), f.snaplen(), f.comment(), f.interfaceName(), data);
    }

    static List<Rec> readAll(CaptureSource r) throws CaptureException {
        List<Rec> out = new ArrayList<>();
        for (Frame f = r.next(); f != null; f = r.next()) {
            out.add(copy(f));
        }
        return out;
    }

    static List<Rec> readAll(Path p) throws IOException {
        try (CaptureReader r = CaptureFiles.open(p)) {
            return readAll(r);
        }
    }

    static List<Rec> readAll(byte[] bytes, String name) throws IOException {
        try (CaptureReader r = CaptureFiles.open(new ByteArrayInputStream(bytes), name)) {
            return readAll(r);
        }
    }

    /** Writes {@code bytes} to a file {@code name} in {@code dir} and reads it mapped. */
    static List<Rec> readFile(Path dir, String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return readAll(p);
    }

    static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code frame.time_epoch} as tshark prints it: seconds, a dot, nine digits. */
    static String epoch(long nanos) {
        return Math.floorDiv(nanos, 1_000_000_000L) + "." + String.format("%09d", Math.floorMod(nanos, 1_000_000_000L));
    }
}
