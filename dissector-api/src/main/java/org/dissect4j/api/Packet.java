package org.dissect4j.api;

import java.lang.foreign.MemorySegment;

/**
 * What a {@link Dissector} works with while one frame is dissected (Wireshark's {@code tvb} and
 * {@code packet_info} in one reused object): checked reads of the current layer's bytes, the
 * {@link Tree}, the summary columns, the addresses and ports of the conversation, and the
 * hand-offs to the next layer by handle, table or heuristic list.
 *
 * <p><b>Bounds.</b> Each hand-off narrows the readable window to the callee's layer. Reading past
 * it throws {@link PacketBoundsException#TRUNCATED} (the snaplen cut it) or
 * {@link PacketBoundsException#MALFORMED} (past the length the protocol declared); the hand-off
 * that called the dissector catches it, marks the frame, and the caller goes on — like
 * Wireshark's {@code show_exception}. Nothing here allocates per packet.
 */
public final class Packet {
    /** Address types of {@link #netSrc()} and {@link #dlSrc()}. */
    public static final int AT_NONE = 0, AT_ETHER = 1, AT_IPV4 = 2, AT_IPV6 = 3;
    /** Port types of {@link #srcPort()}. */
    public static final int PT_NONE = 0, PT_TCP = 1, PT_UDP = 2;

    private static final int MAX_CALL_DEPTH = 64;

    private final Engine engine;
    private final Tree tree;
    private Frame frame;
    private boolean visited;

    private MemorySegment seg;
    private long base;
    private int source;
    private int sourceCaptured;
    private int capEnd;
    private int repEnd;
    private int callDepth;

    /** Grows (rarely: a certificate chain adds a protocol per attribute) up to {@link #MAX_PROTOCOLS}. */
    private int[] protocols = new int[64];
    private static final int MAX_PROTOCOLS = 4096;
    private int protocolCount;
    private Protocol current;

    private boolean columns;
    private String protocolColumn = "";
    private final StringBuilder info = new StringBuilder(256);
    private int infoFence;

    private int dlType;
    private final byte[] dlSrc = new byte[6];
    private final byte[] dlDst = new byte[6];
    private int netType;
    private final byte[] netSrc = new byte[16];
    private final byte[] netDst = new byte[16];
    private int portType;
    private int srcPort;
    private int dstPort;
    private long arg;
    private boolean malformed;
    private boolean truncated;
    private StreamReassembly stream;

    Packet(Engine engine, Tree tree) {
        this.engine = engine;
        this.tree = tree;
    }

    void start(Frame f, boolean wantColumns, boolean secondPass) {
        this.frame = f;
        this.visited = secondPass;
        this.seg = f.segment();
        this.base = f.offset();
        this.source = 0;
        this.sourceCaptured = f.capturedLength();
        this.repEnd = Math.max(f.originalLength(), f.capturedLength());
        this.capEnd = f.capturedLength();
        this.callDepth = 0;
        this.protocolCount = 0;
        this.current = null;
        this.columns = wantColumns;
        this.protocolColumn = "";
        this.info.setLength(0);
        this.infoFence = 0;
        this.dlType = AT_NONE;
        this.netType = AT_NONE;
        this.portType = PT_NONE;
        this.srcPort = 0;
        this.dstPort = 0;
        this.arg = 0;
        this.matchedKey = -1;
        this.malformed = false;
        this.truncated = false;
        this.stream = null;
        this.conversation = null;
        tree.reset(seg, base, sourceCaptured);
    }

    public Engine engine() {
        return engine;
    }

    public Tree tree() {
        return tree;
    }

    public Frame frame() {
        return frame;
    }

    /** True when the frame is dissected again (second pass of {@code -2}): per-connection state already saw it. */
    public boolean visited() {
        return visited;
    }

    // ---- bytes -------------------------------------------------------------------------------

    /** The segment of the current data source; offsets are relative to {@link #base()}. */
    public MemorySegment segment() {
        return seg;
    }

