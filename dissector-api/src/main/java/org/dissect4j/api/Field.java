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
 *
 * @param id the process-wide number of the field, assigned at construction (pass -1)
 * @param abbrev the filter name, e.g. {@code ip.src}
 * @param name the display name, e.g. {@code Source Address}
 * @param type the value type
 * @param base how the value is displayed
 * @param bitmask the bits of the wire value the field covers, 0 for all of them
 * @param shift the number of trailing zeros of {@code bitmask} (0 without one)
 * @param values names of values, or {@code null}
 * @param description a description for {@code -G fields}, {@code ""} when there is none
 * @param hidden whether the field is hidden from {@code -V} (still filterable)
 * @param trueName for booleans, the text for true
 * @param falseName for booleans, the text for false
 * @param bitWidth for bitmask fields, the width in bits of the value the mask applies to
 * @param labeler a custom {@code -V} line, or {@code null}
 * @param allowZero Wireshark's {@code BASE_ALLOW_ZERO}
 * @param wholePacket whether the value depends on every layer of the packet
 */
public record Field(int id, String abbrev, String name, FieldType type, Base base, long bitmask, int shift,
        ValueNames values, String description, boolean hidden, String trueName, String falseName, int bitWidth,
        Labeler labeler, boolean allowZero, boolean wholePacket) {
    // numbering only: ids are unique in the process, and nothing here keeps a field (or its plugin's class loader) alive
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    /**
     * Builds the field under the next id (the builder's constructor: {@code id} must be -1, and
     * {@code shift} is the number of trailing zeros of {@code bitmask}). Use {@link #define} instead.
     *
     * @param id must be -1
     * @param abbrev the filter name, not {@code null}
     * @param name the display name, not {@code null}
     * @param type the value type, not {@code null}
     * @param base how the value is displayed
     * @param bitmask the bits the field covers, 0 for all
     * @param shift the number of trailing zeros of {@code bitmask}
     * @param values names of values, or {@code null}
     * @param description a description
     * @param hidden whether hidden from {@code -V}
     * @param trueName for booleans, the text for true
     * @param falseName for booleans, the text for false
     * @param bitWidth for bitmask fields, the width in bits of the masked value
     * @param labeler a custom {@code -V} line, or {@code null}
     * @param allowZero Wireshark's {@code BASE_ALLOW_ZERO}
     * @param wholePacket whether the value depends on every layer of the packet
     * @throws IllegalArgumentException when {@code id} is not -1 or {@code shift} does not match {@code bitmask}
     * @throws NullPointerException when {@code abbrev}, {@code name} or {@code type} is {@code null}
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

    /**
     * Starts the definition of a field.
     *
     * @param abbrev the filter name, e.g. {@code tcp.srcport}
     * @param name the display name, e.g. {@code Source Port}
     * @param type the value type
     * @return a builder; integer types (not booleans) default to {@link Base#DEC}, others to {@link Base#NONE}
     */
    public static Builder define(String abbrev, String name, FieldType type) {
        return new Builder(abbrev, name, type);
    }

    /**
     * A text item (Wireshark's {@code proto_tree_add_subtree} without a header field): a line such as
     * {@code [Timestamps]} or {@code Extension: server_name (len=16)} that groups other items. It has no
     * filter name, so no filter or {@code -e} can name it; {@code -V} shows its label, PDML writes it as
     * {@code <field name="" show="LABEL">}, JSON uses the label as its key and EK lists its children in its
     * place. The label is {@code label}, or what {@link Tree#setLabel} gives the node.
     *
     * @param label the text shown
     * @return a new field; register it with the protocol's other fields
     */
    public static Field text(String label) {
        return new Builder("", label, FieldType.NONE).build();
    }

    /**
     * Whether this is a {@linkplain #text text item}: no filter name.
     *
     * @return {@code true} when the abbreviation is empty
     */
    public boolean isText() {
        return abbrev.isEmpty();
    }

    /**
     * Whether the value depends on every layer of the packet (see {@link Builder#wholePacket()}).
     *
     * @return {@code true} for fields such as {@code frame.protocols}
     */
    public boolean wholePacket() {
        return wholePacket;
    }

    /** An upper bound of every id given out so far (ids are 0 .. idLimit-1). */
    static int idLimit() {
        return NEXT_ID.get();
    }

    /**
     * The field's number: unique in the process, assigned when the field was built. Trees and
     * filters index their arrays by it.
     *
     * @return the id, 0 or more
     */
    public int id() {
        return id;
    }

    /**
     * Filter name, e.g. {@code ip.src}.
     *
     * @return the abbreviation
     */
    public String abbrev() {
        return abbrev;
    }

    /**
     * Display name, e.g. {@code Source Address}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The value type.
     *
     * @return the type
     */
    public FieldType type() {
        return type;
    }

    /**
     * How the value is displayed.
     *
     * @return the base
     */
    public Base base() {
        return base;
    }

    /**
     * The bits of the wire value this field covers, 0 when it covers the whole value.
     *
     * @return the mask
     */
    public long bitmask() {
        return bitmask;
    }

    /**
     * How far the masked wire value is shifted right to give the field's value.
     *
     * @return the number of trailing zeros of {@link #bitmask()}, 0 without a mask
     */
    public int shift() {
        return shift;
    }

    /** The field's value in the integer {@code raw} read from the packet: masked and shifted, a boolean as 0 or 1. */
    long valueOf(long raw) {
        long v = bitmask == 0 ? raw : (raw & bitmask) >>> shift;
        return type == FieldType.BOOLEAN ? (v != 0 ? 1 : 0) : v;
    }

    /**
     * Names of values, or {@code null}.
     *
     * @return the value names
     */
    public ValueNames values() {
        return values;
    }

    /**
     * A description for {@code -G fields}.
     *
     * @return the description, {@code ""} when none was given
     */
    public String description() {
        return description;
    }

    /**
     * Hidden fields (such as {@code ip.addr}) can be filtered on but are not shown in {@code -V}.
     *
     * @return whether the field is hidden
     */
    public boolean hidden() {
        return hidden;
    }

    /**
     * For booleans: the text shown for true ({@code "Set"} by default).
     *
     * @return the text
     */
    public String trueName() {
        return trueName;
    }

    /**
     * For booleans: the text shown for false ({@code "Not set"} by default).
     *
     * @return the text
     */
    public String falseName() {
        return falseName;
    }

    /**
     * For bitmask fields: width in bits of the value the mask applies to (8, 16, 24, 32...).
     *
     * @return the width, 0 for fields without a mask
     */
    public int bitWidth() {
        return bitWidth;
    }

    /**
     * Wireshark's {@code BASE_ALLOW_ZERO}: an empty byte string is shown as {@code <none>}, not {@code <MISSING>}.
     *
     * @return whether an empty value is normal
     */
    public boolean allowZero() {
        return allowZero;
    }

    /**
     * A custom {@code -V} line for this field (e.g. {@code Frame Length: 74 bytes (592 bits)}), or {@code null}.
     *
     * @return the labeler
     */
    public Labeler labeler() {
        return labeler;
    }

    /**
     * The filter name.
     *
     * @return {@link #abbrev()}
     */
    @Override
    public String toString() {
        return abbrev;
    }

    /**
     * Identity: two fields are the same field only if they are the same object (ids are unique).
     *
     * @param o the other object
     * @return {@code this == o}
     */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    /**
     * The id, which is unique.
     *
     * @return {@link #id()}
     */
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

        /**
         * How the value is displayed.
         *
         * @param base the base
         * @return this builder
         */
        public Builder base(Base base) {
            this.base = base;
            return this;
        }

        /**
         * Covers only the bits of {@code mask} in a value {@code bitWidth} bits wide.
         *
         * @param mask the bits; the value is {@code (raw & mask) >>> shift}
         * @param bitWidth the width in bits of the value the mask applies to (for the bit picture in {@code -V})
         * @return this builder
         */
        public Builder mask(long mask, int bitWidth) {
            this.bitmask = mask;
            this.bitWidth = bitWidth;
            return this;
        }

        /**
         * Covers only the bits of {@code mask}, in a value as wide as the type (for types without a
         * fixed size: as wide as the mask's highest bit).
         *
         * @param mask the bits
         * @return this builder
         */
        public Builder mask(long mask) {
            return mask(mask, type.size() > 0 ? type.size() * 8 : 64 - Long.numberOfLeadingZeros(mask));
        }

        /**
         * Names of values, shown in {@code -V} ({@code Type: IPv4 (0x0800)}).
         *
         * @param values the names
         * @return this builder
         */
        public Builder values(ValueNames values) {
            this.values = values;
            return this;
        }

        /**
         * A description for {@code -G fields}.
         *
         * @param description the description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Hides the field from {@code -V} (it stays filterable).
         *
         * @return this builder
         */
        public Builder hidden() {
            this.hidden = true;
            return this;
        }

        /**
         * For booleans: the texts shown for true and false.
         *
         * @param trueName the text for true
         * @param falseName the text for false
         * @return this builder
         */
        public Builder trueFalse(String trueName, String falseName) {
            this.trueName = trueName;
            this.falseName = falseName;
            return this;
        }

        /**
         * The value depends on every layer of the packet ({@code frame.protocols}): a dissector
         * may not skip later layers while it is wanted (see {@link Packet#wantsOnlyHeader}).
         *
         * @return this builder
         */
        public Builder wholePacket() {
            this.wholePacket = true;
            return this;
        }

        /**
         * Wireshark's {@code BASE_ALLOW_ZERO}: an empty value is normal and shows as {@code <none>}.
         *
         * @return this builder
         */
        public Builder allowZero() {
            this.allowZero = true;
            return this;
        }

        /**
         * Composes this field's {@code -V} line itself (Wireshark's {@code proto_tree_add_*_format}).
         *
         * @param labeler the labeler, called by outputs only
         * @return this builder
         */
        public Builder labeler(Labeler labeler) {
            this.labeler = labeler;
            return this;
        }

        /**
         * Builds the field and gives it the next id. Each call makes a new, distinct field.
         *
         * @return the field
         */
        public Field build() {
            return new Field(-1, abbrev, name, type, base, bitmask, bitmask == 0 ? 0 : Long.numberOfTrailingZeros(bitmask),
                    values, description, hidden, trueName, falseName, bitWidth, labeler, allowZero, wholePacket);
        }
    }
}
