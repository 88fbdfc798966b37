package org.dissect4j.api;

/**
 * An expert item definition ({@code ei_register_info}): a filterable name such as
 * {@code tcp.analysis.retransmission}, a severity, a group and the message shown to the user.
 * Recording one ({@link Tree#expert}) stores only ids and offsets; the message is rendered
 * when an output asks for it.
 */
public final class Expert {
    private static final Object LOCK = new Object();
    private static volatile Expert[] all = new Expert[64];
    private static int count;

    private final int id;
    private final Field field;
    private final Severity severity;
    private final ExpertGroup group;
    private final String message;

    public Expert(String abbrev, ExpertGroup group, Severity severity, String message) {
        this(Field.define(abbrev, message, FieldType.NONE).build(), group, severity, message);
    }

    /** An expert item recorded under an existing field (e.g. an analysis flag that is also a field). */
    public Expert(Field field, ExpertGroup group, Severity severity, String message) {
        this.field = field;
        this.severity = severity;
        this.group = group;
        this.message = message;
        synchronized (LOCK) {
            Expert[] a = all;
            if (count == a.length) {
                a = java.util.Arrays.copyOf(a, a.length * 2);
            }
            this.id = count;
            a[count++] = this;
            all = a;
        }
    }

    /** The expert definition with the given id. */
    public static Expert byId(int id) {
        return all[id];
    }

    /** Process-wide index of this definition. */
    public int id() {
        return id;
    }

    public Field field() {
        return field;
    }

    public Severity severity() {
        return severity;
    }

    public ExpertGroup group() {
        return group;
    }

    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return field.abbrev();
    }
}
