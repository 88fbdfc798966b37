package org.dissect4j.tls;

import java.lang.foreign.MemorySegment;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Field;
import org.dissect4j.api.HeuristicList;
import org.dissect4j.api.Packet;
import org.dissect4j.api.StreamReassembly;
import org.dissect4j.api.Tree;

/**
 * TLS decryption with a key log (Wireshark's {@code ssl_decrypt_record} and {@code desegment_ssl}): keys are made
 * from the key log's secrets when a connection's handshake reaches them, each protected record is decrypted into a
 * "Decrypted TLS" data source of its frame and dissected from there (handshake messages, alerts), and decrypted
 * application data goes to the application protocol (ALPN's {@code tls.alpn} table, a claiming heuristic, the
 * {@code tls.port} table, the {@code tls} heuristics, else {@code data}), reassembled across records when that
 * protocol asks for more.
 *
 * <p>Key schedule: TLS 1.0-1.2 derive both directions' keys from the {@code CLIENT_RANDOM} master secret and switch
 * a direction at its ChangeCipherSpec; TLS 1.3 switch both directions to the handshake traffic secrets at the
 * ServerHello (not at a HelloRetryRequest), a direction to its application traffic secret after its Finished, and
 * to the next generation after its KeyUpdate. A record that fails to decrypt is shown as without keys; the next
 * protection of the direction is tried too (a missed key switch), and the sequence number moves on either way.
 *
 * <p>Cost: nothing is decrypted when no key log is given, nor when only record-layer fields are wanted
 * ({@link Packet#wantsOnlyHeader()} with TLS's header fields). Decrypted bytes go to a per-frame arena and pending
 * application data to a per-direction buffer, both reused; a record allocates only what the JDK's
 * {@code Cipher.init} allocates (its parameter spec).
 */
final class TlsDecryption implements Dissector {
    final TlsKeyLog keyLog = new TlsKeyLog();
    /** Plaintexts of the first pass of {@code -2}, for the second. */
    private final TlsPlaintexts firstPass = new TlsPlaintexts();
    private final TlsDissector tls;
    private final DissectorHandle decryptedHandle;
    private final DissectorHandle heuristicsHandle;
    private DissectorTable portTable;
    private DissectorTable alpnTable;
    private HeuristicList heuristics;

    /** Per-frame area for decrypted and reassembled bytes (a data source stays valid for its whole frame). */
    private byte[] arena = new byte[16384];
    private MemorySegment arenaSegment = MemorySegment.ofArray(arena);
    private int arenaUsed;
    private long arenaFrame = -1;
    /** The ciphertext of the record being decrypted, copied for the JDK's ciphers; one for the engine (a record is at most 2^16 - 1 bytes). */
    private final byte[] input = new byte[65536];
    /** TLS 1.0-1.2 master secrets by session ID and by ticket (hash), for resumed sessions the key log has no line of. */
    private final java.util.Map<String, byte[]> masterBySessionId = new java.util.HashMap<>();
    private final java.util.Map<Long, byte[]> masterByTicket = new java.util.HashMap<>();
    /** Sessions remembered for resumption (each map), a bound on memory: later ones are not remembered. */
    static final int MAX_RESUMABLE = 65536;

    // What the decrypted-record handle dissects (set before Packet.callOnSource).
    private TlsSession ctxSession;
    private boolean ctxFromServer;
    private int ctxType;
    private int ctxVersion;

    TlsDecryption(TlsDissector tls) {
        this.tls = tls;
        this.decryptedHandle = new DissectorHandle("tls.decrypted", null, this);
        this.heuristicsHandle = new DissectorHandle("tls.heuristics", null, this::heuristicsOrData);
    }

    void wire(DissectorTable ports, DissectorTable alpn, HeuristicList list) {
        this.portTable = ports;
        this.alpnTable = alpn;
        this.heuristics = list;
    }