    /** Where offset 0 of the current data source lies in {@link #segment()}. */
    public long base() {
        return base;
    }

    /** Index of the current data source in the {@link Tree} (0 = the frame). */
    public int source() {
        return source;
    }

    /** End of the current layer as declared (reported length). */
    public int reportedEnd() {
        return repEnd;
    }

    /** End of the bytes of the current layer that were actually captured. */
    public int capturedEnd() {
        return capEnd;
    }

    /** Captured bytes available from {@code offset} to the end of the current layer (0 if none). */
    public int captured(int offset) {
        return Math.max(0, capEnd - offset);
    }

    /** Reported bytes from {@code offset} to the end of the current layer. */
    public int remaining(int offset) {
        return Math.max(0, repEnd - offset);
    }

    /** Throws the matching {@link PacketBoundsException} unless {@code n} bytes at {@code offset} are readable. */
    public void require(int offset, int n) {
        if (offset < 0 || n < 0 || (long) offset + n > capEnd) {
            throw (long) offset + n > repEnd || offset < 0 || n < 0
                    ? PacketBoundsException.MALFORMED : PacketBoundsException.TRUNCATED;
        }
    }

    public int u8(int offset) {
        require(offset, 1);
        return Bytes.u8(seg, base + offset);
    }

    public int u16(int offset) {
        require(offset, 2);
        return Bytes.u16(seg, base + offset);
    }

    public int u24(int offset) {
        require(offset, 3);
        return Bytes.u24(seg, base + offset);
    }

    public long u32(int offset) {
        require(offset, 4);
        return Bytes.u32(seg, base + offset);
    }

    public long u64(int offset) {
        require(offset, 8);
        return Bytes.u64(seg, base + offset);
    }

    /**
     * Reads the big-endian value of {@code f} at {@code offset}, sized by the field's type
     * ({@code UINT8}..{@code UINT64}, {@code INT8}..{@code INT64}, {@code CHAR}, {@code IPv4}), records
     * it when wanted, and returns the field's value (for a field with a bitmask, the masked and
     * shifted bits; signed types sign-extended). One call for the common
     * {@code t.addUint(F, at, 2, p.u16(at))}; the read is checked like {@link #u8}.
     *
     * @throws IllegalArgumentException for a type whose size is not fixed (strings, bytes, booleans:
     *     use {@link #item(Field, int, int)} for a boolean bit in an integer of known size)
     */
    public long item(Field f, int offset) {
        int size = f.type().size();
        if (size == 0 || f.type() == FieldType.IPv6 || f.type() == FieldType.ETHER || f.type() == FieldType.GUID
                || f.type() == FieldType.FLOAT || f.type() == FieldType.DOUBLE) {
            throw new IllegalArgumentException(f.abbrev() + " is " + f.type().wiresharkName() + ": item(field, offset) reads integers");
        }
        return item(f, offset, size);
    }

    /** As {@link #item(Field, int)}, reading {@code size} bytes (1..8): for booleans and bit fields. */
    public long item(Field f, int offset, int size) {
        long raw = switch (size) {
            case 1 -> u8(offset);
            case 2 -> u16(offset);
            case 3 -> u24(offset);
            case 4 -> u32(offset);
            case 8 -> u64(offset);
            default -> {
                require(offset, size);
                long v = 0;
                for (int i = 0; i < size; i++) {
                    v = v << 8 | Bytes.u8(seg, base + offset + i);
                }
                yield v;
            }
        };
        if (f.type().isSigned()) {
            long v = raw << (64 - 8 * size) >> (64 - 8 * size);
            tree.addLong(f, offset, size, v);
            return v;
        }
        tree.addUint(f, offset, size, raw);
        long mask = f.bitmask();
        long v = mask == 0 ? raw : (raw & mask) >>> f.shift();
        return f.type() == FieldType.BOOLEAN ? (v != 0 ? 1 : 0) : v;
    }

