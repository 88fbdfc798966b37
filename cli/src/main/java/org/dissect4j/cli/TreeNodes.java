package org.dissect4j.cli;

import org.dissect4j.api.Engine;
import org.dissect4j.api.EngineFields;
import org.dissect4j.api.Expert;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Tree;
import org.dissect4j.api.TreeView;

/**
 * What PDML, JSON and EK read of a tree node besides its label: whether it is a protocol, its value as
 * Wireshark's {@code fvalue_to_string_repr(FTREPR_DISPLAY)} gives it (PDML's {@code show}, JSON's value),
 * the hex of its bytes, its Wireshark type number and the numbers of an expert item's severity and group.
 */
final class TreeNodes {
    /** Wireshark's {@code ftenum} numbers (4.0), indexed by {@link FieldType#ordinal()}. */
    private static final int[] FTENUM = ftenums();

    private final Engine engine;

    TreeNodes(Engine engine) {
        this.engine = engine;
    }

    /**
     * A real protocol item (Wireshark's {@code FT_PROTOCOL}): a protocol field that is not one of the
     * protocols Wireshark registers in name only with a byte value (TCP options), which are byte fields there.
     */
    boolean isProtocol(Field f) {
        return f.type() == FieldType.PROTOCOL && !nameOnly(f);
    }

    /** A protocol registered in name only: its item is a byte field in Wireshark. */
    boolean nameOnly(Field f) {
        if (f.type() != FieldType.PROTOCOL || f == EngineFields.DATA.field()) {
            return false;
        }
        Protocol p = engine.protocolOf(f);
        return p != null && p.field() == f && p.hasBytesValue();
    }

    /** The protocol that owns a field, for EK's member names ({@code null} for protocols and unowned fields). */
    Protocol owner(Field f) {
        if (f.type() == FieldType.PROTOCOL) {
            return null;
        }
        Protocol p = engine.protocolOf(f);
        return p != null && p.field() != f ? p : null;
    }

    static boolean hidden(TreeView t, int n) {
        return t.field(n).hidden() || (t.flags(n) & Tree.HIDDEN) != 0;
    }

    static boolean expert(TreeView t, int n) {
        return (t.flags(n) & Tree.EXPERT) != 0;
    }

    /** The bytes a node covers in the packet: none for values kept outside the packet (generated texts). */
    static int size(TreeView t, int n) {
        return t.shownSource(n) == TreeView.SCRATCH ? 0 : t.shownLength(n);
    }

    /**
     * Where a node starts in its source. A generated value or expert item without bytes (or kept outside the packet) sits
     * where Wireshark's dissectors add such items, at offset 0 of their protocol's buffer: the start of the
     * nearest enclosing protocol.
     */
    static int pos(TreeView t, int n) {
        int start = start(t, n);
        // Wireshark's PDML: an item that starts before its parent (in another data source: decrypted or reassembled
        // bytes under an item of the frame) is placed at the parent's start plus its own
        // (only under a protocol item: dissect4j keeps some of Wireshark's items of decrypted bytes, TLS's handshake
        // messages, over the frame's bytes, and their children in the decrypted source keep their own offsets)
        int parent = t.parent(n);
        if (parent >= 0 && parent < n && t.field(parent).type() == FieldType.PROTOCOL && !shownAt(t, parent)
                && t.source(parent) != TreeView.SCRATCH && start < t.offset(parent)) {
            return t.offset(parent) + start;
        }
        return start;
    }

    private static int start(TreeView t, int n) {
        if (shownAt(t, n)) {
            return t.shownOffset(n);
        }
        boolean bytes = t.source(n) != TreeView.SCRATCH;
        if (bytes && ((t.flags(n) & (Tree.GENERATED | Tree.EXPERT)) == 0 || t.length(n) > 0 || t.offset(n) > 0)) {
            return t.offset(n);
        }
        for (int p = t.parent(n); p >= 0 && p < n; p = t.parent(p)) {
            if (t.field(p).type() == FieldType.PROTOCOL && (!bytes || t.source(p) == t.source(n))) {
                return t.source(p) == TreeView.SCRATCH ? 0 : t.offset(p);
            }
        }
        return 0;
    }

