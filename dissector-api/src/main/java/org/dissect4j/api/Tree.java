package org.dissect4j.api;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The fields decoded from one packet, Wireshark's {@code proto_tree}, kept as parallel primitive
 * arrays that are reused from packet to packet: a node is an index with a field id, a parent, a
 * data source, an offset and length in that source, a long value and flags. Bytes and strings stay
 * where they are (source, offset, length); generated strings go to a reusable scratch area.
 *
 * <p><b>Referenced fields.</b> Only wanted fields are recorded ({@link #want}, {@link #wantAll}):
 * adding an unwanted field is one bit test and no store, and dissectors ask {@link #wants} before
 * costly work. Filters and outputs prime the wanted set before the first packet, and should not
 * change it in the middle of a capture: a dissector may skip per-connection state that nothing
 * wanted (TCP does, see {@link Packet#wantsOnlyHeader}) and cannot rebuild it for packets it
 * has already seen.
 *
 * <p><b>Occurrences.</b> All occurrences of a field are chained in order:
 * {@code for (int n = tree.first(f); n >= 0; n = tree.next(n))}.
 *
 * <p>Nodes and values are valid until the next packet is dissected.
 */
public final class Tree {
    /** Source index of the scratch area that holds generated strings and bytes. */
    public static final int SCRATCH = -1;
    /** Flag: the value was computed, not read from the packet (shown in brackets). */
    public static final int GENERATED = 1;
    /** Flag: the node is an expert item; its value is the {@link Expert}'s index. */
    public static final int EXPERT = 2;
    /** Flag: value is a string stored as UTF-16LE (else ASCII/UTF-8). */
    public static final int UTF16 = 4;
    /** Flag: hidden from detail views (but filterable). */
    public static final int HIDDEN = 8;
    /**
     * Flag: an empty byte-range value that tshark prints as {@code <MISSING>} (an item added with length 0 through
     * {@code proto_tree_add_item}) rather than {@code <none>}.
     */
    public static final int MISSING = 16;

    private static final int MAX_NODES = 1 << 22;
    private static final int MAX_DEPTH = 256;
    private static final int MAX_SCRATCH = 64 << 20;

    /*
     * The int columns of a node live side by side in one array, NODE_INTS slots per node (field,
     * parent, source, offset, length, flags, next): store() then touches one cache line and one array
     * (C2 merges the range checks of constant offsets from one base), instead of seven arrays.
     */
    private static final int NODE_INTS = 8, FIELD = 0, PARENT = 1, SOURCE = 2, OFFSET = 3, LENGTH = 4, FLAGS = 5,
            NEXT = 6;
    private int[] nodes = new int[256 * NODE_INTS];
    private long[] value = new long[256];
    private int size;
    private boolean overflowed;

    private int[] first = new int[0];
    private int[] last = new int[0];
    private int[] touched = new int[64];
    private int touchedCount;

    private long[] wanted = new long[0];
    private boolean[] records = new boolean[0];
    private boolean wantAll;

    private final int[] parents = new int[MAX_DEPTH];
    private int depth;
    private int currentParent = -1;

    private MemorySegment[] sourceSegment = new MemorySegment[4];
    private long[] sourceBase = new long[4];
    private int[] sourceLength = new int[4];
    private String[] sourceName = new String[4];
    private int sourceCount;
    private int currentSource;

    private byte[] scratch = new byte[1024];
    private MemorySegment scratchSegment = MemorySegment.ofArray(scratch);
    private int scratchLength;

    private int[] expertNodes = new int[16];
    private int expertCount;

    private final FieldRegistry registry;

    /** A tree for the fields of {@code registry} (an engine's: {@link Engine#tree()}). */
    Tree(FieldRegistry registry) {
        this.registry = registry;
        ensureFieldCapacity();
    }

    FieldRegistry registry() {
        return registry;
    }

    // ---- wanted fields ---------------------------------------------------------------------

    /**
     * Records every field from now on (for {@code -V}, JSON and tests), or, with {@code false}, only
     * the wanted ones again. Allocates a flag per field id.
     *
     * @param all {@code true} to record every field
     */
    public void wantAll(boolean all) {
        this.wantAll = all;
        owners = null;
        rebuildRecords();
    }

    /**
     * Whether every field is recorded.
     *
     * @return the value last set with {@link #wantAll(boolean)}
     */
    public boolean wantsAll() {
        return wantAll;
    }

    /**
     * Records {@code f} from now on. Prime the wanted set before the first packet (see the class
     * comment); each call may allocate.
     *
     * @param f the field
     */
    public void want(Field f) {
        want(f.id());
    }

    /**
     * Records the field with id {@code fieldId} from now on.
     *
     * @param fieldId a {@link Field#id()}
     */
    public void want(int fieldId) {
        ensureFieldCapacity();
        owners = null;
        if (fieldId >= wanted.length * 64) {
            wanted = Arrays.copyOf(wanted, (fieldId >>> 6) + 1);
        }
        wanted[fieldId >>> 6] |= 1L << fieldId;
        if (fieldId >= records.length) {
            rebuildRecords();
        }
        records[fieldId] = true;
    }

    /** Records no field from now on: forgets every {@link #want} and turns {@link #wantAll} off. */
    public void clearWants() {
        owners = null;
        Arrays.fill(wanted, 0);
        wantAll = false;
        rebuildRecords();
    }

    /**
     * Whether {@code f} is recorded; ask before costly decoding nobody asked for. One array load.
     *
     * @param f the field
     * @return {@code true} when {@code f} is wanted or everything is
     */
    public boolean wants(Field f) {
        return records(f.id());
    }

    /**
     * Whether the field with id {@code fieldId} is recorded (same as {@link #wants(Field)}).
     *
     * @param fieldId a {@link Field#id()}
     * @return {@code true} when the field is wanted or everything is
     */
    public boolean wants(int fieldId) {
        return records(fieldId);
    }

    /**
     * {@code records[id]} is {@code wantAll || id wanted}, precomputed whenever either changes so the
     * test every add makes is one array load; ids registered after the last change fall back to {@code wantAll}.
     */
    private boolean records(int id) {
        boolean[] r = records;
        return id >= 0 && id < r.length ? r[id] : wantAll;
    }

    private void rebuildRecords() {
        int n = Math.max(Field.idLimit(), wanted.length * 64);
        boolean[] r = new boolean[n];
        for (int id = 0; id < n; id++) {
            int w = id >>> 6;
            r[id] = wantAll || w < wanted.length && (wanted[w] & (1L << id)) != 0;
        }
        records = r;
    }

    /** Wanted field ids ({@code [0]}) and the field ids of the protocols owning them ({@code [1]}); rebuilt lazily. */
    private int[][] owners;

    /**
     * The wanted fields and their protocols: {@code [0][i]} is a wanted field id, {@code [1][i]}
     * the id of the protocol field that owns it (the engine's one rule, see {@link FieldRegistry}),
     * or -1 when the owner is unknown or the field's value needs the whole packet. Computed once
     * per change of the wanted set.
     */
    int[][] wantedOwners() {
        int[][] o = owners;
        if (o == null) {
            int count = 0;
            for (long w : wanted) {
                count += Long.bitCount(w);
            }
            int[] ids = new int[count];
            int[] own = new int[count];
            int i = 0;
            for (int w = 0; w < wanted.length; w++) {
                for (long bits = wanted[w]; bits != 0; bits &= bits - 1) {
                    int id = w * 64 + Long.numberOfTrailingZeros(bits);
                    Field f = registry.field(id);
                    Protocol owner = registry.owner(id);
                    ids[i] = id;
                    own[i++] = f == null || f.wholePacket() || owner == null ? -1 : owner.field().id();
                }
            }
            o = new int[][] {ids, own};
            owners = o;
        }
        return o;
    }

    // ---- per packet ------------------------------------------------------------------------

    /**
     * Forgets the previous packet; {@code frame} becomes data source 0. The engine calls it at the
     * start of every frame; the wanted set is kept.
     *
     * @param frame the segment holding the frame's bytes
     * @param base where the frame's first byte lies in {@code frame}
     * @param capturedLength the captured bytes of the frame
     */
    public void reset(MemorySegment frame, long base, int capturedLength) {
        for (int i = 0; i < touchedCount; i++) {
            int f = touched[i];
            first[f] = -1;
        }
        touchedCount = 0;
        size = 0;
        overflowed = false;
        depth = 0;
        currentParent = -1;
        scratchLength = 0;
        expertCount = 0;
        sourceCount = 0;
        addSource(frame, base, capturedLength, "Frame");
        currentSource = 0;
    }

    /**
     * Adds a data source (e.g. reassembled bytes) and returns its index; the bytes must stay valid for
     * this packet (the tree only refers to them). Call {@link Packet#callOnSource} to dissect them.
     * Sources are forgotten at the next {@link #reset}.
     *
     * @param seg the segment holding the bytes
     * @param base where the source's first byte lies in {@code seg}
     * @param len the source's length in bytes
     * @param name the name shown for the source, e.g. {@code Reassembled TCP}
     * @return the new source's index, 1 or more
     */
    public int addSource(MemorySegment seg, long base, int len, String name) {
        if (sourceCount == sourceSegment.length) {
            int n = sourceCount * 2;
            sourceSegment = Arrays.copyOf(sourceSegment, n);
            sourceBase = Arrays.copyOf(sourceBase, n);
            sourceLength = Arrays.copyOf(sourceLength, n);
            sourceName = Arrays.copyOf(sourceName, n);
        }
        sourceSegment[sourceCount] = seg;
        sourceBase[sourceCount] = base;
        sourceLength[sourceCount] = len;
        sourceName[sourceCount] = name;
        return sourceCount++;
    }

    /**
     * Drops the data source added last (a reassembly whose dissector asked for even more data), unless
     * it is source 0 or nodes still refer to it; returns whether it was dropped.
     *
     * @return {@code true} when it was dropped
     */
    public boolean removeLastSource() {
        int src = sourceCount - 1;
        if (src <= 0) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (nodes[i * NODE_INTS + SOURCE] == src) {
                return false;
            }
        }
        sourceSegment[src] = null;
        sourceName[src] = null;
        sourceCount = src;
        if (currentSource == src) {
            currentSource = 0;
        }
        return true;
    }

    /**
     * How many data sources this packet has (the frame included).
     *
     * @return the count, 1 or more after {@link #reset}
     */
    public int sourceCount() {
        return sourceCount;
    }

    /**
     * Makes {@code index} the source that later nodes refer to ({@link Packet#callOnSource} does it
     * around its call).
     *
     * @param index a source index
     */
    public void useSource(int index) {
        this.currentSource = index;
    }

    /**
     * The source that nodes added now refer to.
     *
     * @return the source index
     */
    public int currentSource() {
        return currentSource;
    }

    /**
     * The segment holding the bytes of a source ({@link #SCRATCH} included). Valid until the next
     * packet is dissected; the scratch segment is replaced when the scratch area grows.
     *
     * @param src a source index or {@link #SCRATCH}
     * @return the segment
     */
    public MemorySegment segment(int src) {
        return src == SCRATCH ? scratchSegment : sourceSegment[src];
    }

    /**
     * Where offset 0 of a source lies in its {@link #segment}.
     *
     * @param src a source index or {@link #SCRATCH}
     * @return the byte position (0 for the scratch area)
     */
    public long base(int src) {
        return src == SCRATCH ? 0 : sourceBase[src];
    }

    /**
     * The length of a source.
     *
     * @param src a source index or {@link #SCRATCH}
     * @return its length in bytes (for the scratch area, the bytes used so far)
     */
    public int sourceLength(int src) {
        return src == SCRATCH ? scratchLength : sourceLength[src];
    }

    /**
     * The name of a source.
     *
     * @param src a source index or {@link #SCRATCH}
     * @return e.g. {@code Frame}, or {@code Generated} for the scratch area
     */
    public String sourceName(int src) {
        return src == SCRATCH ? "Generated" : sourceName[src];
    }

    // ---- adding nodes ----------------------------------------------------------------------

    /**
     * Records a node whose value is its bytes (protocols, FT_NONE, bytes, strings, MAC and IPv6
     * addresses), under the current parent, in the current source. Nothing is read or checked here:
     * the node only refers to the bytes.
     *
     * @param f the field
     * @param off the offset in the current source
     * @param len the length in bytes
     * @return the node, or -1 when {@code f} is not wanted or the node limit is reached
     */
    public int add(Field f, int off, int len) {
        if (!records(f.id())) {
            return -1;
        }
        return store(f.id(), currentSource, off, len, 0, 0);
    }

    /**
     * Records an integer or boolean field; a field with a bitmask stores {@code (raw & mask) >>> shift},
     * a boolean 1 or 0.
     *
     * @param f the field
     * @param off the offset in the current source
     * @param len the length in bytes
     * @param raw the value read from the packet
     * @return the node, or -1 when {@code f} is not wanted or the node limit is reached
     */
    public int addUint(Field f, int off, int len, long raw) {
        if (!records(f.id())) {
            return -1;
        }
        return store(f.id(), currentSource, off, len, f.valueOf(raw), 0);
    }

    /**
     * Records a signed integer, a time in nanoseconds or an IPv4 address (as an unsigned 32-bit
     * value), stored as given (no bitmask applied).
     *
     * @param f the field
     * @param off the offset in the current source
     * @param len the length in bytes
     * @param v the value
     * @return the node, or -1 when {@code f} is not wanted or the node limit is reached
     */
    public int addLong(Field f, int off, int len, long v) {
        if (!records(f.id())) {
            return -1;
        }
        return store(f.id(), currentSource, off, len, v, 0);
    }

    /**
     * Records a computed value that has no bytes of its own (shown in brackets; flag {@link #GENERATED}).
     *
     * @param f the field
     * @param v the value
     * @return the node, or -1 when {@code f} is not wanted or the node limit is reached
     */
    public int addGenerated(Field f, long v) {
        if (!records(f.id())) {
            return -1;
        }
        return store(f.id(), currentSource, 0, 0, v, GENERATED);
    }

    /**
     * Records a {@link FieldType#FLOAT} or {@link FieldType#DOUBLE} value (its bits; read it with
     * {@link #doubleValue}).
     *
     * @param f the field
     * @param off the offset in the current source
     * @param len the length in bytes
     * @param v the value
     * @return the node, or -1 when {@code f} is not wanted or the node limit is reached
     */
    public int addDouble(Field f, int off, int len, double v) {
        return addLong(f, off, len, Double.doubleToRawLongBits(v));
    }

    /**
     * Records a generated string (ASCII or UTF-8) in the scratch area: encoded as UTF-8 and copied,
     * so {@code s} may be a reused builder. Allocates only when the scratch area grows (up to 64 MiB;
     * past that the text is cut).
     *
     * @param f the field
     * @param s the text
     * @return the node, or -1 when {@code f} is not wanted or the node limit is reached
     */
    public int addString(Field f, CharSequence s) {
        if (!records(f.id())) {
            return -1;
        }
        int start = scratchLength;
        putScratch(s);
        return store(f.id(), SCRATCH, start, scratchLength - start, 0, GENERATED);
    }

    /**
     * Records generated bytes (copied into the scratch area), e.g. decrypted or decoded data.
     *
     * @param f the field
     * @param from the segment to copy from
     * @param at where the bytes start in {@code from}
     * @param len how many bytes
     * @return the node, or -1 when {@code f} is not wanted or the node limit is reached
     */
    public int addBytes(Field f, MemorySegment from, long at, int len) {
        if (!records(f.id())) {
            return -1;
        }
        int start = scratchLength;
        if (len > 0 && scratchRoom(len)) {
            // one bulk copy instead of a bounds-checked segment read per byte
            MemorySegment.copy(from, Bytes.U8, at, scratch, start, len);
            scratchLength = start + len;
        } else {
            for (int i = 0; i < len; i++) {
                putScratch(from.get(Bytes.U8, at + i));
            }
        }
        return store(f.id(), SCRATCH, start, len, 0, GENERATED);
    }

    /**
     * Records a node and makes it the parent of the nodes added until {@link #close()}. When
     * {@code f} is not wanted the subtree is still opened (with parent -1), so every {@code open}
     * needs its {@code close}.
     *
     * @param f the field, usually a protocol's
     * @param off the offset in the current source
     * @param len the length in bytes ({@link #setLength} fixes it later)
     * @return the node, or -1 when it was not recorded
     */
    public int open(Field f, int off, int len) {
        int n = add(f, off, len);
        push(n);
        return n;
    }

    /**
     * Like {@link #open(Field, int, int)} for an integer field (e.g. a flags word with its bits below it).
     *
     * @param f the field
     * @param off the offset in the current source
     * @param len the length in bytes
     * @param raw the value read from the packet
     * @return the node, or -1 when it was not recorded
     */
    public int openUint(Field f, int off, int len, long raw) {
        int n = addUint(f, off, len, raw);
        push(n);
        return n;
    }

    /**
     * Makes an existing node (or -1, meaning "not recorded") the parent of later nodes, until
     * {@link #close()}. Past 256 levels the parent to return to is not remembered: after a
     * {@code close()} there, later nodes get parent -1.
     *
     * @param node the node, or -1
     */
    public void push(int node) {
        if (depth < MAX_DEPTH) {
            parents[depth] = currentParent;
        }
        depth++;
        currentParent = node;
    }

    /** Ends the subtree opened last; does nothing when none is open. */
    public void close() {
        if (depth == 0) {
            return;
        }
        depth--;
        currentParent = depth < MAX_DEPTH ? parents[depth] : -1;
    }

    /**
     * Restores the parent stack depth saved with {@link #depth()} (after an exception unwound dissectors).
     *
     * @param savedDepth a value {@link #depth()} returned earlier in this packet
     */
    public void unwindTo(int savedDepth) {
        while (depth > savedDepth) {
            close();
        }
    }

    /**
     * How many subtrees are open.
     *
     * @return the depth of the parent stack
     */
    public int depth() {
        return depth;
    }

    /**
     * Records an expert item for later display ({@code -z expert}, {@code _ws.expert}); its value is
     * the expert's {@link Expert#id()}, its flag {@link #EXPERT}. Recorded whatever is wanted (only
     * the node limit stops it).
     *
     * @param e the expert item
     * @param off the offset in the current source
     * @param len the length in bytes
     * @return the node, or -1 when not recorded
     */
    public int expert(Expert e, int off, int len) {
        if (expertCount == expertNodes.length) {
            expertNodes = Arrays.copyOf(expertNodes, expertCount * 2);
        }
        int n = store(e.field().id(), currentSource, off, len, e.id(), EXPERT);
        if (n >= 0) {
            expertNodes[expertCount++] = n;
        }
        return n;
    }

    /**
     * Records an expert item whose text is composed for this packet ({@code Connection establish
     * request (SYN): server port 443}). Compose {@code message} only when
     * {@link #wantsExpertMessages()} says an output will show it; pass {@code null} otherwise and
     * the definition's fixed message is shown. The text goes to the scratch area: no allocation
     * (unless the scratch area grows).
     *
     * @param e the expert item
     * @param off the offset in the current source
     * @param len the length in bytes
     * @param message the text, or {@code null}
     * @return the node, or -1 when not recorded
     */
    public int expert(Expert e, int off, int len, CharSequence message) {
        int n = expert(e, off, len);
        if (n >= 0 && message != null && wantsExpertMessages()) {
            push(n);
            int m = store(EngineFields.EXPERT_MESSAGE.id(), SCRATCH, scratchLength, 0, 0, GENERATED | HIDDEN);
            int start = scratchLength;
            putScratch(message);
            nodes[m * NODE_INTS + LENGTH] = scratchLength - start;
            close();
        }
        return n;
    }

    /**
     * Records an expert item whose message is the text it covers (an HTTP request line, as
     * Wireshark's "Formatted text" items).
     *
     * @param e the expert item
     * @param off the offset in the current source
     * @param len the length in bytes of the text
     * @return the node, or -1 when not recorded
     */
    public int expertQuoting(Expert e, int off, int len) {
        int n = expert(e, off, len);
        if (n >= 0 && wantsExpertMessages()) {
            push(n);
            store(EngineFields.EXPERT_MESSAGE.id(), currentSource, off, len, 0, GENERATED | HIDDEN);
            close();
        }
        return n;
    }

    /**
     * Whether an output shows expert messages (then dissectors compose per-packet texts).
     *
     * @return {@code true} when {@code _ws.expert.message} is recorded
     */
    public boolean wantsExpertMessages() {
        return records(EngineFields.EXPERT_MESSAGE.id());
    }

    /**
     * Appends the message of expert node {@code node}: its per-packet text if one was recorded, else the definition's.
     *
     * @param node an expert node ({@link #expertNode})
     * @param out where to append
     */
    public void expertMessage(int node, StringBuilder out) {
        int m = node + 1;
        if (m < size && nodes[m * NODE_INTS + PARENT] == node && nodes[m * NODE_INTS + FIELD] == EngineFields.EXPERT_MESSAGE.id()) {
            FieldFormat.string(this, m, out);
        } else {
            out.append(expertOf(node).message());
        }
    }

    /**
     * How many expert items this packet recorded.
     *
     * @return the count
     */
    public int expertCount() {
        return expertCount;
    }

    /**
     * The i-th expert node of this packet, in the order recorded.
     *
     * @param i 0 .. {@link #expertCount()} - 1
     * @return the node
     */
    public int expertNode(int i) {
        return expertNodes[i];
    }

    /**
     * The expert definition of an expert node, among the experts the engine's plugins registered
     * ({@link Registrar#experts}).
     *
     * @param node a node with flag {@link #EXPERT}
     * @return the definition, or {@code null} for an expert no plugin of this engine registered
     */
    public Expert expertOf(int node) {
        return registry.expert((int) value[node]);
    }

    /**
     * Sets a node's length once it is known (e.g. a protocol's header length); ignored for -1.
     *
     * @param node the node, or -1
     * @param len the length in bytes
     */
    public void setLength(int node, int len) {
        if (node >= 0) {
            nodes[node * NODE_INTS + LENGTH] = len;
        }
    }

    /**
     * Replaces a node's value; ignored for -1.
     *
     * @param node the node, or -1
     * @param v the value
     */
    public void setValue(int node, long v) {
        if (node >= 0) {
            value[node] = v;
        }
    }

    /**
     * Adds flags ({@link #GENERATED}, {@link #HIDDEN}, {@link #UTF16}, {@link #MISSING}...) to a
     * node; ignored for -1.
     *
     * @param node the node, or -1
     * @param f the flags to set (others are kept)
     */
    public void setFlags(int node, int f) {
        if (node >= 0) {
            nodes[node * NODE_INTS + FLAGS] |= f;
        }
    }

    /**
     * Removes every node added after {@code mark} (a heuristic dissector said "not mine").
     *
     * @param mark a value {@link #size()} returned earlier in this packet
     */
    public void truncate(int mark) {
        if (mark >= size) {
            return;
        }
        for (int i = 0; i < touchedCount; i++) {
            int f = touched[i];
            int n = first[f];
            if (n >= mark) {
                first[f] = -1;
                continue;
            }
            int prev = -1;
            while (n >= 0 && n < mark) {
                prev = n;
                n = nodes[n * NODE_INTS + NEXT];
            }
            nodes[prev * NODE_INTS + NEXT] = -1;
            last[f] = prev;
        }
        int w = 0;
        for (int i = 0; i < touchedCount; i++) {
            if (first[touched[i]] >= 0) {
                touched[w++] = touched[i];
            }
        }
        touchedCount = w;
        while (expertCount > 0 && expertNodes[expertCount - 1] >= mark) {
            expertCount--;
        }
        size = mark;
    }

    private void putScratch(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                putScratch((byte) c);
            } else if (c < 0x800) {
                putScratch((byte) (0xC0 | (c >> 6)));
                putScratch((byte) (0x80 | (c & 0x3F)));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                putScratch((byte) (0xF0 | (cp >> 18)));
                putScratch((byte) (0x80 | ((cp >> 12) & 0x3F)));
                putScratch((byte) (0x80 | ((cp >> 6) & 0x3F)));
                putScratch((byte) (0x80 | (cp & 0x3F)));
            } else {
                putScratch((byte) (0xE0 | (c >> 12)));
                putScratch((byte) (0x80 | ((c >> 6) & 0x3F)));
                putScratch((byte) (0x80 | (c & 0x3F)));
            }
        }
    }

    private void putScratch(byte b) {
        if (scratchRoom(1)) {
            scratch[scratchLength++] = b;
        }
    }

    /** Whether {@code n} more bytes fit in the scratch area, growing it (doubling, up to its bound) if needed. */
    private boolean scratchRoom(int n) {
        long need = (long) scratchLength + n;
        if (need <= scratch.length) {
            return true;
        }
        if (need > MAX_SCRATCH) {
            return false;
        }
        int c = scratch.length;
        while (c < need) {
            c *= 2;
        }
        scratch = Arrays.copyOf(scratch, c);
        scratchSegment = MemorySegment.ofArray(scratch);
        return true;
    }

    private int store(int fid, int src, int off, int len, long v, int fl) {
        int n = size;
        if (n == value.length) {
            if (n >= MAX_NODES) {
                overflowed = true;
                return -1;
            }
            grow();
        }
        if (fid >= first.length) {
            ensureFieldCapacity();
        }
        int[] a = nodes;
        int at = n * NODE_INTS;
        a[at + FIELD] = fid;
        a[at + PARENT] = currentParent;
        a[at + SOURCE] = src;
        a[at + OFFSET] = off;
        a[at + LENGTH] = len;
        a[at + FLAGS] = fl;
        a[at + NEXT] = -1;
        value[n] = v;
        int[] lastOf = last;
        if (first[fid] < 0) {
            first[fid] = n;
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = fid;
        } else {
            a[lastOf[fid] * NODE_INTS + NEXT] = n;
        }
        lastOf[fid] = n;
        size = n + 1;
        return n;
    }

    private void grow() {
        int c = value.length * 2;
        nodes = Arrays.copyOf(nodes, c * NODE_INTS);
        value = Arrays.copyOf(value, c);
    }

    private void ensureFieldCapacity() {
        int n = Field.idLimit();
        if (n > first.length) {
            int old = first.length;
            int c = Math.max(n, old * 2);
            first = Arrays.copyOf(first, c);
            last = Arrays.copyOf(last, c);
            Arrays.fill(first, old, c, -1);
        }
    }

    // ---- reading nodes ---------------------------------------------------------------------

    /**
     * How many nodes this packet has.
     *
     * @return the count; nodes are 0 .. size - 1
     */
    public int size() {
        return size;
    }

    /**
     * Whether nodes were dropped because the packet produced more than the node limit (2<sup>22</sup>).
     *
     * @return {@code true} when a node was dropped
     */
    public boolean overflowed() {
        return overflowed;
    }

    /**
     * First occurrence of a field in this packet, or -1.
     *
     * @param fieldId a {@link Field#id()}
     * @return the node, or -1
     */
    public int first(int fieldId) {
        return fieldId < first.length ? first[fieldId] : -1;
    }

    /**
     * First occurrence of a field in this packet, or -1.
     *
     * @param f the field
     * @return the node, or -1
     */
    public int first(Field f) {
        return first(f.id());
    }

    /**
     * Next occurrence of the same field, or -1.
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the node, or -1
     */
    public int next(int node) {
        return nodes[node * NODE_INTS + NEXT];
    }

    /**
     * Whether the packet has at least one occurrence of the field.
     *
     * @param f the field
     * @return {@code true} when recorded at least once
     */
    public boolean has(Field f) {
        return first(f.id()) >= 0;
    }

    /**
     * The field id of a node.
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the {@link Field#id()}
     */
    public int fieldId(int node) {
        return nodes[node * NODE_INTS + FIELD];
    }

    /**
     * The field of {@code node}.
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the field, as this engine registered it
     */
    public Field field(int node) {
        return registry.field(nodes[node * NODE_INTS + FIELD]);
    }

    /**
     * The field with id {@code fieldId} among the engine's fields ({@link Packet#protocolAt} gives
     * protocol field ids), or {@code null} when the engine did not register it.
     *
     * @param fieldId a {@link Field#id()}
     * @return the field, or {@code null}
     */
    public Field fieldById(int fieldId) {
        return registry.field(fieldId);
    }

    /**
     * The parent of a node.
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the parent node, or -1 at the top level
     */
    public int parent(int node) {
        return nodes[node * NODE_INTS + PARENT];
    }

    /**
     * The data source of a node's bytes.
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the source index, or {@link #SCRATCH}
     */
    public int source(int node) {
        return nodes[node * NODE_INTS + SOURCE];
    }

    /**
     * Where a node's bytes start in its source.
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the offset in bytes
     */
    public int offset(int node) {
        return nodes[node * NODE_INTS + OFFSET];
    }

    /**
     * How many bytes a node covers.
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the length in bytes
     */
    public int length(int node) {
        return nodes[node * NODE_INTS + LENGTH];
    }

    /**
     * A node's long value: the integer, boolean (0/1), nanoseconds, IPv4 address, expert id or
     * double bits, per the field's type. Allocates nothing.
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the value
     */
    public long value(int node) {
        return value[node];
    }

    /**
     * A {@link FieldType#FLOAT} or {@link FieldType#DOUBLE} node's value. Allocates nothing.
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the value
     */
    public double doubleValue(int node) {
        return Double.longBitsToDouble(value[node]);
    }

    /**
     * A node's flags ({@link #GENERATED}, {@link #EXPERT}, {@link #UTF16}, {@link #HIDDEN}, {@link #MISSING}).
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the flags
     */
    public int flags(int node) {
        return nodes[node * NODE_INTS + FLAGS];
    }

    /**
     * The value of the first occurrence, or {@code dflt}. Allocates nothing.
     *
     * @param f the field
     * @param dflt what to return when {@code f} was not recorded in this packet
     * @return the value, or {@code dflt}
     */
    public long valueOr(Field f, long dflt) {
        int n = first(f.id());
        return n >= 0 ? value[n] : dflt;
    }

    // ---- typed values ----------------------------------------------------------------------
    //
    // Which accessor reads which FieldType (every one of them allocates, except value, doubleValue
    // and bool: they are for applications and outputs, not for the parse path):
    //   BOOLEAN                                 bool(n)
    //   UINT8..UINT64, INT8..INT64, CHAR,
    //   FRAMENUM                                value(n)   (UINT64 above 2^63-1: Long.toUnsignedString)
    //   FLOAT, DOUBLE                           doubleValue(n)
    //   ABSOLUTE_TIME                           instant(n)   (value(n): nanoseconds since the epoch)
    //   RELATIVE_TIME                           duration(n)  (value(n): nanoseconds)
    //   STRING, STRINGZ                         string(n)
    //   IPv4, IPv6                              address(n)   (IPv4 also value(n): the address as an int)
    //   BYTES, ETHER, GUID, OID, PROTOCOL       bytes(n)
    //   any type                                text(n): the value as tshark -T fields prints it

    /**
     * The node's value as {@code tshark -T fields} prints it ({@code ip.src} gives
     * {@code "10.99.0.1"}, {@code tcp.flags} {@code "0x0012"}, a byte field its hex digits).
     * Allocates the returned string; {@link #text(int, StringBuilder)} appends without allocating one
     * (formatting some types still allocates, see {@link FieldFormat}).
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the text
     */
    public String text(int node) {
        StringBuilder sb = textScratch;
        sb.setLength(0);
        FieldFormat.value(this, node, sb);
        return sb.toString();
    }

    /**
     * Appends the node's value as {@code tshark -T fields} prints it (see {@link #text(int)}).
     * Allocates no result string; formatting may still allocate (unsigned and hex numbers, times,
     * non-ASCII strings).
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @param out where to append
     */
    public void text(int node, StringBuilder out) {
        FieldFormat.value(this, node, out);
    }

    /**
     * The node's {@code -V} line, {@code "Source Address: 10.99.0.1"} (allocates the string).
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the line, without indentation
     */
    public String label(int node) {
        StringBuilder sb = textScratch;
        sb.setLength(0);
        FieldFormat.label(this, node, sb);
        return sb.toString();
    }

    private final StringBuilder textScratch = new StringBuilder(64);

    /**
     * A {@link FieldType#BOOLEAN} node's value (any other node: whether its value is non-zero).
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the value
     */
    public boolean bool(int node) {
        return value[node] != 0;
    }

    /**
     * The text of a {@link FieldType#STRING}/{@link FieldType#STRINGZ} node (UTF-8, or UTF-16LE
     * where the dissector said so). For a node of any other type this is {@link #text(int)}: the
     * bytes of an integer field are never returned as if they were characters. Allocates.
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the text
     */
    public String string(int node) {
        FieldType type = field(node).type();
        if (type != FieldType.STRING && type != FieldType.STRINGZ) {
            return text(node);
        }
        byte[] b = bytes(node);
        if ((nodes[node * NODE_INTS + FLAGS] & UTF16) != 0) {
            return new String(b, StandardCharsets.UTF_16LE);
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * A copy of the bytes the node covers in its data source (any type; empty for generated nodes
     * without bytes), clipped to what the source holds: a node whose length runs past the captured
     * bytes gives only the captured part, never bytes of the next record. Allocates the array.
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return a new array
     */
    public byte[] bytes(int node) {
        int src = nodes[node * NODE_INTS + SOURCE];
        int off = nodes[node * NODE_INTS + OFFSET];
        int len = Math.max(0, Math.min(nodes[node * NODE_INTS + LENGTH], sourceLength(src) - off));
        byte[] b = new byte[len];
        MemorySegment.copy(segment(src), Bytes.U8, base(src) + off, b, 0, len);
        return b;
    }

    /**
     * An {@link FieldType#ABSOLUTE_TIME} node's instant.
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the instant
     * @throws IllegalArgumentException when the node is of another type
     */
    public Instant instant(int node) {
        requireType(node, FieldType.ABSOLUTE_TIME);
        return Instant.ofEpochSecond(0, value[node]);
    }

    /**
     * A {@link FieldType#RELATIVE_TIME} node's duration.
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the duration
     * @throws IllegalArgumentException when the node is of another type
     */
    public Duration duration(int node) {
        requireType(node, FieldType.RELATIVE_TIME);
        return Duration.ofNanos(value[node]);
    }

    /**
     * An {@link FieldType#IPv4} or {@link FieldType#IPv6} node's address (no name lookup).
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the address
     * @throws IllegalArgumentException when the node is of another type
     */
    public InetAddress address(int node) {
        FieldType type = field(node).type();
        byte[] raw;
        if (type == FieldType.IPv4) {
            int v = (int) value[node];
            raw = new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        } else if (type == FieldType.IPv6) {
            raw = bytes(node);
        } else {
            throw wrongType(node, "an IPv4 or IPv6 address");
        }
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("node " + node + " of " + field(node).abbrev() + " holds " + raw.length + " address bytes", e);
        }
    }

    private void requireType(int node, FieldType type) {
        if (field(node).type() != type) {
            throw wrongType(node, type.wiresharkName());
        }
    }

    private IllegalArgumentException wrongType(int node, String wanted) {
        Field f = field(node);
        return new IllegalArgumentException(f.abbrev() + " is " + f.type().wiresharkName() + ", not " + wanted
                + "; text(node) renders any field");
    }

    /**
     * Byte {@code i} of a node's bytes. Not checked against the node's length.
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @param i the index from the node's first byte
     * @return the byte, 0..255
     */
    public int byteAt(int node, int i) {
        return Bytes.u8(segment(nodes[node * NODE_INTS + SOURCE]), base(nodes[node * NODE_INTS + SOURCE]) + nodes[node * NODE_INTS + OFFSET] + i);
    }
}
