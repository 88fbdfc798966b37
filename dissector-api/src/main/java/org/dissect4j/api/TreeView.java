package org.dissect4j.api;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The read side of a {@link Tree}: the nodes of the packet just dissected, as outputs, filters and
 * applications read them — occurrences of a field ({@link #first}, {@link #next}), each node's field,
 * parent, data source, position, length, flags and value, the typed values ({@link #text},
 * {@link #string}, {@link #instant}, {@link #address}...), the data sources and the expert items.
 * Dissectors write through {@link Tree}, the only subclass; the storage layout (parallel primitive
 * arrays reused from packet to packet) is described there.
 *
 * <p>Nodes and values are valid until the next packet is dissected.
 */
public abstract sealed class TreeView permits Tree {
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
    /**
     * Flag: the node's value is kept in the scratch area, and the bytes outputs show for it (PDML {@code pos},
     * {@code size}, {@code value}) are elsewhere in a data source: {@link #shownSource}, {@link #shownOffset},
     * {@link #shownLength} (an HTTP header's value under its whole line, a flags string over the flags word).
     */
    public static final int SHOWN_AT = 32;
    /**
     * Flag: a string Wireshark decodes as {@code ENC_ASCII} (HTTP's {@code http.file_data}): every byte of 0x80 or
     * more is one U+FFFD, where a string without the flag is decoded as UTF-8.
     */
    public static final int ASCII = 64;
    /**
     * Flag: Wireshark adds this item without a buffer ({@code tvb} NULL, as {@code tcp.completeness}): {@code -T jsonraw}
     * gives it no bytes and position 0, where PDML shows it at its protocol's start like other generated items.
     */
    public static final int NO_SOURCE = 128;

    /*
     * The int columns of a node live side by side in one array, NODE_INTS slots per node (field,
     * parent, source, offset, length, flags, next, custom label: a scratch offset or -1): store() then touches one cache line and one array
     * (C2 merges the range checks of constant offsets from one base), instead of seven arrays.
     */
    static final int NODE_INTS = 8, FIELD = 0, PARENT = 1, SOURCE = 2, OFFSET = 3, LENGTH = 4, FLAGS = 5,
            NEXT = 6, LABEL = 7;
    int[] nodes = new int[256 * NODE_INTS];
    long[] value = new long[256];
    int size;
    boolean overflowed;

    int[] first = new int[0];

    MemorySegment[] sourceSegment = new MemorySegment[4];
    long[] sourceBase = new long[4];
    int[] sourceLength = new int[4];
    String[] sourceName = new String[4];
    int sourceCount;
    /** Generated values, labels and positions of the current packet. */
    final ScratchArea scratch = new ScratchArea();

    int[] expertNodes = new int[16];
    int expertCount;

    final FieldRegistry registry;

    TreeView(FieldRegistry registry) {
        this.registry = registry;
    }

    FieldRegistry registry() {
        return registry;
    }

    /**
     * How many data sources this packet has (the frame included).
     *
     * @return the count, 1 or more after {@link Tree#reset}
     */
    public int sourceCount() {
        return sourceCount;
    }

    /**
     * The segment holding the bytes of a source ({@link #SCRATCH} included). Valid until the next
     * packet is dissected; the scratch segment is replaced when the scratch area grows.
     *
     * @param src a source index or {@link #SCRATCH}
     * @return the segment
     */
    public MemorySegment segment(int src) {
        return src == SCRATCH ? scratch.segment : sourceSegment[src];
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
        return src == SCRATCH ? scratch.length : sourceLength[src];
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

    /**
     * Appends the message of expert node {@code node}: its per-packet text if one was recorded, else the definition's;
     * at most 239 characters, as Wireshark formats it into a label-sized buffer.
     *
     * @param node an expert node ({@link #expertNode})
     * @param out where to append
     */
    public void expertMessage(int node, StringBuilder out) {
        int start = out.length();
        int m = node + 1;
        if (m < size && nodes[m * NODE_INTS + PARENT] == node && nodes[m * NODE_INTS + FIELD] == EngineFields.EXPERT_MESSAGE.id()) {
            FieldFormat.string(this, m, out);
        } else {
            out.append(expertOf(node).message());
        }
        if (out.length() - start >= FieldFormat.ITEM_LABEL_LENGTH) {
            out.setLength(start + FieldFormat.ITEM_LABEL_LENGTH - 1);
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
     * The data source of the bytes outputs show for a node: {@link #source} unless {@link Tree#showAt} placed it.
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the source index, or {@link #SCRATCH}
     */
    public int shownSource(int node) {
        return shownAt(node) ? scratch.getInt((int) value[node]) : source(node);
    }

    /**
     * Where the bytes outputs show for a node start: {@link #offset} unless {@link Tree#showAt} placed it.
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the offset in bytes
     */
    public int shownOffset(int node) {
        return shownAt(node) ? scratch.getInt((int) value[node] + 4) : offset(node);
    }

    /**
     * How many bytes outputs show for a node: {@link #length} unless {@link Tree#showAt} placed it.
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return the length in bytes
     */
    public int shownLength(int node) {
        return shownAt(node) ? scratch.getInt((int) value[node] + 8) : length(node);
    }

    private boolean shownAt(int node) {
        return (nodes[node * NODE_INTS + FLAGS] & SHOWN_AT) != 0;
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

    final StringBuilder textScratch = new StringBuilder(64);
    /**
     * Bytes copied out a chunk at a time and their hex digits appended at once ({@link FieldFormat#hex}): a checked
     * read and two appends per byte cost three times as much.
     */
    final byte[] hexBytes = new byte[256];
    final char[] hexDigits = new char[512];

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
     * The text of a {@link FieldType#STRING}/{@link FieldType#STRINGZ} node (UTF-8, or UTF-16LE or ASCII
     * where the dissector said so), up to its first NUL as Wireshark's. For a node of any other type this is {@link #text(int)}: the
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
        int flags = nodes[node * NODE_INTS + FLAGS];
        if ((flags & UTF16) != 0) {
            return new String(b, StandardCharsets.UTF_16LE);
        }
        int end = cString(b);
        if ((flags & ASCII) != 0) {
            char[] c = new char[end];
            for (int i = 0; i < end; i++) {
                c[i] = b[i] >= 0 ? (char) b[i] : '\uFFFD';
            }
            return new String(c);
        }
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }

    /** Where a string's value ends: at its first NUL, as Wireshark's FT_STRING values are C strings. */
    static int cString(byte[] b) {
        int end = 0;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return end;
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
     * Whether a dissector gave the node a label of its own ({@link Tree#setLabel}, {@link Tree#appendLabel}):
     * then {@link FieldFormat#label} shows that text instead of {@code Name: value}.
     *
     * @param node a node index of the current packet (0 .. {@link #size()} - 1)
     * @return {@code true} when the node has a custom label
     */
    public boolean hasCustomLabel(int node) {
        return nodes[node * NODE_INTS + LABEL] >= 0;
    }

    /** Appends the custom label of {@code node} (UTF-8 in the scratch area after a 4-byte length). */
    void appendCustomLabel(int node, StringBuilder out) {
        int at = nodes[node * NODE_INTS + LABEL];
        int len = scratch.getInt(at);
        boolean ascii = true;
        for (int i = 0; i < len && ascii; i++) {
            ascii = Bytes.u8(scratch.segment, at + 4 + i) < 0x80;
        }
        if (ascii) {
            for (int i = 0; i < len; i++) {
                out.append((char) Bytes.u8(scratch.segment, at + 4 + i));
            }
        } else {
            byte[] utf8 = new byte[len];
            MemorySegment.copy(scratch.segment, Bytes.U8, at + 4, utf8, 0, len);
            out.append(new String(utf8, StandardCharsets.UTF_8));
        }
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
