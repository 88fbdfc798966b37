package org.dissect4j.tls;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The handshake records of one direction: the messages of a record, a message continued over several records
 * (reassembled per direction into the session and dissected from a "Reassembled TLS Handshake" data source once
 * complete), and the heuristic that tells encrypted handshake messages (Finished after ChangeCipherSpec) from
 * plaintext ones; each complete message goes to {@link TlsHandshake#message}.
 */
final class TlsHandshakeReassembly implements Dissector {
    static final byte[] NO_BYTES = new byte[0];

    private final TlsDissector tls;
    private final TlsHandshake handshake;
    private final DissectorHandle reassembledHandle;

    /** Per-frame area for reassembled handshake messages (a data source must stay valid for the whole frame). */
    private final FrameArena arena = new FrameArena();

    // Context of a reassembled message, handed to dissect() through Packet.callOnSource.
    private TlsSession ctxSession;
    private boolean ctxFromServer;
    private int ctxVersion;

    TlsHandshakeReassembly(TlsDissector tls, TlsHandshake handshake) {
        this.tls = tls;
        this.handshake = handshake;
        this.reassembledHandle = new DissectorHandle("tls.handshake.reassembled", null, this);
    }

    /** Dissects a reassembled message (current source: the reassembled bytes, offset 0). */
    @Override
    public int dissect(Packet p, int offset, int length) {
        handshake.message(p, ctxSession, ctxFromServer, offset, ctxVersion, true);
        return length;
    }

    // ---- records -----------------------------------------------------------------------------------

    /** What {@link #continueMessage} did with the start of a record. */
    private static final int NOT_CONTINUED = -1, CONTINUED = -2;

    /** The handshake record body {@code [offset, end)} (dissect_tls_handshake with maybe_encrypted). */
    void records(Packet p, TlsSession s, boolean fromServer, int offset, int end, int version, boolean decrypted) {
        Tree t = p.tree();
        TlsSession.HsReassembly r = s.hs[fromServer ? TlsSession.SERVER : TlsSession.CLIENT];
        boolean first = true;
        int subset = !p.visited() && r.active ? continueMessage(p, r, offset, end) : NOT_CONTINUED;
        if (subset == CONTINUED) {
            // The middle of a message: shown as a handshake item, the Info column untouched.
            t.setValue(t.add(TlsFields.HANDSHAKE, offset, end - offset), TlsLabels.fragment(false, r.msgType));
            return;
        }
        if (subset >= 0) {
            t.add(TlsFields.HANDSHAKE, offset, subset);
            offset += subset;
            if (!r.discarding) {
                reassembled(p, s, fromServer, r, version);
            }
            release(r);
            first = false;
        } else if (!decrypted && encrypted(p, s, fromServer, offset, end)) {
            TlsDissector.info(p, "Encrypted Handshake Message");
            t.add(TlsFields.HANDSHAKE, offset, end - offset);
            return;
        }
        while (offset < end) {
            int available = end - offset;
            int msgLen = available >= TlsWire.HANDSHAKE_HEADER_LENGTH
                    ? TlsWire.HANDSHAKE_HEADER_LENGTH + p.u24(offset + 1) : 0;
            if (msgLen == 0 || available < msgLen) {
                int type = p.u8(offset);
                if (!p.visited()) {
                    startReassembly(p, r, offset, available);
                }
                if (first && p.columns()) {
                    TlsDissector.sep(p).append('[')
                            .append(TlsNames.HANDSHAKE_TYPES.name(type, "Encrypted Handshake Message")).append(" Fragment]");
                }
                t.setValue(t.add(TlsFields.HANDSHAKE, offset, available), TlsLabels.fragment(true, type));
                break;
            }
            handshake.message(p, s, fromServer, offset, version, first);
            offset += msgLen;
            first = false;
        }
    }

    /**
     * Adds the start of record {@code [offset, end)} to the message being reassembled in {@code r}: the bytes it
     * took when that completed the message, {@link #CONTINUED} when the message goes on, {@link #NOT_CONTINUED}
     * when the reassembly was given up (missing data, a message past the bound).
     */
    private int continueMessage(Packet p, TlsSession.HsReassembly r, int offset, int end) {
        int fragsLen = r.length;
        int subset = end - offset;
        int msgLen = 0;
        if (r.discarding) {
            msgLen = r.discardLength;
            subset = Math.min(subset, msgLen - fragsLen);
        } else if (fragsLen + subset >= TlsWire.HANDSHAKE_HEADER_LENGTH) {
            msgLen = TlsWire.HANDSHAKE_HEADER_LENGTH
                    + ((headerByte(p, r, offset, 1) << 16) | (headerByte(p, r, offset, 2) << 8) | headerByte(p, r, offset, 3));
            if (subset > msgLen - fragsLen) {
                subset = msgLen - fragsLen;
            }
        }
        if (p.captured(offset) < subset) {
            // Missing data: the message cannot be completed, nor is it known where the next one starts.
            r.clear();
            return NOT_CONTINUED;
        }
        if (!append(p, r, offset, subset)) {
            return NOT_CONTINUED;
        }
        if (msgLen != 0 && fragsLen + subset == msgLen) {
            r.active = false;
            return subset;
        }
        return CONTINUED;
    }

    /** Byte {@code i} of the message header: from the fragments kept so far, then from the current record. */
    private static int headerByte(Packet p, TlsSession.HsReassembly r, int offset, int i) {
        return i < r.length ? r.buf[i] & 0xff : p.u8(offset + i - r.length);
    }

    private void startReassembly(Packet p, TlsSession.HsReassembly r, int offset, int available) {
        r.clear();
        if (p.captured(offset) < available) {
            return;
        }
        // No check of the declared length here: Wireshark follows a message of any length (Zeek's
        // tls1.2-protocol-violation claims 3 MB), and the bytes kept are bounded as they arrive (append).
        r.active = true;
        r.msgType = p.u8(offset);
        append(p, r, offset, available);
    }


    /** Appends {@code n} bytes to the message being reassembled; false (nothing kept) past the global bound. */
    private boolean append(Packet p, TlsSession.HsReassembly r, int offset, int n) {
        int need = r.length + n;
        if (!r.discarding && need > tls.sessions.maxMessage + TlsWire.HANDSHAKE_HEADER_LENGTH) {
            // Past the bound: the rest is followed (counted, not kept) so later records stay fragments as in Wireshark.
            TlsExpert.add(p, TlsExpert.REASSEMBLY_LIMIT, offset, n);
            r.discardLength = r.messageLength();
            tls.sessions.reassemblyBytes -= r.buf.length;
            r.buf = NO_BYTES;
            r.discarding = true;
        }
        if (r.discarding) {
            r.length = need;
            r.addFragment(p.frame().number(), n);
            return true;
        }
        if (need > r.buf.length) {
            int size = Math.min(Math.max(need, r.buf.length * 2),
                    tls.sessions.maxMessage + TlsWire.HANDSHAKE_HEADER_LENGTH);
            TlsSessions sessions = tls.sessions;
            if (sessions.reassemblyBytes + size - r.buf.length > sessions.maxReassemblyBytes) {
                TlsExpert.add(p, TlsExpert.REASSEMBLY_LIMIT, offset, n);
                release(r);
                return false;
            }
            sessions.reassemblyBytes += size - r.buf.length;
            r.buf = java.util.Arrays.copyOf(r.buf, size);
        }
        MemorySegment.copy(p.segment(), Bytes.U8, p.base() + offset, r.buf, r.length, n);
        r.length = need;
        r.addFragment(p.frame().number(), n);
        return true;
    }


    /** Gives the reassembly buffer back: memory grows with sessions, and few fragment a second message. */
    private void release(TlsSession.HsReassembly r) {
        r.clear();
        tls.sessions.reassemblyBytes -= r.buf.length;
        r.buf = NO_BYTES;
    }

    /** Dissects the message completed in {@code r} from a new data source of this frame. */
    private void reassembled(Packet p, TlsSession s, boolean fromServer, TlsSession.HsReassembly r, int version) {
        int len = r.length;
        Tree t = p.tree();
        int src = arena.source(p, r.buf, len, "Reassembled TLS Handshake");
        if (t.wants(TlsFields.HS_FRAGMENTS) || t.wants(TlsFields.HS_FRAGMENT) || t.wants(TlsFields.HS_FRAGMENT_COUNT)) {
            int saved = t.currentSource();
            t.useSource(src);
            t.open(TlsFields.HS_FRAGMENTS, 0, len);
            int off = 0;
            int n = Math.min(r.fragments, TlsSession.HsReassembly.MAX_FRAGMENT_FRAMES);
            for (int i = 0; i < n; i++) {
                t.addLong(TlsFields.HS_FRAGMENT, off, r.fragmentLength[i], r.fragmentFrame[i]);
                off += r.fragmentLength[i];
            }
            t.addGenerated(TlsFields.HS_FRAGMENT_COUNT, r.fragments);
            t.close();
            t.useSource(saved);
        }
        ctxSession = s;
        ctxFromServer = fromServer;
        ctxVersion = version;
        p.callOnSource(src, reassembledHandle, 0, len);
    }

    /** Wireshark's {@code is_encrypted_handshake_message} (no decryption: a record may be encrypted). */
    private static boolean encrypted(Packet p, TlsSession s, boolean fromServer, int at, int end) {
        if (end - at < 16) {
            // Encryption adds at least 16 bytes (MAC, or explicit nonce and tag): shorter is plaintext.
            return false;
        }
        // Two HelloRequests in a row (00 00 00 00 00) are more likely a GCM explicit nonce of zero.
        boolean maybe = p.u32(at) == 0 && p.u8(at + 4) == 0;
        if (!maybe) {
            long ccs = fromServer ? s.serverCcsFrame : s.clientCcsFrame;
            maybe = ccs != 0 && p.frame().number() > ccs;
        }
        if (!maybe) {
            maybe = TlsNames.HANDSHAKE_TYPES.name(p.u8(at)) == null || p.u24(at + 1) >= 0x10000;
        }
        return maybe;
    }
}
