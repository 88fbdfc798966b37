package org.dissect4j.api;

/**
 * A protocol: its long name ({@code Transmission Control Protocol}), short name shown in the
 * Protocol column ({@code TCP}) and filter name ({@code tcp}). The protocol itself is a field of
 * type {@link FieldType#PROTOCOL} ({@link #field()}), so {@code tcp} works in filters and
 * {@code frame.protocols}.
 */
public final class Protocol {
    private final String name;
    private final String shortName;
    private final Field field;
    private volatile Labeler labeler;
    private volatile boolean bytesValue;

    /**
     * A protocol; builds its field ({@link FieldType#PROTOCOL}, named {@code filterName}), which takes
     * the next field id. Declare protocols as {@code static final} constants and register them with
     * {@link Registrar#protocol}.
     *
     * @param name the long name, e.g. {@code Transmission Control Protocol}
     * @param shortName the Protocol column text, e.g. {@code TCP}
     * @param filterName the filter name, e.g. {@code tcp}
     */
    public Protocol(String name, String shortName, String filterName) {
        this.name = name;
        this.shortName = shortName;
        this.field = Field.define(filterName, name, FieldType.PROTOCOL).build();
    }

    /**
     * The long name.
     *
     * @return e.g. {@code Transmission Control Protocol}
     */
    public String name() {
        return name;
    }

    /**
     * The short name, shown in the Protocol column.
     *
     * @return e.g. {@code TCP}
     */
    public String shortName() {
        return shortName;
    }

    /**
     * The filter name (the protocol field's abbreviation).
     *
     * @return e.g. {@code tcp}
     */
    public String filterName() {
        return field.abbrev();
    }

    /**
     * The protocol's own field, of type {@link FieldType#PROTOCOL}; open it to put the layer's
     * fields under it ({@code t.open(P.field(), offset, length)}).
     *
     * @return the field
     */
    public Field field() {
        return field;
    }

    /**
     * Sets how this protocol's tree line is labelled ({@code Transmission Control Protocol, Src Port: ...}).
     * The label is composed from the recorded fields only when an output asks for it. Set one only
     * when Wireshark gives the item a text of its own: {@code -T fields} prints the label of a
     * labelled protocol and the filter name ({@code http}) of one without.
     *
     * @param labeler the labeler, or {@code null} for the plain name
     * @return this protocol
     */
    public Protocol labeler(Labeler labeler) {
        this.labeler = labeler;
        return this;
    }

    /**
     * The labeler, or {@code null} (the label is then the protocol's name).
     *
     * @return the labeler
     */
    public Labeler labeler() {
        return labeler;
    }

    /**
     * Makes {@code -T fields} print this protocol's items as their bytes in hex, as tshark prints
     * the {@code data} protocol and the protocols Wireshark registers in name only as byte fields
     * (the TCP options, e.g. {@code tcp.options.mss}). Other protocols print their label when they
     * have a {@link #labeler}, else their filter name.
     *
     * @return this protocol
     */
    public Protocol bytesValue() {
        this.bytesValue = true;
        return this;
    }

    /**
     * Whether {@code -T fields} prints this protocol's items as hex bytes ({@link #bytesValue()}).
     *
     * @return {@code true} for byte-valued protocols
     */
    public boolean hasBytesValue() {
        return bytesValue;
    }

    /**
     * The filter name.
     *
     * @return {@link #filterName()}
     */
    @Override
    public String toString() {
        return filterName();
    }
}
