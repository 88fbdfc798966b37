package org.dissect4j.api;

/**
 * How a field's value is displayed, Wireshark's {@code BASE_*}. Integers use DEC/HEX/OCT and the
 * combined forms; {@code -T fields} prints HEX and HEX_DEC fields as {@code 0x} with the type's width.
 */
public enum Base {
    NONE("BASE_NONE"),
    DEC("BASE_DEC"),
    HEX("BASE_HEX"),
    OCT("BASE_OCT"),
    DEC_HEX("BASE_DEC_HEX"),
    HEX_DEC("BASE_HEX_DEC"),
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

    public String wiresharkName() {
        return wiresharkName;
    }
}
