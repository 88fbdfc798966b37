package org.dissect4j.tcp;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.StreamReassembly;

/**
 * The {@link StreamReassembly} TCP hands to the dissector it calls: one reused instance per TCP
 * dissector, re-armed before every call; it only records what the upper layer asked for, and TCP acts
 * on it when the call returns.
 */
final class TcpStreamContext implements StreamReassembly {
    boolean can;
    boolean reassembled;
    /** The segment being dissected carries FIN (set by TCP before the payload is handed on). */
    boolean fin;
    int seq;
    int payloadStart;
    int desegOffset;
    int desegLen;
    TcpConversation conv;

    void arm(boolean can, boolean reassembled, int seq, int payloadStart, TcpConversation conv) {
        this.can = can;
        this.reassembled = reassembled;
        this.seq = seq;
        this.payloadStart = payloadStart;
        this.conv = conv;
        this.desegOffset = 0;
        this.desegLen = 0;
    }

    @Override
    public boolean canDesegment() {
        return can;
    }

    @Override
    public void needMore(int offset, int moreBytes) {
        if (!can || moreBytes <= 0 || offset < payloadStart) {
            return;
        }
        desegOffset = offset - payloadStart;
        desegLen = moreBytes;
    }

    @Override
    public boolean isReassembled() {
        return reassembled;
    }

    @Override
    public boolean fin() {
        return fin;
    }

    @Override
    public long sequence() {
        return seq & 0xffff_ffffL;
    }

    @Override
    public int streamIndex() {
        return conv == null ? -1 : conv.stream;
    }

    @Override
    public void claim(DissectorHandle handle) {
        if (conv != null) {
            conv.handle = handle;
        }
    }
}
