package org.dissect4j.api;

import java.lang.foreign.MemorySegment;

/**
 * What a {@link Dissector} works with while one frame is dissected (Wireshark's {@code tvb} and
 * {@code packet_info} in one reused object): checked reads of the current layer's bytes (declared by
 * {@link PacketBytes}, its superclass), the
 * {@link Tree}, the summary columns, the addresses and ports of the conversation, and the
 * hand-offs to the next layer by handle, table or heuristic list.
 *
 * <p><b>Bounds.</b> Each hand-off narrows the readable window to the callee's layer. Reading past
 * it throws {@link PacketBoundsException#TRUNCATED} (the snaplen cut it) or
 * {@link PacketBoundsException#MALFORMED} (past the length the protocol declared); the hand-off
 * that called the dissector catches it, marks the frame, and the caller goes on — like
 * Wireshark's {@code show_exception}. Nothing here allocates per packet.
 */
public final class Packet extends PacketAddresses {
    private static final int MAX_CALL_DEPTH = 256;

    private final Engine engine;
    private final Tree tree;
    private Frame frame;
    private boolean visited;
    private int callDepth;

    /** Grows (rarely: a certificate chain adds a protocol per attribute) up to {@link #MAX_PROTOCOLS}. */
    private int[] protocols = new int[64];
    private static final int MAX_PROTOCOLS = 4096;
    private int protocolCount;
    private Protocol current;

