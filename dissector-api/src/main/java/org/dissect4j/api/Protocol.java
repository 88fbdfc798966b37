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

    public Protocol(String name, String shortName, String filterName) {
        this.name = name;
        this.shortName = shortName;
        this.field = Field.define(filterName, name, FieldType.PROTOCOL).build();
    }

    public String name() {
        return name;
    }

    public String shortName() {
        return shortName;
    }

    public String filterName() {
        return field.abbrev();
    }

    public Field field() {
        return field;
    }

    /**
     * Sets how this protocol's tree line is labelled ({@code Transmission Control Protocol, Src Port: ...}).
     * The label is composed from the recorded fields only when an output asks for it.
     */
    public Protocol labeler(Labeler labeler) {
        this.labeler = labeler;
        return this;
    }

    /** The labeler, or {@code null} (the label is then the protocol's name). */
    public Labeler labeler() {
        return labeler;
    }

    @Override
    public String toString() {
        return filterName();
    }
}