    public int u16le(int offset) {
        require(offset, 2);
        return Bytes.u16le(seg, base + offset);
    }

    public long u32le(int offset) {
        require(offset, 4);
        return Bytes.u32le(seg, base + offset);
    }

    // ---- protocols and columns ---------------------------------------------------------------

    /** Adds {@code p} to {@code frame.protocols} (done by {@link #call} for handles that name a protocol). */
    public void addProtocol(Protocol p) {
        if (protocolCount == protocols.length && protocols.length < MAX_PROTOCOLS) {
            protocols = java.util.Arrays.copyOf(protocols, protocols.length * 2);
        }
        if (protocolCount < protocols.length) {
            protocols[protocolCount++] = p.field().id();
        }
        current = p;
    }

    public int protocolCount() {
        return protocolCount;
    }

    /**
     * Whether this run's filters and outputs want nothing that the layers after the current one
     * (or its own state) would give: columns are off, not everything is wanted, and every wanted
     * field is either in {@code own} (indexed by field id: what the calling dissector gives from its
     * header alone) or belongs to a protocol earlier in this packet's chain and does not need the
     * whole packet ({@code frame.protocols}), and the engine is not asked to keep state
     * ({@link Engine#keepState}). A dissector may then skip its conversation state and
     * hand-offs, as Wireshark skips work no tree asks for; the fields it does add must be the same
     * either way. Costs a few compares per wanted field.
     */
    public boolean wantsNothingBeyond(boolean[] own) {
        if (columns || tree.wantsAll() || engine.keepsState()) {
            return false;
        }
        int[][] wanted = tree.wantedOwners();
        if (own != beyondOwn || wanted != beyondWanted) {
            beyondOwners(own, wanted);
        }
        if (beyondUncovered) {
            return false;
        }
        int self = current == null ? -1 : current.field().id();
        next:
        for (int owner : beyondProtocols) {
            if (owner != self) {
                for (int k = 0; k < protocolCount; k++) {
                    if (protocols[k] == owner) {
                        continue next;
                    }
                }
            }
            return false;
        }
        return true;
    }

    // What wantsNothingBeyond needs of the wanted set, worked out once per wanted set and caller:
    // the distinct protocols owning wanted fields outside `own`, and whether some such field has no
    // protocol or needs the whole packet.
    private boolean[] beyondOwn;
    private int[][] beyondWanted;
    private int[] beyondProtocols = new int[0];
    private boolean beyondUncovered;

