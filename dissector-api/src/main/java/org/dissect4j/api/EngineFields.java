package org.dissect4j.api;

/**
 * Fields and expert items the {@link Engine} itself records, with Wireshark's names:
 * {@code _ws.malformed}, {@code _ws.short}, {@code _ws.expert}, and the {@code data} protocol
 * for bytes no dissector claimed.
 */
public final class EngineFields {
    /** Its node's value is the field id of the protocol that was malformed (-1 if none). */
    public static final Protocol MALFORMED = new Protocol("Malformed Packet", "Malformed", "_ws.malformed")
            .labeler((t, n, out) -> out.append("[Malformed Packet").append(suffix(t, t.value(n))).append(']'));
    /** The expert item recorded under {@link #MALFORMED} when a layer reads past its declared length. */
    public static final Expert MALFORMED_EXPERT = new Expert("_ws.malformed.expert", ExpertGroup.MALFORMED,
            Severity.ERROR, "Malformed Packet (Exception occurred)");
    /** The expert item of a dissector bug: a dissector threw an unexpected exception on this frame. */
    public static final Expert DISSECTOR_BUG = new Expert("_ws.malformed.dissector_bug", ExpertGroup.MALFORMED,
            Severity.ERROR, "Dissector bug");
    /** The text of a dissector bug: the protocol and the exception. */
    public static final Field BUG_MESSAGE = Field.define("_ws.malformed.dissector_bug.message",
            "Dissector bug message", FieldType.STRING).build();
    /** Its node's value is the field id of the protocol that ran past the captured bytes (-1 if none). */
    public static final Protocol SHORT = new Protocol("Short Frame", "Short", "_ws.short")
            .labeler((t, n, out) -> out.append("[Packet size limited during capture")
                    .append(t.value(n) >= 0 ? ": " + name(t, t.value(n)) + " truncated" : "").append(']'));

    /** The {@code _ws.expert} protocol that expert items are shown under. */
    public static final Protocol EXPERT = new Protocol("Expert Info", "Expert", "_ws.expert");
    /** The per-packet text of an expert item, recorded as its hidden child (see {@link Tree#expert(Expert, int, int, CharSequence)}). */
    public static final Field EXPERT_MESSAGE = Field.define("_ws.expert.message", "Message", FieldType.STRING).build();
    /** An expert item's {@link ExpertGroup}, as {@code _ws.expert.group}. */
    public static final Field EXPERT_GROUP = Field.define("_ws.expert.group", "Group", FieldType.UINT32).build();
    /** An expert item's {@link Severity}, as {@code _ws.expert.severity}. */
    public static final Field EXPERT_SEVERITY = Field.define("_ws.expert.severity", "Severity level", FieldType.UINT32).build();

    /** The {@code data} protocol: bytes no dissector claimed ({@link Packet#callData}); {@code -T fields} prints them in hex. */
    public static final Protocol DATA = new Protocol("Data", "DATA", "data").bytesValue()
            .labeler((t, n, out) -> out.append("Data (").append(t.length(n)).append(t.length(n) == 1 ? " byte)" : " bytes)"));
    /** The undissected bytes, {@code data.data}. */
    public static final Field DATA_DATA = Field.define("data.data", "Data", FieldType.BYTES).build();
    /** The number of undissected bytes, {@code data.len} (generated). */
    public static final Field DATA_LEN = Field.define("data.len", "Length", FieldType.INT32).build();

    private EngineFields() {
    }

    private static String suffix(TreeView t, long protocolFieldId) {
        return protocolFieldId >= 0 ? ": " + name(t, protocolFieldId) : "";
    }

    private static String name(TreeView t, long protocolFieldId) {
        Field f = t.fieldById((int) protocolFieldId);
        Protocol p = t.registry().protocolOf(f);
        return p != null ? p.shortName() : f.abbrev();
    }

    static final Dissector DATA_DISSECTOR = (p, offset, length) -> {
        Tree t = p.tree();
        int n = Math.min(length, p.captured(offset));
        if (n <= 0) {
            return 0;
        }
        t.open(DATA.field(), offset, n);
        t.add(DATA_DATA, offset, n);
        t.addGenerated(DATA_LEN, n);
        t.close();
        return n;
    };
}
