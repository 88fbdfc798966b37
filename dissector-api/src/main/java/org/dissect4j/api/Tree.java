package org.dissect4j.api;

import java.lang.foreign.MemorySegment;
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
 * <p><b>Two halves.</b> This class writes the tree (the wanted set, data sources, nodes, expert items);
 * what outputs and applications read is declared by {@link TreeView}, its superclass.
 *
 * <p>Nodes and values are valid until the next packet is dissected.
 */
public final class Tree extends TreeView {
    private static final int MAX_NODES = 1 << 22;
    private static final int MAX_DEPTH = 256;
    private static final int MAX_SCRATCH = 64 << 20;

    private int[] last = new int[0];
    private int[] touched = new int[64];
    private int touchedCount;

    private long[] wanted = new long[0];
    private boolean[] records = new boolean[0];
    private boolean wantAll;

    private final int[] parents = new int[MAX_DEPTH];
    private int depth;
    private int currentParent = -1;
    private int currentSource;

    private boolean labels;
    private final StringBuilder labelScratch = new StringBuilder(128);

    /** A tree for the fields of {@code registry} (an engine's: {@link Engine#tree()}). */
    Tree(FieldRegistry registry) {
        super(registry);
        ensureFieldCapacity();
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
        return records(id(f));
    }

    /**
     * Whether {@code f} was {@linkplain #want wanted by name}, not only through {@link #wantAll}: for a field
     * tshark does not have (a fingerprint of a later release, a summary of our own), which a tree output
     * ({@code -V}, PDML, JSON) must not show unless a filter or {@code -e} names it.
     *
     * @param f the field
     * @return {@code true} when {@code f} itself is wanted
     */
    public boolean wantsByName(Field f) {
        int id = f.id();
        int w = id >>> 6;
        return w < wanted.length && (wanted[w] & (1L << id)) != 0;
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
        return id < r.length ? id >= 0 && r[id] : wantAll;
    }

    /** Field ids recorded in place of others while a dissector lends its code to another protocol; null: none. */
    private int[] aliases;

    /**
     * Records fields under other ids from now on, until called again: {@code aliases[f.id()]} is the id recorded
     * (and asked by {@link #wants(Field)}) instead of {@code f}'s, {@link #DROPPED} to record nothing; ids past the
     * array's end are recorded as they are; {@code null} ends the aliasing. DTLS records TLS's handshake code under
     * its own {@code dtls.*} fields this way, as Wireshark runs one handshake dissector with two sets of fields.
     *
     * @param aliases the id map, or {@code null}
     * @return the map in effect before (to restore it)
     */
    public int[] alias(int[] aliases) {
        int[] before = this.aliases;
        this.aliases = aliases;
        return before;
    }

    /** An {@link #alias} entry: the field is not recorded. */
    public static final int DROPPED = -1;

