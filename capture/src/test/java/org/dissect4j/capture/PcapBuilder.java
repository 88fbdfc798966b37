package org.dissect4j.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds classic pcap files in either byte order (test helper). */
final class PcapBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteOrder order;
    private final boolean nanos;

    PcapBuilder(ByteOrder order, boolean nanos, int snaplen, int linkTypeField) {
        this(order, nanos, snaplen, linkTypeField, 2, 4);
    }

    PcapBuilder(ByteOrder order, boolean nanos, int snaplen, int linkTypeField, int major, int minor) {
        this.order = order;
        this.nanos = nanos;
        ByteBuffer b = ByteBuffer.allocate(24).order(order);
        b.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) major).putShort((short) minor)
                .putInt(0).putInt(0).putInt(snaplen).putInt(linkTypeField);
        out.writeBytes(b.array());
    }

    PcapBuilder record(long seconds, long fraction, byte[] data, int origLen) {
        return record(seconds, fraction, data.length, origLen).raw(data);
    }

    /** A record header only (caplen as given), for malformed input. */
    PcapBuilder record(long seconds, long fraction, long caplen, long origLen) {
        ByteBuffer b = ByteBuffer.allocate(16).order(order);
        b.putInt((int) seconds).putInt((int) fraction).putInt((int) caplen).putInt((int) origLen);
        out.writeBytes(b.array());
        return this;
    }

    PcapBuilder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    boolean nanos() {
        return nanos;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