    private void beyondOwners(boolean[] own, int[][] wanted) {
        int[] ids = wanted[0];
        int[] owners = wanted[1];
        int[] distinct = new int[ids.length];
        int n = 0;
        boolean uncovered = false;
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            if (id < own.length && own[id]) {
                continue;
            }
            int owner = owners[i];
            if (owner < 0) {
                uncovered = true;
                break;
            }
            boolean seen = false;
            for (int k = 0; k < n && !seen; k++) {
                seen = distinct[k] == owner;
            }
            if (!seen) {
                distinct[n++] = owner;
            }
        }
        beyondProtocols = java.util.Arrays.copyOf(distinct, n);
        beyondUncovered = uncovered;
        beyondOwn = own;
        beyondWanted = wanted;
    }

    /** Field id of the i-th protocol in the frame's chain. */
    public int protocolAt(int i) {
        return protocols[i];
    }

    /** The protocol whose dissector runs now (or ran last). */
    public Protocol currentProtocol() {
        return current;
    }

    /** Whether the summary columns are wanted; when false skip composing the Info text. */
    public boolean columns() {
        return columns;
    }

    public String protocolColumn() {
        return protocolColumn;
    }

    public void protocolColumn(String shortName) {
        this.protocolColumn = shortName;
    }

    /** The Info column; append to it only when {@link #columns()} is true. */
    public StringBuilder info() {
        return info;
    }

    /** Clears the Info column back to the fence a lower layer set (all of it when there is none). */
    public StringBuilder clearInfo() {
        info.setLength(Math.min(infoFence, info.length()));
        return info;
    }

    /** Fences what the Info column holds now: later layers' {@link #clearInfo()} keeps it (Wireshark's {@code col_set_fence}). */
    public void fenceInfo() {
        infoFence = info.length();
    }

    /** Prepends {@code text} and keeps it behind the fence (Wireshark's {@code col_prepend_fence_fstr}), e.g. {@code [TCP Retransmission] }. */
    public void prependInfo(CharSequence text) {
        info.insert(0, text);
        fenceInfoPrefix(text.length());
    }

    /** The first {@code length} characters were just prepended: move the fence past them. */
    public void fenceInfoPrefix(int length) {
        infoFence = infoFence > 0 ? infoFence + length : length;
    }

    // ---- addresses and ports -----------------------------------------------------------------

    /** Sets the link-layer source and destination (6-byte MACs at the given offsets of the current source). */
    public void dlAddresses(int srcOffset, int dstOffset) {
        require(srcOffset, 6);
        require(dstOffset, 6);
        copy6(base + srcOffset, dlSrc);
        copy6(base + dstOffset, dlDst);
        dlType = AT_ETHER;
    }

    /** Sets the network source and destination ({@link #AT_IPV4} 4 bytes or {@link #AT_IPV6} 16 bytes). */
    public void netAddresses(int type, int srcOffset, int dstOffset) {
        int n = type == AT_IPV6 ? 16 : 4;
        require(srcOffset, n);
        require(dstOffset, n);
        // word-sized copies: MemorySegment.copy of a few bytes costs more than the reads themselves
        if (n == 4) {
            BYTES_AS_INT.set(netSrc, 0, seg.get(Bytes.BE32, base + srcOffset));
            BYTES_AS_INT.set(netDst, 0, seg.get(Bytes.BE32, base + dstOffset));
        } else {
            BYTES_AS_LONG.set(netSrc, 0, seg.get(Bytes.BE64, base + srcOffset));
            BYTES_AS_LONG.set(netSrc, 8, seg.get(Bytes.BE64, base + srcOffset + 8));
            BYTES_AS_LONG.set(netDst, 0, seg.get(Bytes.BE64, base + dstOffset));
            BYTES_AS_LONG.set(netDst, 8, seg.get(Bytes.BE64, base + dstOffset + 8));
        }
        netType = type;
    }

    private void copy6(long at, byte[] to) {
        BYTES_AS_INT.set(to, 0, seg.get(Bytes.BE32, at));
        BYTES_AS_SHORT.set(to, 4, seg.get(Bytes.BE16, at + 4));
    }

    private static final java.lang.invoke.VarHandle BYTES_AS_INT =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private static final java.lang.invoke.VarHandle BYTES_AS_LONG =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private static final java.lang.invoke.VarHandle BYTES_AS_SHORT =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(short[].class, java.nio.ByteOrder.BIG_ENDIAN);

    public void ports(int type, int src, int dst) {
        this.portType = type;
        this.srcPort = src;
        this.dstPort = dst;
    }

    public int dlType() {
        return dlType;
    }

    /** Link-layer source; valid for this packet only, do not modify. */
    public byte[] dlSrc() {
        return dlSrc;
    }

    public byte[] dlDst() {
        return dlDst;
    }

    public int netType() {
        return netType;
    }

    /** Network source address bytes (4 or 16 used); valid for this packet only, do not modify. */
    public byte[] netSrc() {
        return netSrc;
    }

    public byte[] netDst() {
        return netDst;
    }

    public int portType() {
        return portType;
    }

    public int srcPort() {
        return srcPort;
    }

    public int dstPort() {
        return dstPort;
    }

    /** A value a dissector passes to the one it calls (e.g. the Ethertype to the {@code ethertype} dissector). */
    public long arg() {
        return arg;
    }

    public void arg(long value) {
        this.arg = value;
    }

    /**
     * The reassembly service of the byte stream the current data belongs to, set by TCP just before it
     * calls the next dissector and {@code null} otherwise (see {@link StreamReassembly}).
     */
    public StreamReassembly stream() {
        return stream;
    }

    /** Sets (or, with {@code null}, removes) the {@link #stream()} offered to the next dissector; for transports. */
    public void stream(StreamReassembly s) {
        this.stream = s;
    }

    /**
     * The conversation of the transport that carries the data now (set by TCP or UDP before it hands
     * on), or {@code null}: where {@link ConversationData} values live.
     */
    public Conversation conversation() {
        return conversation;
    }

    /** Set by a transport before it hands data on (and restored after, for nested transports). */
    public void conversation(Conversation c) {
        this.conversation = c;
    }

    private Conversation conversation;

    /** Whether a lower layer fenced the Info column ({@link #fenceInfo()}, {@link #prependInfo}). */
    public boolean infoFenced() {
        return infoFence > 0;
    }

    // ---- hand-offs ---------------------------------------------------------------------------

    /**
     * Calls {@code h} on {@code length} bytes at {@code offset} of the current source, narrowed to
     * the current layer. Adds the handle's protocol to the chain and the Protocol column. Returns
     * what the dissector consumed; a bounds exception inside it is caught here and marked.
     */
    public int call(DissectorHandle h, int offset, int length) {
        // Kept under the JIT's inlining limit for hot methods (325 bytecodes): inlined into each
        // caller, the dispatch below sees one dissector per call site instead of all of them.
        if (h == null) {
            return 0;
        }
        Protocol pr = h.protocol();
        if (pr != null && engine.disabled(pr) || callDepth >= MAX_CALL_DEPTH) {
            return 0;
        }
        int end = (int) Math.min((long) offset + Math.max(0, length), repEnd);
        int savedCap = capEnd, savedRep = repEnd, savedDepth = tree.depth(), savedProtoCount = protocolCount;
        int mark = tree.size();
        Protocol savedCurrent = current;
        String savedColumn = protocolColumn;
        repEnd = end;
        capEnd = Math.min(end, savedCap);
        callDepth++;
        if (pr != null) {
            enter(pr);
        }
        int consumed;
        try {
            consumed = h.dissector().dissect(this, offset, end - offset);
            if (consumed <= 0) {
                consumed = 0;
                declined(savedDepth, mark, savedProtoCount, savedCurrent, savedColumn);
            }
        } catch (PacketBoundsException e) {
            tree.unwindTo(savedDepth);
            mark(e, offset);
            consumed = end - offset;
        } finally {
            callDepth--;
            capEnd = savedCap;
            repEnd = savedRep;
        }
        return consumed;
    }

    /** Adds the callee's protocol to the chain and the Protocol column. */
    private void enter(Protocol pr) {
        addProtocol(pr);
        if (pr != EngineFields.DATA) {
            // undissected bytes keep the column of the layer that carried them, as in Wireshark
            protocolColumn = pr.shortName();
        }
    }

    /** A dissector that took nothing leaves no trace: its nodes, protocol and column are rolled back. */
    private void declined(int savedDepth, int mark, int savedProtoCount, Protocol savedCurrent, String savedColumn) {
        tree.unwindTo(savedDepth);
        tree.truncate(mark);
        protocolCount = savedProtoCount;
        current = savedCurrent;
        protocolColumn = savedColumn;
    }

    /**
     * Looks {@code key} up in {@code table} and calls what it finds; 0 when nothing took the data.
     * While the dissector runs, {@link #matchedKey()} is {@code key} (Wireshark's {@code match_uint}).
     */
    public int callTable(DissectorTable table, long key, int offset, int length) {
        DissectorHandle h = table.get(key);
        if (h == null) {
            return 0;
        }
        long saved = matchedKey;
        matchedKey = key;
        try {
            return call(h, offset, length);
        } finally {
            matchedKey = saved;
        }
    }

    /**
     * The key under which the running dissector was found by {@link #callTable} (the port that
     * matched, of the two a transport tries: a dissector called for TCP port 8883 sees 8883 whether
     * it was the source or the destination port), or -1 when it was not called through a table.
     */
    public long matchedKey() {
        return matchedKey;
    }

    private long matchedKey = -1;

    /** Tries each enabled heuristic of {@code list} in order; returns what the first taker consumed, or 0. */
    public int tryHeuristics(HeuristicList list, int offset, int length) {
        for (HeuristicList.Entry e : list.array()) {
            if (e.enabled()) {
                int consumed = call(e.handle(), offset, length);
                if (consumed > 0) {
                    return consumed;
                }
            }
        }
        return 0;
    }

    /** Shows {@code length} bytes at {@code offset} as undissected {@code data}. */
    public int callData(int offset, int length) {
        return call(engine.dataHandle(), offset, length);
    }

    /** Switches to data source {@code src} of the tree (e.g. reassembled bytes), calls {@code h}, switches back. */
    public int callOnSource(int src, DissectorHandle h, int offset, int length) {
        MemorySegment savedSeg = seg;
        long savedBase = base;
        int savedSource = source, savedSourceCaptured = sourceCaptured, savedCap = capEnd, savedRep = repEnd;
        seg = tree.segment(src);
        base = tree.base(src);
        source = src;
        sourceCaptured = tree.sourceLength(src);
        capEnd = sourceCaptured;
        repEnd = sourceCaptured;
        tree.useSource(src);
        try {
            return call(h, offset, length);
        } finally {
            seg = savedSeg;
            base = savedBase;
            source = savedSource;
            sourceCaptured = savedSourceCaptured;
            capEnd = savedCap;
            repEnd = savedRep;
            tree.useSource(savedSource);
        }
    }

    // ---- malformed and truncated -------------------------------------------------------------

    /** Whether a layer of this packet ran past its declared length. */
    public boolean malformed() {
        return malformed;
    }

    /** Whether a layer of this packet ran past the captured bytes. */
    public boolean truncated() {
        return truncated;
    }

    /** Marks the packet malformed at {@code offset} (an expert item and the {@code _ws.malformed} protocol). */
    public void markMalformed(int offset) {
        mark(PacketBoundsException.MALFORMED, offset);
    }

    private void mark(PacketBoundsException e, int offset) {
        // as Wireshark: a labelled item naming the protocol that ran out of bytes, not a layer of frame.protocols
        long who = current != null ? current.field().id() : -1;
        int at = Math.max(0, Math.min(offset, capEnd));
        if (e == PacketBoundsException.TRUNCATED) {
            if (!truncated) {
                truncated = true;
                tree.setValue(tree.add(EngineFields.SHORT.field(), at, 0), who);
                if (columns) {
                    info.append("[Packet size limited during capture]");
                }
            }
            return;
        }
        if (!malformed) {
            malformed = true;
            int n = tree.add(EngineFields.MALFORMED.field(), at, 0);
            tree.setValue(n, who);
            tree.push(n);
            tree.expert(EngineFields.MALFORMED_EXPERT, at, 0);
            tree.close();
            if (columns) {
                info.append("[Malformed Packet]");
            }
        }
    }

    /** Records a dissector bug (an unexpected exception) on this frame. */
    void markBug(RuntimeException e) {
        String where = current != null ? current.shortName() : "?";
        long who = current != null ? current.field().id() : -1;
        tree.unwindTo(0);
        int m = tree.add(EngineFields.MALFORMED.field(), 0, 0);
        tree.setValue(m, who);
        tree.push(m);
        int n = tree.expert(EngineFields.DISSECTOR_BUG, 0, 0);
        tree.close();
        tree.addString(EngineFields.BUG_MESSAGE, "Dissector bug, protocol " + where + ": " + e);
        malformed = n >= 0 || malformed;
        if (columns) {
            info.append(" [Dissector bug, protocol ").append(where).append(": ").append(e).append(']');
        }
    }
}