    private int id(Field f) {
        int id = f.id();
        int[] a = aliases;
        return a == null || id >= a.length ? id : a[id];
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

    /** What the wanted set means per protocol; {@code null} until asked after a change of the set. */
    private WantedOwners owners;

    private WantedOwners owners() {
        WantedOwners o = owners;
        if (o == null) {
            o = new WantedOwners(wanted, registry);
            owners = o;
        }
        return o;
    }

    /** The wanted fields and the protocols owning them, as {@link WantedOwners#fieldsAndOwners}. */
    int[][] wantedOwners() {
        return owners().fieldsAndOwners;
    }

    /**
     * Whether any field {@code pr} owns (its protocol field included) is recorded: when not, a dissector may skip
     * its adds and the reads that only feed them, as Wireshark skips subtrees no one looks at ({@link WantedOwners}).
     * @param pr the protocol
     * @return {@code true} when everything is wanted, or some field of {@code pr}, or a field whose owner is unknown
     */
    public boolean wantsAnyOf(Protocol pr) {
        return wantAll || owners().wantsAnyOf(pr);
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
        aliases = null;
        overflowed = false;
        depth = 0;
        currentParent = -1;
        scratch.length = 0;
        expertCount = 0;
        sourceCount = 0;
        addSource(frame, base, capturedLength, "Frame");
        currentSource = 0;
    }

    /**
     * Adds a data source (e.g. reassembled bytes), valid for this packet (the tree only refers to the bytes;
     * {@link #reset} forgets it). Call {@link Packet#callOnSource} to dissect them.
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

    // ---- adding nodes ----------------------------------------------------------------------

    /**
     * Records a node whose value is its bytes (protocols, FT_NONE, bytes, strings, MAC and IPv6 addresses) under
     * the current parent, in the current source: nothing is read or checked, the node only refers to the bytes.
     *
     * @param f the field
     * @param off the offset in the current source
     * @param len the length in bytes
     * @return the node, or -1 when {@code f} is not wanted or the node limit is reached
     */
    public int add(Field f, int off, int len) {
        int id = id(f);
        if (!records(id) || uncaptured(f, off, len)) {
            return -1;
        }
        return store(id, currentSource, off, len, 0, 0);
    }

    /**
     * The clipping rule: a field whose value is its bytes (bytes, strings, addresses; not a protocol or a
     * text item, whose length only tells what it covers) is not recorded when some of those bytes were not
     * captured, as tshark's {@code proto_tree_add_item} throws there; so no output formats memory behind the
     * frame. Integer fields need no check: their value was read through {@link Packet}'s checked reads.
     */
    private boolean uncaptured(Field f, int off, int len) {
        if (len <= 0 || currentSource == SCRATCH || (long) off + len <= sourceLength[currentSource]) {
            return false;
        }
        FieldType type = f.type();
        return type != FieldType.PROTOCOL && type != FieldType.NONE;
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
        int id = id(f);
        if (!records(id)) {
            return -1;
        }
        return store(id, currentSource, off, len, f.valueOf(raw), 0);
    }

    /**
     * Records a signed integer, a time in nanoseconds or an IPv4 address (unsigned 32-bit), as given (no bitmask).
     *
     * @param f the field
     * @param off the offset in the current source
     * @param len the length in bytes
     * @param v the value
     * @return the node, or -1 when {@code f} is not wanted or the node limit is reached
     */
    public int addLong(Field f, int off, int len, long v) {
        int id = id(f);
        if (!records(id)) {
            return -1;
        }
        return store(id, currentSource, off, len, v, 0);
    }

    /**
     * Records a computed value that has no bytes of its own (shown in brackets; flag {@link #GENERATED}).
     *
     * @param f the field
     * @param v the value
     * @return the node, or -1 when {@code f} is not wanted or the node limit is reached
     */
    public int addGenerated(Field f, long v) {
        int id = id(f);
        if (!records(id)) {
            return -1;
        }
        return store(id, currentSource, 0, 0, v, GENERATED);
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
        int id = id(f);
        if (!records(id)) {
            return -1;
        }
        int start = scratch.length;
        scratch.put(s);
        return store(id, SCRATCH, start, scratch.length - start, 0, GENERATED);
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
        int id = id(f);
        if (!records(id)) {
            return -1;
        }
        int start = scratch.copy(from, at, len);
        return store(id, SCRATCH, start, scratch.length - start, 0, GENERATED);
    }

    /**
     * Records a string whose text lies in the current source but whose item covers more ({@code http.host}
     * {@code 10.0.0.1} covers {@code Host: 10.0.0.1\r\n}): copied, {@linkplain #showAt shown} over the line.
     *
     * @param f the field
     * @param valueOff where the text starts in the current source
     * @param valueLen the text's length in bytes
     * @param lineOff where the item starts
     * @param lineLen the item's length
     * @return the node, or -1 when {@code f} is not wanted or the node limit is reached
     */
    public int addStringWithin(Field f, int valueOff, int valueLen, int lineOff, int lineLen) {
        if (!records(id(f))) {
            return -1;
        }
        int n = addBytes(f, segment(currentSource), base(currentSource) + valueOff,
                Math.max(0, Math.min(valueLen, sourceLength(currentSource) - valueOff)));
        clearFlags(n, GENERATED);
        showAt(n, lineOff, lineLen);
        return n;
    }

    /**
     * Gives a node whose value is kept in the scratch area ({@link #addString}, {@link #addBytes}) the bytes
     * of the current source that outputs show for it (Wireshark adds such items over packet bytes with a
     * value of their own: {@code tcp.flags.str} over the flags word). Ignored for -1 or a node whose value
     * is in a data source.
     *
     * @param node the node, or -1
     * @param off where the shown bytes start in the current source
     * @param len how many bytes
     */
    public void showAt(int node, int off, int len) {
        if (node < 0 || nodes[node * NODE_INTS + SOURCE] != SCRATCH || !scratch.room(12)) {
            return;
        }
        int at = scratch.length;
        scratch.setInt(at, currentSource);
        scratch.setInt(at + 4, off);
        scratch.setInt(at + 8, len);
        scratch.length = at + 12;
        value[node] = at;
        nodes[node * NODE_INTS + FLAGS] |= SHOWN_AT;
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

    /** The node later nodes go under, or -1 at the top level (for {@link Packet#callNested}). */
    int currentParent() {
        return currentParent;
    }

    /**
     * Makes {@code node} the parent of later nodes without a level of the parent stack and returns the
     * parent it replaces, to be swapped back (a hand-off that starts its callee at the top level).
     */
    int swapParent(int node) {
        int old = currentParent;
        currentParent = node;
        return old;
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
     * Records an expert item ({@code -z expert}, {@code _ws.expert}; value {@link Expert#id()}, flag {@link #EXPERT})
     * whatever is wanted; a Malformed one is followed by a hidden {@code _ws.malformed} item, as in Wireshark.
     *
     * @param e the expert item
     * @param off the offset in the current source
     * @param len the length in bytes
     * @return the node, or -1 when not recorded
     */
    public int expert(Expert e, int off, int len) {
        return malformedAfter(e, record(e, off, len), off);
    }

    private int record(Expert e, int off, int len) {
        if (expertCount == expertNodes.length) {
            expertNodes = Arrays.copyOf(expertNodes, expertCount * 2);
        }
        int id = id(e.field());
        int n = store(id >= 0 ? id : e.field().id(), currentSource, off, len, e.id(), EXPERT);
        if (n >= 0) {
            expertNodes[expertCount++] = n;
        }
        return n;
    }

    /** After expert node {@code n} and its message (the engine's own Malformed experts too, as tshark's exceptions). */
    private int malformedAfter(Expert e, int n, int off) {
        if (n >= 0 && e.group() == ExpertGroup.MALFORMED) {
            int m = add(EngineFields.MALFORMED.field(), off, 0);
            setFlags(m, HIDDEN);
            setLabel(m, "Malformed Packet");
        }
        return n;
    }

    /**
     * Records an expert item whose text is composed for this packet ({@code Connection establish request (SYN):
     * server port 443}); compose it only when {@link #wantsExpertMessages()}, else pass {@code null} (the fixed
     * message is shown). The text goes to the scratch area: no allocation (unless the area grows).
     *
     * @param e the expert item
     * @param off the offset in the current source
     * @param len the length in bytes
     * @param message the text, or {@code null}
     * @return the node, or -1 when not recorded
     */
    public int expert(Expert e, int off, int len, CharSequence message) {
        int n = record(e, off, len);
        if (n >= 0 && message != null && wantsExpertMessages()) {
            push(n);
            int m = store(EngineFields.EXPERT_MESSAGE.id(), SCRATCH, scratch.length, 0, 0, GENERATED | HIDDEN);
            int start = scratch.length;
            scratch.put(message);
            nodes[m * NODE_INTS + LENGTH] = scratch.length - start;
            close();
        }
        return malformedAfter(e, n, off);
    }

    /**
     * Records an expert item under {@code item} (or, for -1, the current parent), as Wireshark's
     * {@code expert_add_info(pinfo, item, ...)} hangs it below the item it is about (SYN under the Syn flag).
     *
     * @param item the node the expert item is about, or -1
     * @param e the expert item
     * @param off the offset in the current source
     * @param len the length in bytes
     * @param message the text composed for this packet, or {@code null} for the definition's message
     * @return the node, or -1 when not recorded
     */
    public int expertOn(int item, Expert e, int off, int len, CharSequence message) {
        int saved = currentParent;
        if (item >= 0) {
            currentParent = item;
        }
        int n = expert(e, off, len, message);
        currentParent = saved;
        return n;
    }

    /**
     * Records an expert item whose message is the text it covers (an HTTP request line, Wireshark's "Formatted text").
     *
     * @param e the expert item
     * @param off the offset in the current source
     * @param len the length in bytes of the text
     * @return the node, or -1 when not recorded
     */
    public int expertQuoting(Expert e, int off, int len) {
        int n = record(e, off, len);
        if (n >= 0 && wantsExpertMessages()) {
            push(n);
            store(EngineFields.EXPERT_MESSAGE.id(), currentSource, off, len, 0, GENERATED | HIDDEN);
            close();
        }
        return malformedAfter(e, n, off);
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

    // ---- labels ------------------------------------------------------------------------------

    /**
     * Makes dissectors compose the labels tshark shows ({@code -V}, PDML {@code showname}, JSON keys); outputs
     * that print labels turn it on before the first packet.
     *
     * @param on {@code true} when an output shows labels
     */
    public void wantLabels(boolean on) {
        this.labels = on;
    }

    /**
     * Whether an output shows labels ({@link #setLabel} and {@link #appendLabel} do nothing otherwise: ask first).
     *
     * @return the value last set with {@link #wantLabels}
     */
    public boolean wantsLabels() {
        return labels;
    }

    /**
     * Gives {@code node} the text tshark shows for it, the whole line without brackets ({@code proto_item_set_text}):
     * {@code "0100 .... = Version: 4"}. Copied as UTF-8 into the scratch area (no allocation unless it grows).
     * Ignored for -1 or when labels are not {@link #wantsLabels wanted}.
     *
     * @param node the node, or -1
     * @param text the label
     */
    public void setLabel(int node, CharSequence text) {
        if (node < 0 || !labels || !scratch.room(4)) {
            return;
        }
        int at = scratch.length;
        scratch.length += 4;
        scratch.put(text);
        scratch.setInt(at, scratch.length - at - 4);
        nodes[node * NODE_INTS + LABEL] = at;
    }

    /**
     * Appends {@code text} to the label of {@code node}, its custom label or else the one
     * {@link FieldFormat#label} composes ({@code proto_item_append_text}): {@code ", Don't fragment"}
     * after {@code "Flags: 0x2"}. Ignored for -1 or when labels are not wanted.
     *
     * @param node the node, or -1
     * @param text what to append
     */
    public void appendLabel(int node, CharSequence text) {
        if (node < 0 || !labels) {
            return;
        }
        int at = nodes[node * NODE_INTS + LABEL];
        if (at >= 0 && at + 4 + scratch.getInt(at) == scratch.length) {
            scratch.put(text);       // the label is the last text in the scratch area: extend it in place
            scratch.setInt(at, scratch.length - at - 4);
            return;
        }
        StringBuilder sb = labelScratch;
        sb.setLength(0);
        FieldFormat.label(this, node, sb);
        sb.append(text);
        setLabel(node, sb);
    }

    /**
     * Removes flags from a node ({@link #GENERATED} from a string that {@link #addString} stored but that
     * is capture metadata, not a computed value); ignored for -1.
     *
     * @param node the node, or -1
     * @param f the flags to clear (others are kept)
     */
    public void clearFlags(int node, int f) {
        if (node >= 0) {
            nodes[node * NODE_INTS + FLAGS] &= ~f;
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
        a[at + LABEL] = -1;
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
}