    private boolean columns;
    private String protocolColumn = "";
    private final StringBuilder info = new StringBuilder(256);
    private final FollowData follow = new FollowData();
    private int infoFence;

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
        resetAddresses();
        this.arg = 0;
        this.matchedKey = -1;
        this.handOffParent = -1;
        this.malformed = false;
        this.truncated = false;
        this.stream = null;
        this.conversation = null;
        this.follow.clear();
        tree.reset(seg, base, sourceCaptured);
    }

    /**
     * What this frame carries of a stream's content, for follow reports ({@code -z follow,tls|http}): dissectors add,
     * reports read after the frame was dissected.
     *
     * @return this frame's follow ranges (reused: valid until the next frame)
     */
    public FollowData follow() {
        return follow;
    }

    /**
     * The engine dissecting this packet.
     *
     * @return the engine
     */
    public Engine engine() {
        return engine;
    }

    /**
     * The tree the current frame is dissected into ({@link Engine#tree()}).
     *
     * @return the engine's tree
     */
    public Tree tree() {
        return tree;
    }

    /**
     * The frame being dissected (the one passed to {@link Engine#dissect}).
     *
     * @return the frame
     */
    public Frame frame() {
        return frame;
    }

    /**
     * True when the frame is dissected again (second pass of {@code -2}): per-connection state already saw it.
     *
     * @return the {@code secondPass} argument of {@link Engine#dissect(Frame, boolean)}
     */
    public boolean visited() {
        return visited;
    }

    /**
     * True when a second pass will dissect the frames again ({@code -2}, {@link Engine#keepState}): a dissector whose
     * first-pass work cannot be redone (a TLS record decrypted with a sequence number that has moved on) keeps its
     * result for {@link #visited} to show.
     *
     * @return {@link Engine#keepsState()}
     */
    public boolean keepsState() {
        return engine.keepsState();
    }

    /**
     * Reads the big-endian value of {@code f} at {@code offset}, sized by the field's type
     * ({@code UINT8}..{@code UINT64}, {@code INT8}..{@code INT64}, {@code CHAR}, {@code IPv4}), records
     * it when wanted, and returns the field's value (for a field with a bitmask, the masked and
     * shifted bits; signed types sign-extended). One call for the common
     * {@code t.addUint(F, at, 2, p.u16(at))}; the read is checked like {@link #u8}. Allocates nothing
     * on success.
     *
     * @param f the field
     * @param offset the offset in the current data source
     * @return the field's value, whether or not it was recorded
     * @throws IllegalArgumentException for a type whose size is not fixed (strings, bytes, booleans:
     *     use {@link #item(Field, int, int)} for a boolean bit in an integer of known size), or a
     *     fixed-size type that is not an integer ({@code IPv6}, {@code ETHER}, {@code GUID}, {@code FLOAT},
     *     {@code DOUBLE})
     * @throws PacketBoundsException when the bytes are not readable (see {@link #require})
     */
    public long item(Field f, int offset) {
        int size = f.type().size();
        if (size == 0 || f.type() == FieldType.IPv6 || f.type() == FieldType.ETHER || f.type() == FieldType.GUID
                || f.type() == FieldType.FLOAT || f.type() == FieldType.DOUBLE) {
            throw new IllegalArgumentException(f.abbrev() + " is " + f.type().wiresharkName() + ": item(field, offset) reads integers");
        }
        return item(f, offset, size);
    }

    /**
     * As {@link #item(Field, int)}, reading {@code size} bytes (1..8): for booleans and bit fields.
     * A {@link FieldType#BOOLEAN} field gives 1 or 0. A signed field is sign-extended from
     * {@code size} bytes and recorded without applying its bitmask.
     *
     * @param f the field
     * @param offset the offset in the current data source
     * @param size the number of bytes, 1..8
     * @return the field's value
     * @throws PacketBoundsException when the bytes are not readable (see {@link #require})
     */
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
        return f.valueOf(raw);
    }

    // ---- protocols and columns ---------------------------------------------------------------

    /**
     * Adds {@code p} to {@code frame.protocols} (done by {@link #call} for handles that name a
     * protocol) and makes it the {@link #currentProtocol()}. The chain grows up to 4096 entries (the
     * array doubles when full, an allocation only for unusually long chains); past that it is not
     * extended.
     *
     * @param p the protocol
     */
    public void addProtocol(Protocol p) {
        if (protocolCount == protocols.length && protocols.length < MAX_PROTOCOLS) {
            protocols = java.util.Arrays.copyOf(protocols, protocols.length * 2);
        }
        if (protocolCount < protocols.length) {
            protocols[protocolCount++] = p.field().id();
        }
        current = p;
    }

    /**
     * How many protocols the frame's chain ({@code frame.protocols}) holds so far.
     *
     * @return the count; {@link #protocolAt} reads them
     */
    public int protocolCount() {
        return protocolCount;
    }

    /**
     * Whether this run's filters and outputs want nothing that the layers after the current one (or
     * its own state) would give: columns are off, not everything is wanted, the engine is not asked
     * to keep state ({@link Engine#keepState}), and every wanted field is either one the current
     * protocol declared as a header field ({@link Registrar#headerFields}) or belongs to a protocol
     * earlier in this packet's chain and does not need the whole packet ({@code frame.protocols}).
     * A dissector may then skip its conversation state and hand-offs, as Wireshark skips work no tree
     * asks for; the header fields it adds must be the same either way. Worked out once per wanted
     * set and protocol; then a few compares per packet.
     *
     * @return {@code true} when the current dissector may skip everything beyond its header;
     *     always {@code false} for a protocol that declared no header fields
     */
    public boolean wantsOnlyHeader() {
        if (columns || tree.wantsAll() || engine.keepsState() || current == null) {
            return false;
        }
        HeaderOnly h = tree.registry().headerOnly(current.field().id());
        return h != null && h.nothingBeyond(tree.wantedOwners(), protocols, protocolCount);
    }

    /**
     * Field id of the i-th protocol in the frame's chain.
     *
     * @param i 0 .. {@link #protocolCount()} - 1, lowest layer first
     * @return the id of the protocol's {@link Protocol#field()} ({@link Tree#fieldById} resolves it)
     */
    public int protocolAt(int i) {
        return protocols[i];
    }

    /**
     * The protocol whose dissector runs now (or ran last).
     *
     * @return the protocol, or {@code null} before any was added
     */
    public Protocol currentProtocol() {
        return current;
    }

    /**
     * Whether the summary columns are wanted; when false skip composing the Info text.
     *
     * @return {@link Engine#columns()} at the start of this frame
     */
    public boolean columns() {
        return columns;
    }

    /**
     * The Protocol column: the short name of the last protocol called, unless a dissector set it.
     *
     * @return the column text, {@code ""} before any protocol
     */
    public String protocolColumn() {
        return protocolColumn;
    }

    /**
     * Sets the Protocol column (a dissector that shows another name than its protocol's short name).
     * A later hand-off to a protocol sets it again.
     *
     * @param shortName the text
     */
    public void protocolColumn(String shortName) {
        this.protocolColumn = shortName;
    }

    /** The Protocol column before the running dissector was entered. */
    private String carrierColumn = "";

    /**
     * Gives the Protocol column back to the layer that called the running dissector, for data it passes on without
     * naming itself (Wireshark's dissectors set the column only when they show something of theirs): HTTP's bytes
     * after a protocol upgrade keep TCP's column. Call it before handing anything on.
     */
    public void keepCarrierColumn() {
        this.protocolColumn = carrierColumn;
    }

    /**
     * The Info column; append to it only when {@link #columns()} is true. The builder is reused for
     * every frame and cleared at its start.
     *
     * @return the column's builder
     */
    public StringBuilder info() {
        return info;
    }

    /**
     * Clears the Info column back to the fence a lower layer set (all of it when there is none), so
     * that a layer writes its own summary but keeps what a lower layer fenced.
     *
     * @return the column's builder, for appending
     */
    public StringBuilder clearInfo() {
        info.setLength(Math.min(infoFence, info.length()));
        return info;
    }

    /**
     * Fences what the Info column holds now: later layers' {@link #clearInfo()} keeps it (Wireshark's
     * {@code col_set_fence}). A later call moves the fence to the new end.
     */
    public void fenceInfo() {
        infoFence = info.length();
    }

    /**
     * Prepends {@code text} and keeps it behind the fence (Wireshark's {@code col_prepend_fence_fstr}),
     * e.g. {@code [TCP Retransmission] }: the fence moves past the prepended text, so text fenced
     * before stays fenced too, and a later {@link #clearInfo()} keeps both.
     *
     * @param text the text to put in front
     */
    public void prependInfo(CharSequence text) {
        info.insert(0, text);
        fenceInfoPrefix(text.length());
    }

    /**
     * The first {@code length} characters were just prepended: move the fence past them (the fence
     * becomes {@code length} when there was none, else grows by {@code length}).
     *
     * @param length the number of characters prepended
     */
    public void fenceInfoPrefix(int length) {
        infoFence = infoFence > 0 ? infoFence + length : length;
    }

    /**
     * A value a dissector passes to the one it calls (e.g. the Ethertype to the {@code ethertype}
     * dissector). It is not reset by hand-offs: set it just before the call that reads it.
     *
     * @return the value last set in this frame, 0 at its start
     */
    public long arg() {
        return arg;
    }

    /**
     * Sets the value for the dissector called next ({@link #arg()}).
     *
     * @param value the value
     */
    public void arg(long value) {
        this.arg = value;
    }

    /**
     * The reassembly service of the byte stream the current data belongs to, set by TCP just before it
     * calls the next dissector and {@code null} otherwise (see {@link StreamReassembly}).
     *
     * @return the service, or {@code null}
     */
    public StreamReassembly stream() {
        return stream;
    }

    /**
     * Sets (or, with {@code null}, removes) the {@link #stream()} offered to the next dissector; for
     * transports, and for a dissector that hands data on and does not want the next layer to use it.
     *
     * @param s the service, or {@code null}
     */
    public void stream(StreamReassembly s) {
        this.stream = s;
    }

    /**
     * The conversation of the transport that carries the data now (set by TCP or UDP before it hands
     * on), or {@code null}: where {@link ConversationData} values live.
     *
     * @return the conversation, or {@code null} (it is {@code null} at the start of every frame)
     */
    public Conversation conversation() {
        return conversation;
    }

    /**
     * Set by a transport before it hands data on (and restored after, for nested transports).
     *
     * @param c the transport's conversation, or {@code null}
     */
    public void conversation(Conversation c) {
        this.conversation = c;
    }

    private Conversation conversation;

    /**
     * Whether a lower layer fenced the Info column ({@link #fenceInfo()}, {@link #prependInfo}).
     *
     * @return {@code true} when a fence is set and text lies behind it
     */
    public boolean infoFenced() {
        return infoFence > 0;
    }

    // ---- hand-offs ---------------------------------------------------------------------------

    /**
     * Calls {@code h} on {@code length} bytes at {@code offset} of the current source, narrowed to
     * the current layer: the callee reads at most to {@code min(offset + length, reportedEnd())}.
     * Adds the handle's protocol to the chain and the Protocol column (not for {@code data}). A handle
     * that names a protocol starts its subtree at the top level of the tree, as Wireshark's hand-offs
     * between protocols pass the root (HTTP is not drawn inside TCP); inside {@link #callNested}, under
     * the node that call chose. A handle without a protocol (a protocol's own entry point) adds under
     * the open node. A
     * callee that returns 0 has its nodes, protocol and Protocol column rolled back (not the Info
     * column: a dissector writes Info only once it has recognised its data). A
     * {@link PacketBoundsException} inside it is caught here and marked on the frame (truncated or
     * malformed), and the call counts as having consumed the whole range. Allocates nothing beyond
     * what {@link #addProtocol} and the tree's own growth may need.
     *
     * @param h the dissector; {@code null} returns 0
     * @param offset the offset in the current data source
     * @param length the bytes given to the callee (negative counts as 0)
     * @return the bytes the dissector consumed; 0 when {@code h} is {@code null}, its protocol is
     *     disabled, calls are nested 256 deep (tshark's bound on layers), or the dissector declined
     */
    public int call(DissectorHandle h, int offset, int length) {
        // Kept under the JIT's inlining limit for hot methods (FreqInlineSize, 325 bytes of bytecode;
        // `javap -c` shows the size, PacketCallSizeTest checks it): inlined into each caller, the
        // dispatch below sees one dissector per call site instead of all of them. javac copies a
        // finally block into every exit, so the restoring code is one call, not three copies.
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
        int savedParent = pr == null ? NO_PARENT_SWAP : enter(pr);
        int consumed;
        try {
            consumed = h.dissector().dissect(this, offset, end - offset);
            if (tookQuietly() | consumed <= 0) {
                consumed = Math.max(0, consumed);
                declined(savedDepth, mark, savedProtoCount, savedCurrent, savedColumn);
            }
        } catch (PacketBoundsException e) {
            // the item goes where Wireshark catches the exception: beside the callee's protocol, not in its open items
            tree.unwindTo(savedDepth);
            mark(e, offset);
            consumed = end - offset;
        } finally {
            leave(savedDepth, savedParent, savedCap, savedRep);
        }
        return consumed;
    }

    /** {@link #call}'s saved parent when the callee has no protocol and the parent stays as it is. */
    private static final int NO_PARENT_SWAP = Integer.MIN_VALUE;

    /** Undoes what {@link #call} set for its callee, however the callee returned. */
    private void leave(int savedDepth, int savedParent, int savedCap, int savedRep) {
        tree.unwindTo(savedDepth);
        if (savedParent != NO_PARENT_SWAP) {
            tree.swapParent(savedParent);
        }
        callDepth--;
        capEnd = savedCap;
        repEnd = savedRep;
    }

    /** Where a protocol called through {@link #call} starts its subtree: -1 (the top level) but in {@link #callNested}. */
    private int handOffParent = -1;

    /**
     * As {@link #call}, but the callee's subtree, and those of the protocols it hands on to, go under the
     * node open now rather than at the top level: Wireshark's hand-off with a subtree, as ICMP draws the
     * datagram an error quotes (its IP and TCP headers) inside the ICMP item.
     *
     * @param h the dissector; {@code null} returns 0
     * @param offset the offset in the current data source
     * @param length the bytes given to the callee
     * @return what {@link #call} returns
     */
    public int callNested(DissectorHandle h, int offset, int length) {
        int saved = handOffParent;
        handOffParent = tree.currentParent();
        try {
            return call(h, offset, length);
        } finally {
            handOffParent = saved;
        }
    }

    /**
     * From now on, protocols called through {@link #call} start their subtrees at the top level again, even inside a
     * {@link #callNested}: Wireshark's UDP hands its payload to the root of the tree, so the DNS answer quoted by an
     * ICMP error is drawn beside the ICMP item, not inside it with the quoted IP and UDP headers. Give the returned
     * value to {@link #restoreHandOffs} when done.
     *
     * @return where hand-offs went before
     */
    public int handOffsAtTopLevel() {
        int saved = handOffParent;
        handOffParent = -1;
        return saved;
    }

    /**
     * Undoes {@link #handOffsAtTopLevel}.
     *
     * @param saved what it returned
     */
    public void restoreHandOffs(int saved) {
        handOffParent = saved;
    }

    /** Adds the callee's protocol to the chain and the Protocol column; starts its subtree where hand-offs go. */
    private int enter(Protocol pr) {
        addProtocol(pr);
        if (pr != EngineFields.DATA) {
            // undissected bytes keep the column of the layer that carried them, as in Wireshark
            carrierColumn = protocolColumn;
            protocolColumn = pr.shortName();
        }
        return tree.swapParent(handOffParent);
    }

    /** A dissector that took nothing: its nodes, protocol and Protocol column are rolled back (Info is not). */
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
     *
     * @param table an integer-keyed table
     * @param key the key
     * @param offset the offset in the current data source
     * @param length the bytes given to the callee
     * @return the bytes consumed, 0 when the table has no entry or the entry declined
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
     *
     * @return the key, or -1
     */
    public long matchedKey() {
        return matchedKey;
    }

    private long matchedKey = -1;

    /**
     * Tries each enabled heuristic of {@code list} in order; returns what the first taker consumed,
     * or 0. The nodes, protocol and Protocol column of heuristics that decline are rolled back.
     * Allocates nothing.
     *
     * @param list the heuristic list
     * @param offset the offset in the current data source
     * @param length the bytes given to each heuristic
     * @return the bytes the first taker consumed, or 0
     */
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

    /**
     * Shows {@code length} bytes at {@code offset} as undissected {@code data} (the captured part of
     * them; nothing when none is captured).
     *
     * @param offset the offset in the current data source
     * @param length the bytes
     * @return the bytes shown, 0 when none were captured
     */
    public int callData(int offset, int length) {
        return call(engine.dataHandle(), offset, length);
    }

    /**
     * Switches to data source {@code src} of the tree (e.g. reassembled bytes), calls {@code h},
     * switches back. While {@code h} runs, offsets refer to {@code src}, the whole source is its
     * layer (captured and reported end are the source's length), and nodes it adds refer to
     * {@code src}. The packet's segment, base, source and bounds are restored afterwards, also when
     * the callee throws.
     *
     * @param src a source index returned by {@link Tree#addSource}
     * @param h the dissector
     * @param offset the offset in source {@code src}
     * @param length the bytes given to the callee
     * @return what {@link #call} returns
     */
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

    /**
     * Hands the payload of a message (an HTTP body, an MQTT application message) to {@code h}: as
     * {@link #call}, or {@link #callOnSource} when the payload lies in another data source, except that
     * the payload is not a byte stream of its own and does not name the packet. While {@code h} runs
     * {@link #stream()} is {@code null} (it cannot ask the transport for more segments); afterwards the
     * stream and the Protocol column are the caller's again, also when the callee throws.
     *
     * @param src the data source holding the payload: {@link #source()}, or an index {@link Tree#addSource} returned
     * @param h the dissector
     * @param offset the offset in source {@code src}
     * @param length the bytes given to the callee
     * @return what {@link #call} returns
     */
    public int callPayload(int src, DissectorHandle h, int offset, int length) {
        StreamReassembly savedStream = stream;
        String savedColumn = protocolColumn;
        stream = null;
        try {
            return src == source ? call(h, offset, length) : callOnSource(src, h, offset, length);
        } finally {
            stream = savedStream;
            protocolColumn = savedColumn;
        }
    }

    /**
     * As {@link #callPayload}, but the callee's subtree goes under the node open now, as {@link #callNested} does:
     * Wireshark's {@code call_data_dissector} given the caller's own tree (HTTP's undissected body under its item).
     *
     * @param src the data source
     * @param h the dissector; {@code null} returns 0
     * @param offset the offset in {@code src}
     * @param length the bytes given to the callee
     * @return what {@link #callPayload} returns
     */
    public int callPayloadNested(int src, DissectorHandle h, int offset, int length) {
        int saved = handOffParent;
        handOffParent = tree.currentParent();
        try {
            return callPayload(src, h, offset, length);
        } finally {
            handOffParent = saved;
        }
    }

    // ---- malformed and truncated -------------------------------------------------------------

    /**
     * Whether a layer of this packet ran past its declared length or was marked with
     * {@link #markMalformed}; a dissector bug sets it too when its expert item was recorded.
     *
     * @return {@code true} once the frame is marked malformed
     */
    public boolean malformed() {
        return malformed;
    }

    /**
     * Whether a layer of this packet ran past the captured bytes.
     *
     * @return {@code true} once the frame is marked truncated
     */
    public boolean truncated() {
        return truncated;
    }

    /**
     * Marks the packet malformed at {@code offset} (an expert item and the {@code _ws.malformed}
     * protocol naming the current protocol, and {@code [Malformed Packet]} in Info with columns on);
     * only the first mark of a frame is recorded. The dissector goes on: use it for a length field
     * that contradicts the data, where reading on would not throw.
     *
     * @param offset the offset in the current data source (clamped to the captured bytes)
     */
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

    /** Whether dissector bugs print their stack trace ({@code -Ddissect4j.traceBugs=true}, for dissector authors). */
    private static final boolean TRACE_BUGS = Boolean.getBoolean("dissect4j.traceBugs");

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
        if (TRACE_BUGS) {
            e.printStackTrace();        // -Ddissect4j.traceBugs=true: where a dissector bug came from, on stderr
        }
        malformed = n >= 0 || malformed;
        if (columns) {
            info.append(" [Dissector bug, protocol ").append(where).append(": ").append(e).append(']');
        }
    }
}