    /** Whether any key source was given: else TLS dissects exactly as without decryption. */
    boolean enabled() {
        return !keyLog.isEmpty();
    }

    /** The session's decryption state, made on first use; null when decryption is off or not wanted. */
    TlsSessionKeys keys(Packet p, TlsSession s) {
        if (s.keys == null) {
            if (!enabled() || p.wantsOnlyHeader()) {
                return null;
            }
            s.keys = new TlsSessionKeys();
        }
        return s.keys;
    }

    // ---- handshake events ------------------------------------------------------------------------

    /**
     * A ClientHello {@code [body, end)} (after its extensions were walked): its random names the connection in the key
     * log; with early data offered, the 0-RTT keys of each TLS 1.3 suite it offers are made, to be tried in turn
     * (the suite is not known before the ServerHello).
     */
    void clientHello(Packet p, TlsSession s, int body, int end) {
        TlsSessionKeys k = keys(p, s);
        if (k == null || p.visited()) {
            return;
        }
        MemorySegment.copy(p.segment(), org.dissect4j.api.Bytes.U8, p.base() + body + 2, k.clientRandom, 0, 32);
        k.haveClientRandom = true;
        k.earlyCandidates = null;
        byte[] early = k.earlyDataOffered ? keyLog.secret(k.clientRandom, TlsKeyLog.CLIENT_EARLY) : null;
        if (early == null) {
            return;
        }
        int at = body + 2 + 32;
        at += 1 + p.u8(at);
        int n = at + 2 <= end ? p.u16(at) : 0;
        at += 2;
        TlsDecoder[] found = new TlsDecoder[5];
        int count = 0;
        for (int i = 0; i + 1 < n && at + i + 2 <= end && count < found.length; i += 2) {
            int suite = p.u16(at + i);
            if (suite >= 0x1301 && suite <= 0x1305) {
                try {
                    found[count++] = TlsDecoder.fromTrafficSecret(suite, early);
                } catch (GeneralSecurityException | RuntimeException e) {
                    // a suite the JDK cannot do: not a candidate
                }
            }
        }
        k.earlyCandidates = count == 0 ? null : java.util.Arrays.copyOf(found, count);
    }

    /** A ServerHello ({@code at}: the random); TLS 1.3 switches both directions to the handshake traffic keys. */
    void serverHello(Packet p, TlsSession s, int at, boolean hrr) {
        TlsSessionKeys k = keys(p, s);
        if (k == null || p.visited() || hrr) {
            return;
        }
        MemorySegment.copy(p.segment(), org.dissect4j.api.Bytes.U8, p.base() + at, k.serverRandom, 0, 32);
        k.haveServerRandom = true;
        int sid = p.u8(at + 32);
        k.sessionIdLength = sid <= 32 ? sid : 0;
        MemorySegment.copy(p.segment(), org.dissect4j.api.Bytes.U8, p.base() + at + 33, k.sessionId, 0, k.sessionIdLength);
        if (s.version == TlsWire.TLS13 && k.haveClientRandom && TlsDecoder.supported(s.cipher)) {
            int c = TlsSession.CLIENT;
            int sv = TlsSession.SERVER;
            k.current[sv] = tls13(k, s, TlsKeyLog.SERVER_HANDSHAKE);
            k.next[sv] = tls13(k, s, TlsKeyLog.SERVER_TRAFFIC_0);
            TlsDecoder early = k.current[c] != null && k.current[c].tls13() ? k.current[c]
                    : k.earlyDataOffered ? tls13(k, s, TlsKeyLog.CLIENT_EARLY) : null;
            k.earlyCandidates = null;
            if (early != null) {
                // 0-RTT: early data until EndOfEarlyData, then the handshake keys (tried anyway if the server refused it).
                k.current[c] = early;
                k.next[c] = tls13(k, s, TlsKeyLog.CLIENT_HANDSHAKE);
                k.after[c] = tls13(k, s, TlsKeyLog.CLIENT_TRAFFIC_0);
            } else {
                k.current[c] = tls13(k, s, TlsKeyLog.CLIENT_HANDSHAKE);
                k.next[c] = tls13(k, s, TlsKeyLog.CLIENT_TRAFFIC_0);
            }
        }
    }

