package org.dissect4j.tunnel.socks;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.StreamReassembly;

/**
 * TCP's byte stream as SOCKS hands it to the tunnelled protocol: every request goes to TCP, but SOCKS learns where
 * the callee asked for more (to show the rest as "TCP segment data" in its own tree, as Wireshark does), and a
 * callee's {@link #claim} is not passed on: the connection stays SOCKS's, which hands each segment on.
 */
final class SocksStream implements StreamReassembly {
    private StreamReassembly tcp;
    /** Where the callee asked for more data, or -1. */
    int askedAt = -1;

    SocksStream over(StreamReassembly stream) {
        tcp = stream;
        askedAt = -1;
        return this;
    }

    @Override
    public boolean canDesegment() {
        return tcp.canDesegment();
    }

    @Override
    public void needMore(int offset, int moreBytes) {
        askedAt = offset;
        tcp.needMore(offset, moreBytes);
    }

    @Override
    public boolean fin() {
        return tcp.fin();
    }

    @Override
    public boolean isReassembled() {
        return tcp.isReassembled();
    }

    @Override
    public long sequence() {
        return tcp.sequence();
    }

    @Override
    public int streamIndex() {
        return tcp.streamIndex();
    }

    @Override
    public void claim(DissectorHandle handle) {
        // the tunnelled protocol does not take the connection from SOCKS: SOCKS's hand-off finds it again
    }
}