    /**
     * Appends the node's value as Wireshark's display representation and returns true, or returns false
     * for a node without one (a protocol, a text-only item): strings unescaped, bytes as colon-separated hex.
     */
    boolean show(TreeView t, int n, StringBuilder out) {
        Field f = t.field(n);
        switch (f.type()) {
            case NONE -> {
                return false;
            }
            case PROTOCOL -> {
                if (!nameOnly(f)) {
                    return false;
                }
                FieldFormat.hex(t, n, out, ":");
            }
            case STRING, STRINGZ -> out.append(t.string(n));
            case BYTES -> FieldFormat.hex(t, n, out, ":");
            default -> FieldFormat.value(t, n, out);
        }
        return true;
    }

    /** Whether the node's bytes run past what its source holds (Wireshark then writes "field length invalid!"). */
    static boolean lengthInvalid(TreeView t, int n) {
        return t.shownOffset(n) + t.shownLength(n) > t.sourceLength(t.shownSource(n));
    }

    private static boolean shownAt(TreeView t, int n) {
        return (t.flags(n) & TreeView.SHOWN_AT) != 0;
    }

    /** The node's bytes in lower-case hex, without separators. */
    static void hex(TreeView t, int n, StringBuilder out) {
        if (shownAt(t, n)) {
            FieldFormat.hex(t, t.shownSource(n), t.shownOffset(n), t.shownLength(n), out);
            return;
        }
        FieldFormat.hex(t, n, out, "");
    }

    /** A masked field's value as C's {@code %X} prints it (upper case; 32 bits for the smaller signed types). */
    static void maskedValue(TreeView t, int n, StringBuilder out) {
        long v = t.value(n);
        FieldType type = t.field(n).type();
        boolean small = type == FieldType.INT8 || type == FieldType.INT16 || type == FieldType.INT24 || type == FieldType.INT32;
        out.append((small ? Integer.toHexString((int) v) : Long.toHexString(v)).toUpperCase(java.util.Locale.ROOT));
    }

    /** Wireshark's type number of a node's field ({@code FT_BYTES} for name-only protocols). */
    int ftenum(Field f) {
        if (f.type() == FieldType.ABSOLUTE_TIME && f.base() == org.dissect4j.api.Base.UNIX_SECONDS) {
            // frame.time_epoch: a relative time (seconds since the epoch) in Wireshark 4.0
            return FTENUM[FieldType.RELATIVE_TIME.ordinal()];
        }
        return nameOnly(f) ? FTENUM[FieldType.BYTES.ordinal()] : FTENUM[f.type().ordinal()];
    }

    /** {@code _ws.expert.severity}: Wireshark's {@code PI_CHAT} etc. */
    static long severityCode(Expert e) {
        return switch (e.severity()) {
            case COMMENT -> 0x00100000L;
            case CHAT -> 0x00200000L;
            case NOTE -> 0x00400000L;
            case WARNING -> 0x00600000L;
            case ERROR -> 0x00800000L;
        };
    }

    /** {@code _ws.expert.group}: Wireshark's {@code PI_SEQUENCE} etc. (the groups in Wireshark's order). */
    static long groupCode(Expert e) {
        return (e.group().ordinal() + 1L) << 24;
    }

    private static int[] ftenums() {
        int[] a = new int[FieldType.values().length];
        for (FieldType t : FieldType.values()) {
            a[t.ordinal()] = switch (t) {
                case NONE -> 0;
                case PROTOCOL -> 1;
                case BOOLEAN -> 2;
                case CHAR -> 3;
                case UINT8 -> 4;
                case UINT16 -> 5;
                case UINT24 -> 6;
                case UINT32 -> 7;
                case UINT40 -> 8;
                case UINT48 -> 9;
                case UINT56 -> 10;
                case UINT64 -> 11;
                case INT8 -> 12;
                case INT16 -> 13;
                case INT24 -> 14;
                case INT32 -> 15;
                case INT64 -> 19;
                case FLOAT -> 22;
                case DOUBLE -> 23;
                case ABSOLUTE_TIME -> 24;
                case RELATIVE_TIME -> 25;
                case STRING -> 26;
                case STRINGZ -> 27;
                case ETHER -> 29;
                case BYTES -> 30;
                case IPv4 -> 32;
                case IPv6 -> 33;
                case FRAMENUM -> 35;
                case GUID -> 36;
                case OID -> 37;
            };
        }
        return a;
    }
}