    /** A ChangeCipherSpec before TLS 1.3: the sender's records are protected from now on. */
    void changeCipherSpec(Packet p, TlsSession s, boolean fromServer) {
        TlsSessionKeys k = keys(p, s);
        if (k == null || p.visited() || !k.haveClientRandom || !k.haveServerRandom || !TlsDecoder.supported(s.cipher)) {
            return;
        }
        byte[] master = keyLog.secret(k.clientRandom, TlsKeyLog.MASTER_SECRET);
        if (master == null) {
            // an abbreviated handshake: the master secret of the session it resumes (by session ID or ticket)
            master = k.sessionIdLength > 0 ? masterBySessionId.get(HexFormat.of().formatHex(k.sessionId, 0, k.sessionIdLength)) : null;
            if (master == null && s.offeredTicketLength > 0) {
                master = masterByTicket.get(s.offeredTicketHash);
            }
        }
        int dir = fromServer ? TlsSession.SERVER : TlsSession.CLIENT;
        k.current[dir] = null;
        if (master == null) {
            return;
        }
        if (k.master != master) {
            k.master = master;
            if (k.sessionIdLength > 0 && masterBySessionId.size() < MAX_RESUMABLE) {
                masterBySessionId.put(HexFormat.of().formatHex(k.sessionId, 0, k.sessionIdLength), master);
            }
        }
        try {
            k.current[dir] = TlsDecoder.fromMasterSecret(s.cipher, s.version, k.etmOffered && k.etmAccepted, master,
                    k.clientRandom, k.serverRandom, fromServer);
        } catch (GeneralSecurityException | RuntimeException e) {
            k.current[dir] = null;
        }
    }

    /**
     * A decrypted TLS 1.3 Finished or EndOfEarlyData: its sender switches to its next keys (application traffic
     * keys; handshake keys after early data) after this record.
     */
    void finished(TlsSession s, boolean fromServer) {
        if (s.keys != null && s.version == TlsWire.TLS13) {
            s.keys.switchAfterRecord[fromServer ? TlsSession.SERVER : TlsSession.CLIENT] = TlsSessionKeys.SWITCH_NEXT;
        }
    }

    /** A TLS 1.0-1.2 NewSessionTicket (its hash): a later connection that offers it resumes this master secret. */
    void ticketIssued(TlsSession s, long ticketHash) {
        if (s.keys != null && s.keys.master != null && masterByTicket.size() < MAX_RESUMABLE) {
            masterByTicket.put(ticketHash, s.keys.master);
        }
    }

    /** A decrypted KeyUpdate: its sender's next records use the next generation of its traffic secret. */
    void keyUpdate(TlsSession s, boolean fromServer) {
        if (s.keys != null && s.version == TlsWire.TLS13) {
            s.keys.switchAfterRecord[fromServer ? TlsSession.SERVER : TlsSession.CLIENT] = TlsSessionKeys.SWITCH_UPDATE;
        }
    }

