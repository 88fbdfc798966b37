package org.dissect4j.api;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A field a dissector can record: abbreviation ({@code tcp.options.mss_val}), display name,
 * {@link FieldType}, {@link Base}, optional bitmask and {@link ValueNames} — Wireshark's
 * {@code header_field_info}. Declare fields as {@code static final} constants and register them
 * with {@link Registrar#fields}.
 *
 * <p>Every field gets a unique {@link #id()} when it is built: a number, nothing registered. An
 * engine knows the fields its plugins declare (by name and by id, see {@link Engine#field}); the
 * per-packet {@link Tree} and the display filters index their arrays by the id, so a lookup never
 * hashes a name. A field may be registered with several engines; its id is the same in all of them.
 *
 * <p>A record so that the JIT may treat its components as constants: a dissector's
 * {@code t.addUint(TcpFields.SRCPORT, ...)} then tests the wanted flag of a known id, without
 * loading the field. Make fields with {@link #define}; the canonical constructor is the builder's
 * (it takes {@code id} -1 and assigns the next id itself). Equality is identity.
 */
public record Field(int id, String abbrev, String name, FieldType type, Base base, long bitmask, int shift,
        ValueNames values, String description, boolean hidden, String trueName, String falseName, int bitWidth,
        Labeler labeler, boolean allowZero, boolean wholePacket) {
    // numbering only: ids are unique in the process, and nothing here keeps a field (or its plugin's class loader) alive
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    /**
     * Registers the field under the next id (the builder's constructor: {@code id} must be -1, and
     * {@code shift} is the number of trailing zeros of {@code bitmask}).
     */
    public Field(int id, String abbrev, String name, FieldType type, Base base, long bitmask, int shift,
                 ValueNames values, String description, boolean hidden, String trueName, String falseName, int bitWidth,
                 Labeler labeler, boolean allowZero, boolean wholePacket) {
        if (id != -1) {
            throw new IllegalArgumentException("make fields with Field.define(...).build(): ids are assigned there");
        }
        if (shift != (bitmask == 0 ? 0 : Long.numberOfTrailingZeros(bitmask))) {
            throw new IllegalArgumentException("shift must be the number of trailing zeros of the bitmask");
        }
        this.abbrev = Objects.requireNonNull(abbrev);
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.base = base;
        this.bitmask = bitmask;
        this.shift = shift;
        this.values = values;
        this.description = description;
        this.hidden = hidden;
        this.trueName = trueName;
        this.falseName = falseName;
        this.bitWidth = bitWidth;
        this.labeler = labeler;
        this.allowZero = allowZero;
        this.wholePacket = wholePacket;
        this.id = NEXT_ID.getAndIncrement();
    }

    /** Starts the definition of a field. */
    public static Builder define(String abbrev, String name, FieldType type) {
        return new Builder(abbrev, name, type);
    }

    /** Whether the value depends on every layer of the packet (see {@link Builder#wholePacket()}). */
    public boolean wholePacket() {
        return wholePacket;
    }

    /** An upper bound of every id given out so far (ids are 0 .. idLimit-1). */
    static int idLimit() {
        return NEXT_ID.get();
    }

    public int id() {
        return id;
    }

    /** Filter name, e.g. {@code ip.src}. */
    public String abbrev() {
        return abbrev;
    }

    /** Display name, e.g. {@code Source Address}. */
    public String name() {
        return name;
    }

    public FieldType type() {
        return type;
    }

    public Base base() {
        return base;
    }

    /** The bits of the wire value this field covers, 0 when it covers the whole value. */
    public long bitmask() {
        return bitmask;
    }

    /** How far the masked wire value is shifted right to give the field's value. */
    public int shift() {
        return shift;
    }

    /** Names of values, or {@code null}. */
    public ValueNames values() {
        return values;
    }

    public String description() {
        return description;
    }

    /** Hidden fields (such as {@code ip.addr}) can be filtered on but are not shown in {@code -V}. */
    public boolean hidden() {
        return hidden;
    }

    /** For booleans: the text shown for true ({@code "Set"} by default). */
    public String trueName() {
        return trueName;
    }

    public String falseName() {
        return falseName;
    }

    /** For bitmask fields: width in bits of the value the mask applies to (8, 16, 24, 32...). */
    public int bitWidth() {
        return bitWidth;
    }

    /** Wireshark's {@code BASE_ALLOW_ZERO}: an empty byte string is shown as {@code <none>}, not {@code <MISSING>}. */
    public boolean allowZero() {
        return allowZero;
    }

    /** A custom {@code -V} line for this field (e.g. {@code Frame Length: 74 bytes (592 bits)}), or {@code null}. */
    public Labeler labeler() {
        return labeler;
    }

    @Override
    public String toString() {
        return abbrev;
    }

    /** Identity: two fields are the same field only if they are the same object (ids are unique). */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return id;
    }

    /** Builds a {@link Field}; {@link #build()} assigns the id. */
    public static final class Builder {
        private final String abbrev;
        private final String name;
        private final FieldType type;
        private Base base;
        private long bitmask;
        private ValueNames values;
        private String description = "";
        private boolean hidden;
        private String trueName = "Set";
        private String falseName = "Not set";
        private int bitWidth;
        private Labeler labeler;
        private boolean allowZero;
        private boolean wholePacket;

        private Builder(String abbrev, String name, FieldType type) {
            this.abbrev = Objects.requireNonNull(abbrev);
            this.name = Objects.requireNonNull(name);
            this.type = Objects.requireNonNull(type);
            this.base = type.isInteger() && type != FieldType.BOOLEAN ? Base.DEC : Base.NONE;
        }

        public Builder base(Base base) {
            this.base = base;
            return this;
        }

        /** Covers only the bits of {@code mask} in a value {@code bitWidth} bits wide. */
        public Builder mask(long mask, int bitWidth) {
            this.bitmask = mask;
            this.bitWidth = bitWidth;
            return this;
        }

        public Builder mask(long mask) {
            return mask(mask, type.size() > 0 ? type.size() * 8 : 64 - Long.numberOfLeadingZeros(mask));
        }

        public Builder values(ValueNames values) {
            this.values = values;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder hidden() {
            this.hidden = true;
            return this;
        }

        /** For booleans: the texts shown for true and false. */
        public Builder trueFalse(String trueName, String falseName) {
            this.trueName = trueName;
            this.falseName = falseName;
            return this;
        }

        /**
         * The value depends on every layer of the packet ({@code frame.protocols}): a dissector
         * may not skip later layers while it is wanted (see {@link Packet#wantsNothingBeyond}).
         */
        public Builder wholePacket() {
            this.wholePacket = true;
            return this;
        }

        /** Wireshark's {@code BASE_ALLOW_ZERO}: an empty value is normal and shows as {@code <none>}. */
        public Builder allowZero() {
            this.allowZero = true;
            return this;
        }

        /** Composes this field's {@code -V} line itself (Wireshark's {@code proto_tree_add_*_format}). */
        public Builder labeler(Labeler labeler) {
            this.labeler = labeler;
            return this;
        }

        public Field build() {
            return new Field(-1, abbrev, name, type, base, bitmask, bitmask == 0 ? 0 : Long.numberOfTrailingZeros(bitmask),
                    values, description, hidden, trueName, falseName, bitWidth, labeler, allowZero, wholePacket);
        }
    }
}
