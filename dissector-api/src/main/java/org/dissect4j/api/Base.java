package org.dissect4j.api;

/**
 * How a field's value is displayed, Wireshark's {@code BASE_*}. Integers use DEC/HEX/OCT and the
 * combined forms; {@code -T fields} prints HEX and HEX_DEC fields as {@code 0x} with the type's width.
 */
public enum Base {
    /** No base: the value is not a number shown in a radix (strings, bytes, booleans, protocols). */
    NONE("BASE_NONE"),
    /** Decimal, e.g. {@code 1460}; the default of integer fields. */
    DEC("BASE_DEC"),
    /** Hexadecimal with {@code 0x}, e.g. {@code 0x0800}. */
    HEX("BASE_HEX"),
    /** Octal with a leading {@code 0}. */
    OCT("BASE_OCT"),
    /** Decimal, then hexadecimal in parentheses in {@code -V}: {@code 8 (0x08)}. */
    DEC_HEX("BASE_DEC_HEX"),
    /** Hexadecimal, then decimal in parentheses in {@code -V}: {@code 0x08 (8)}. */
    HEX_DEC("BASE_HEX_DEC"),
    /** An IEEE OUI: {@code -V} shows the three bytes as an address prefix ({@code 02:00:00}), {@code -T fields} the number. */
    OUI("BASE_OUI"),
    /** Byte strings shown with a separator, and time values displayed in local time. */
    LOCAL("ABSOLUTE_TIME_LOCAL"),
    /** Absolute times displayed in UTC. */
    UTC("ABSOLUTE_TIME_UTC"),
    /** Absolute times displayed as seconds since the epoch ({@code frame.time_epoch}). */
    UNIX_SECONDS("ABSOLUTE_TIME_UNIX");

    private final String wiresharkName;

    Base(String wiresharkName) {
        this.wiresharkName = wiresharkName;
    }

    /**
     * Wireshark's name for this base, as {@code -G fields} prints it.
     *
     * @return the name, e.g. {@code BASE_HEX} or {@code ABSOLUTE_TIME_UTC}
     */
    public String wiresharkName() {
        return wiresharkName;
    }
}
