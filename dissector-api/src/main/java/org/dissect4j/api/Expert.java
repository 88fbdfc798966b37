package org.dissect4j.api;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * An expert item definition ({@code ei_register_info}): a filterable name such as
 * {@code tcp.analysis.retransmission}, a severity, a group and the message shown to the user.
 * Recording one ({@link Tree#expert}) stores only ids and offsets; the message is rendered
 * when an output asks for it.
 */
public final class Expert {
    // numbering only, as for fields: no process-wide registry keeps a definition (or its plugin) alive
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    private final int id;
    private final Field field;
    private final Severity severity;
    private final ExpertGroup group;
    private final String message;

    /**
     * An expert item with a field of its own: {@code abbrev} becomes a field of type
     * {@link FieldType#NONE} whose display name is {@code message}. Declare experts as
     * {@code static final} constants and register them with {@link Registrar#experts}; each
     * construction takes the next {@link #id()}.
     *
     * @param abbrev the filter name, e.g. {@code tcp.analysis.retransmission}
     * @param group the group
     * @param severity the severity
     * @param message the fixed message shown to the user
     */
    public Expert(String abbrev, ExpertGroup group, Severity severity, String message) {
        this(Field.define(abbrev, message, FieldType.NONE).build(), group, severity, message);
    }

    /**
     * An expert item recorded under an existing field (e.g. an analysis flag that is also a field).
     *
     * @param field the field whose id the expert's nodes carry
     * @param group the group
     * @param severity the severity
     * @param message the fixed message shown to the user
     */
    public Expert(Field field, ExpertGroup group, Severity severity, String message) {
        this.field = field;
        this.severity = severity;
        this.group = group;
        this.message = message;
        this.id = NEXT_ID.getAndIncrement();
    }

    /**
     * Unique number of this definition, given out in construction order; an engine resolves the ids
     * of the experts its plugins registered ({@link Tree#expertOf}).
     *
     * @return the id, 0 or more
     */
    public int id() {
        return id;
    }

    /**
     * The field recorded for this expert item (filterable by its name).
     *
     * @return the field
     */
    public Field field() {
        return field;
    }

    /**
     * The severity.
     *
     * @return the severity given at construction
     */
    public Severity severity() {
        return severity;
    }

    /**
     * The group.
     *
     * @return the group given at construction
     */
    public ExpertGroup group() {
        return group;
    }

    /**
     * The fixed message, shown when no per-packet text was recorded.
     *
     * @return the message given at construction
     */
    public String message() {
        return message;
    }

    /**
     * The filter name.
     *
     * @return {@link #field()}'s abbreviation
     */
    @Override
    public String toString() {
        return field.abbrev();
    }
}
