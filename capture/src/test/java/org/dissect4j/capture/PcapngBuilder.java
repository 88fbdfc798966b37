package org.dissect4j.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds pcapng files block by block, in either byte order, including malformed ones (test helper). */
final class PcapngBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    /** A pcapng option: code and raw value (encoded in the section's byte order by the caller's helpers). */
    record Opt(int code, byte[] value) {
    }

    static Opt str(int code, String s) {
        return new Opt(code, s.getBytes(StandardCharsets.UTF_8));
    }

    static Opt u8(int code, int v) {
        return new Opt(code, new byte[] {(byte) v});
    }

    Opt i64(int code, long v) {
        return new Opt(code, ByteBuffer.allocate(8).order(order).putLong(v).array());
    }

    PcapngBuilder shb(ByteOrder order, Opt... opts) {
        this.order = order;
        ByteBuffer b = buf(16);
        b.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1);
        return block(PcapngBlock.SHB, concat(b.array(), options(opts)));
    }

    PcapngBuilder idb(int linkType, int snaplen, Opt... opts) {
        ByteBuffer b = buf(8);
        b.putShort((short) linkType).putShort((short) 0).putInt(snaplen);
        return block(PcapngBlock.IDB, concat(b.array(), options(opts)));
    }

    PcapngBuilder epb(int ifid, long ts, byte[] data, int origLen, Opt... opts) {
        ByteBuffer b = buf(20);
        b.putInt(ifid).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(data.length).putInt(origLen);
        return block(PcapngBlock.EPB, concat(b.array(), padded(data), options(opts)));
    }

    PcapngBuilder pb(int ifid, int drops, long ts, byte[] data, int origLen, Opt... opts) {
        ByteBuffer b = buf(20);
        b.putShort((short) ifid).putShort((short) drops).putInt((int) (ts >>> 32)).putInt((int) ts)
                .putInt(data.length).putInt(origLen);
        return block(PcapngBlock.PB, concat(b.array(), padded(data), options(opts)));
    }

    PcapngBuilder spb(int origLen, byte[] data) {
        ByteBuffer b = buf(4);
        b.putInt(origLen);
        return block(PcapngBlock.SPB, concat(b.array(), padded(data)));
    }

    PcapngBuilder dsb(int type, byte[] secrets) {
        ByteBuffer b = buf(8);
        b.putInt(type).putInt(secrets.length);
        return block(PcapngBlock.DSB, concat(b.array(), padded(secrets)));
    }

    /** A name resolution block with one IPv4 record and the end record. */
    PcapngBuilder nrb(byte[] ipv4, String name) {
        byte[] n = (name + "\0").getBytes(StandardCharsets.UTF_8);
        ByteBuffer r = buf(4 + 4 + n.length);
        r.putShort((short) 1).putShort((short) (4 + n.length)).put(ipv4).put(n);
        return block(PcapngBlock.NRB, concat(padded(r.array()), new byte[4]));
    }

    /** An interface statistics block with no options. */
    PcapngBuilder isb(int ifid, long ts) {
        ByteBuffer b = buf(12);
        b.putInt(ifid).putInt((int) (ts >>> 32)).putInt((int) ts);
        return block(PcapngBlock.ISB, b.array());
    }

    /** Any block: type, body (padded), lengths computed. */
    PcapngBuilder block(int type, byte[] body) {
        byte[] p = padded(body);
        int len = 12 + p.length;
        ByteBuffer b = buf(len);
        b.putInt(type).putInt(len).put(p).putInt(len);
        out.writeBytes(b.array());
        return this;
    }

    /** Raw bytes, for malformed input. */
    PcapngBuilder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    ByteOrder order() {
        return order;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    int size() {
        return out.size();
    }

    ByteBuffer buf(int n) {
        return ByteBuffer.allocate(n).order(order);
    }

    private byte[] options(Opt... opts) {
        if (opts.length == 0) {
            return new byte[0];
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (Opt opt : opts) {
            o.writeBytes(buf(4).putShort((short) opt.code()).putShort((short) opt.value().length).array());
            o.writeBytes(padded(opt.value()));
        }
        o.writeBytes(new byte[4]);
        return o.toByteArray();
    }

    static byte[] padded(byte[] data) {
        byte[] p = new byte[(data.length + 3) & ~3];
        System.arraycopy(data, 0, p, 0, data.length);
        return p;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }
}