    private TlsDecoder tls13(TlsSessionKeys k, TlsSession s, int kind) {
        byte[] secret = keyLog.secret(k.clientRandom, kind);
        if (secret == null) {
            return null;
        }
        try {
            return TlsDecoder.fromTrafficSecret(s.cipher, secret);
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    // ---- records ---------------------------------------------------------------------------------

    /**
     * Decrypts and dissects the protected record whose body is {@code [body, body + length)} (the record item is
     * open; its header fields are added). False when the record is not protected, or does not decrypt: the caller
     * then shows it as it would without keys.
     */
    boolean record(Packet p, TlsSession s, boolean fromServer, int body, int length, int type, int recordVersion) {
        TlsSessionKeys k = s.keys;
        int dir = fromServer ? TlsSession.SERVER : TlsSession.CLIENT;
        if (k == null) {
            return false;
        }
        if (p.visited()) {
            return replay(p, s, k, fromServer, body, length);
        }
        if (k.earlyCandidates != null && !fromServer && type == TlsWire.CT_APPLICATION_DATA) {
            tryEarly(p, k, body, length, type, recordVersion);
        }
        if (k.current[dir] == null && k.next[dir] == null) {
            return false;
        }
        boolean tls13 = s.version == TlsWire.TLS13 || k.current[dir] != null && k.current[dir].tls13();
        if (tls13 && type != TlsWire.CT_APPLICATION_DATA) {
            return false;
        }
        reserve(p, length);
        MemorySegment seg = p.segment();
        long at = p.base() + body;
        int n = k.current[dir] == null ? -1 : k.current[dir].decrypt(seg, at, length, type, recordVersion, arena, arenaUsed, input);
        if (n < 0 && k.next[dir] != null) {
            int m = k.next[dir].decrypt(seg, at, length, type, recordVersion, arena, arenaUsed, input);
            if (m >= 0) {
                n = m;
                promote(k, dir);
            } else {
                k.next[dir].undoSequence();
            }
        }
        if (n < 0) {
            return false;
        }
        int inner = type;
        if (tls13) {
            // TLSInnerPlaintext: content, ContentType, zero padding.
            while (n > 0 && arena[arenaUsed + n - 1] == 0) {
                n--;
            }
            if (n == 0) {
                return false;
            }
            n--;
            inner = arena[arenaUsed + n] & 0xff;
        }
        if (p.keepsState()) {
            firstPass.keep(p, body, arena, arenaUsed, n, inner, tls13);
        }
        show(p, s, k, fromServer, body, length, n, inner, tls13);
        afterRecord(k, s, dir);
        return true;
    }

    /** The second pass of {@code -2}: the record's plaintext as the first pass decrypted it (the keys have moved on). */
    private boolean replay(Packet p, TlsSession s, TlsSessionKeys k, boolean fromServer, int body, int length) {
        TlsPlaintexts.Kept kept = firstPass.kept(p, body);
        if (kept == null) {
            return false;
        }
        reserve(p, kept.plaintext().length);
        System.arraycopy(kept.plaintext(), 0, arena, arenaUsed, kept.plaintext().length);
        show(p, s, k, fromServer, body, length, kept.plaintext().length, kept.innerType(), kept.tls13());
        return true;
    }

    /** Shows the decrypted record {@code arena[arenaUsed, arenaUsed + n)} (of {@code length} protected bytes) and dissects its content. */
    private void show(Packet p, TlsSession s, TlsSessionKeys k, boolean fromServer, int body, int length, int n, int inner, boolean tls13) {
        int dir = fromServer ? TlsSession.SERVER : TlsSession.CLIENT;
        Tree t = p.tree();
        int src = t.addSource(arenaSegment, arenaUsed, n, "Decrypted TLS");
        arenaUsed += n;
        // -z follow,tls: the plaintext of application data; other records only say who sent the first decrypted one
        p.follow().add("tls", src, 0, inner == TlsWire.CT_APPLICATION_DATA ? n : 0);
        if (tls13) {
            // tshark shows the inner type over the record's (opaque) type byte
            t.setFlags(t.addUint(TlsFields.CONTENT_TYPE, body - TlsWire.RECORD_HEADER_LENGTH, 1, inner), Tree.GENERATED);
        }
        if (inner == TlsWire.CT_APPLICATION_DATA) {
            tls.applicationData(p, s, body, length);
            applicationData(p, s, k, dir, src, n);
        } else {
            ctxSession = s;
            ctxFromServer = fromServer;
            ctxType = inner;
            ctxVersion = tls13 ? TlsWire.TLS13 : s.version;
            if (tls13 && s.version != TlsWire.TLS13) {
                // early data before the ServerHello: the record is TLS 1.3's
                ctxVersion = TlsWire.TLS13;
            }
            shownSource = t.currentSource();
            shownAt = body - TlsWire.RECORD_HEADER_LENGTH;
            decryptedSource = src;
            try {
                p.callOnSource(src, decryptedHandle, 0, n);
            } finally {
                shownSource = -1;
            }
        }
    }

    /** A protected record that cannot be decrypted (cut short by the snaplen): its sequence number is used up. */
    void skip(Packet p, TlsSession s, boolean fromServer, int type) {
        TlsSessionKeys k = s.keys;
        TlsDecoder d = k.current[fromServer ? TlsSession.SERVER : TlsSession.CLIENT];
        if (d != null && !p.visited() && (!d.tls13() || type == TlsWire.CT_APPLICATION_DATA)) {
            d.skipSequence();
        }
    }

    // While a decrypted handshake or alert record is dissected: the record's source and start, and the decrypted source
    private int shownSource = -1;
    private int shownAt;
    private int decryptedSource;

    /**
     * Opens a handshake message's or an alert's item. For one in the bytes of a decrypted record, tshark 4.0 places
     * the item (not its fields) at the record's start in the record's own bytes, with the message's length (PDML pos).
     */
    int openMessage(Tree t, Field f, int at, int len) {
        if (shownSource < 0 || t.currentSource() != decryptedSource) {
            return t.open(f, at, len);
        }
        int saved = t.currentSource();
        t.useSource(shownSource);
        int node = t.open(f, shownAt, len);
        t.useSource(saved);
        return node;
    }

    /** The decrypted record's content (current source: the decrypted bytes). */
    @Override
    public int dissect(Packet p, int offset, int length) {
        switch (ctxType) {
            case TlsWire.CT_HANDSHAKE -> tls.handshake.decryptedRecords(p, ctxSession, ctxFromServer, offset, offset + length, ctxVersion);
            case TlsWire.CT_ALERT -> TlsDissector.alert(p, offset, length, this);
            default -> {
                // change_cipher_spec or heartbeat inside protection: nothing more to show.
            }
        }
        return length;
    }

    private static void promote(TlsSessionKeys k, int dir) {
        k.current[dir] = k.next[dir];
        k.next[dir] = k.after[dir];
        k.after[dir] = null;
    }

    /** 0-RTT before the ServerHello: the offered suite whose early keys open this record becomes the client's protection. */
    private void tryEarly(Packet p, TlsSessionKeys k, int body, int length, int type, int recordVersion) {
        reserve(p, length);
        for (TlsDecoder d : k.earlyCandidates) {
            if (d.decrypt(p.segment(), p.base() + body, length, type, recordVersion, arena, arenaUsed, input) >= 0) {
                d.undoSequence();
                k.current[TlsSession.CLIENT] = d;
                k.earlyCandidates = null;
                return;
            }
            d.undoSequence();
        }
    }

    private void afterRecord(TlsSessionKeys k, TlsSession s, int dir) {
        int sw = k.switchAfterRecord[dir];
        k.switchAfterRecord[dir] = TlsSessionKeys.SWITCH_NONE;
        if (sw == TlsSessionKeys.SWITCH_NEXT && k.next[dir] != null) {
            promote(k, dir);
        } else if (sw == TlsSessionKeys.SWITCH_UPDATE && k.current[dir] != null) {
            try {
                k.current[dir] = k.current[dir].updated(s.cipher);
            } catch (GeneralSecurityException | RuntimeException e) {
                k.current[dir] = null;
            }
        }
    }

    // ---- application data ------------------------------------------------------------------------

    /** Decrypted application data {@code [0, n)} of source {@code src}: to the application protocol, reassembled. */
    private void applicationData(Packet p, TlsSession s, TlsSessionKeys k, int dir, int src, int n) {
        // the second pass of -2 reassembles again from the kept plaintexts, in a state of its own
        TlsAppReassembly ra = p.visited() ? k.replayApp(dir) : k.app[dir];
        if (!ra.active) {
            deliver(p, k, ra, src, 0, n, false);
            return;
        }
        if (!append(ra, p, src, n)) {
            deliver(p, k, ra, src, 0, n, false);
            return;
        }
        Tree t = p.tree();
        if (!ra.complete()) {
            segmentOnly(p, t, src, n);
            return;
        }
        int len = ra.length;
        reserve(p, len);
        System.arraycopy(ra.buf, 0, arena, arenaUsed, len);
        int rsrc = t.addSource(arenaSegment, arenaUsed, len, "Reassembled SSL");
        arenaUsed += len;
        t.setFlags(t.addGenerated(TlsFields.SEGMENT_COUNT, ra.segments), Tree.GENERATED);
        t.setFlags(t.addGenerated(TlsFields.REASSEMBLED_LENGTH, len), Tree.GENERATED);
        ra.active = false;
        ra.length = 0;
        deliver(p, k, ra, rsrc, 0, len, true);
    }

    // "TLS segment data" of the record being dissected: Wireshark shows it beside the record, not in it
    private int segmentSource = -1;
    private int segmentOffset;
    private int segmentLength;

    /** Adds the record's "TLS segment data" item, if it left one, under the open node (TLS, once the record is closed). */
    void addSegmentData(Tree t) {
        if (segmentSource < 0) {
            return;
        }
        int saved = t.currentSource();
        t.useSource(segmentSource);
        t.add(TlsFields.SEGMENT_DATA, segmentOffset, segmentLength);
        t.useSource(saved);
        segmentSource = -1;
    }

    private void segmentData(int src, int off, int len) {
        segmentSource = src;
        segmentOffset = off;
        segmentLength = len;
    }

    /** A record that only adds to a pending PDU: "TLS segment data", and the Info column says so. */
    private void segmentOnly(Packet p, Tree t, int src, int n) {
        segmentData(src, 0, n);
        if (p.columns()) {
            p.clearInfo().append("[TLS segment of a reassembled PDU]");
        }
    }

    private void deliver(Packet p, TlsSessionKeys k, TlsAppReassembly ra, int src, int off, int len, boolean reassembled) {
        StreamReassembly transport = p.stream();
        ra.startCall(transport, k, reassembled);
        DissectorHandle h = appHandle(p, k);
        p.stream(ra);
        try {
            p.callOnSource(src, h != null ? h : heuristicsHandle, off, len);
        } finally {
            p.stream(transport);
        }
        ra.consumedBefore += len;
        int at = ra.requestOffset;
        if (at < off || at >= off + len) {
            return;
        }
        ra.clear();
        ra.consumedBefore = 0;
        int rest = off + len - at;
        int more = ra.requestMore;
        ra.wanted = more == StreamReassembly.ONE_MORE_SEGMENT || more == StreamReassembly.UNTIL_FIN
                ? more : (int) Math.min(TlsAppReassembly.MAX_BYTES + 1L, (long) rest + more);
        if (ra.wanted != more && ra.wanted > TlsAppReassembly.MAX_BYTES) {
            // Past the bound: the PDU is not reassembled (its parts are shown as they come).
            return;
        }
        Tree t = p.tree();
        int saved = t.currentSource();
        t.useSource(src);
        MemorySegment s = t.segment(src);
        long base = t.base(src);
        if (!grow(ra, rest)) {
            t.useSource(saved);
            return;
        }
        MemorySegment.copy(s, org.dissect4j.api.Bytes.U8, base + at, ra.buf, 0, rest);
        ra.length = rest;
        ra.segments = 1;
        ra.active = true;
        segmentData(src, at, rest);
        t.useSource(saved);
        if (at == off && p.columns()) {
            p.clearInfo().append("[TLS segment of a reassembled PDU]");
        }
    }

    /** The application protocol: ALPN's or a claiming heuristic's, else by port ({@code tls.port}: source, then destination). */
    private DissectorHandle appHandle(Packet p, TlsSessionKeys k) {
        if (k.appHandle != null) {
            return k.appHandle;
        }
        if (portTable == null) {
            return null;
        }
        DissectorHandle h = portTable.get(p.srcPort());
        return h != null ? h : portTable.get(p.dstPort());
    }

    /** The {@code tls.port} entry of the packet's source port, else of its destination port; null when neither has one. */
    DissectorHandle portHandle(Packet p) {
        if (portTable == null) {
            return null;
        }
        DissectorHandle h = portTable.get(p.srcPort());
        return h != null ? h : portTable.get(p.dstPort());
    }

    /** The {@code tls} heuristics, then {@code data} (current source: the decrypted bytes). */
    private int heuristicsOrData(Packet p, int offset, int length) {
        if (heuristics != null && p.tryHeuristics(heuristics, offset, length) > 0) {
            return length;
        }
        StreamReassembly s = p.stream();
        if (s instanceof TlsAppReassembly ra && ra.requestOffset >= 0) {
            return length;
        }
        p.callData(offset, length);
        return length;
    }

    /** Sets the ALPN-chosen protocol ({@code tls.alpn} table) of a connection. */
    void alpn(Packet p, TlsSession s, int at, int len) {
        if (s.keys == null || alpnTable == null || p.visited()) {
            return;
        }
        byte[] name = new byte[len];
        MemorySegment.copy(p.segment(), org.dissect4j.api.Bytes.U8, p.base() + at, name, 0, len);
        DissectorHandle h = alpnTable.get(new String(name, java.nio.charset.StandardCharsets.ISO_8859_1));
        if (h != null) {
            s.keys.appHandle = h;
        }
    }

    // ---- buffers ---------------------------------------------------------------------------------

    /** Makes room for {@code n} more bytes in this frame's arena. */
    private void reserve(Packet p, int n) {
        long frame = p.frame().number();
        if (frame != arenaFrame) {
            arenaFrame = frame;
            arenaUsed = 0;
        }
        if (arena.length - arenaUsed < n) {
            // Earlier sources of this frame keep the old array alive through their segment.
            arena = new byte[Math.max(n, arena.length * 2)];
            arenaSegment = MemorySegment.ofArray(arena);
            arenaUsed = 0;
        }
    }

    private boolean append(TlsAppReassembly ra, Packet p, int src, int n) {
        if (!grow(ra, ra.length + n)) {
            ra.clear();
            return false;
        }
        Tree t = p.tree();
        MemorySegment.copy(t.segment(src), org.dissect4j.api.Bytes.U8, t.base(src), ra.buf, ra.length, n);
        ra.length += n;
        ra.segments++;
        return true;
    }

    /** Grows the pending buffer to {@code need} bytes within {@link TlsAppReassembly#MAX_BYTES} and the global bound. */
    private boolean grow(TlsAppReassembly ra, int need) {
        if (need <= ra.buf.length) {
            return true;
        }
        if (need > TlsAppReassembly.MAX_BYTES) {
            return false;
        }
        int size = Math.min(Math.max(need, Math.max(4096, ra.buf.length * 2)), TlsAppReassembly.MAX_BYTES);
        TlsSessions sessions = tls.sessions;
        if (sessions.reassemblyBytes + size - ra.buf.length > sessions.maxReassemblyBytes) {
            return false;
        }
        sessions.reassemblyBytes += size - ra.buf.length;
        ra.buf = java.util.Arrays.copyOf(ra.buf, size);
        return true;
    }
}
