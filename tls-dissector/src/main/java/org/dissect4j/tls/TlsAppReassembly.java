package org.dissect4j.tls;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.StreamReassembly;

/**
 * Decrypted application data of one direction handed to the application protocol as a byte stream (Wireshark's
 * {@code desegment_ssl}): the {@link StreamReassembly} the application dissector sees while it runs. When it asks
 * for more ({@link #needMore}), the rest of the record's plaintext is kept here and the following records of the
 * direction are appended until the request is met; the application dissector is then called again on the
 * reassembled bytes ("Reassembled SSL"). Bounded by {@link #MAX_BYTES} per direction; the buffer grows on demand
 * and is kept for the connection.
 */
final class TlsAppReassembly implements StreamReassembly {
    /** Longest application PDU reassembled across records (a larger request is given up: the data is shown as is). */
    static final int MAX_BYTES = 16 << 20;

    // What is pending across records.
    boolean active;
    byte[] buf = TlsHandshakeReassembly.NO_BYTES;
    int length;
    /** Bytes wanted in all ({@link #length} must reach it), or {@link #ONE_MORE_SEGMENT} / {@link #UNTIL_FIN}. */
    int wanted;
    int segments;
    long consumedBefore;

    // Per call of the application dissector.
    int requestOffset = -1;
    int requestMore;
    boolean reassembledCall;
    StreamReassembly transport;
    TlsSessionKeys owner;

    void clear() {
        active = false;
        length = 0;
        wanted = 0;
        segments = 0;
        consumedBefore = 0;
    }

    /** Before a call of the application dissector. */
    void startCall(StreamReassembly transport, TlsSessionKeys owner, boolean reassembled) {
        this.transport = transport;
        this.owner = owner;
        this.reassembledCall = reassembled;
        this.requestOffset = -1;
        this.requestMore = 0;
    }

    @Override
    public boolean canDesegment() {
        return true;
    }

    @Override
    public void needMore(int offset, int moreBytes) {
        requestOffset = offset;
        requestMore = moreBytes;
    }

    @Override
    public boolean isReassembled() {
        return reassembledCall;
    }

    @Override
    public long sequence() {
        return consumedBefore;
    }

    @Override
    public int streamIndex() {
        return transport == null ? -1 : transport.streamIndex();
    }

    @Override
    public void claim(DissectorHandle handle) {
        if (owner != null) {
            owner.appHandle = handle;
        }
    }

    /** Whether what is pending now satisfies the request. */
    boolean complete() {
        return wanted == ONE_MORE_SEGMENT || wanted != UNTIL_FIN && length >= wanted;
    }
}
