package org.dissect4j.api;

/** Expert info severity, as Wireshark's {@code PI_*} levels, lowest first. */
public enum Severity {
    /** A packet comment. */
    COMMENT("Comment"),
    /** Usual workflow, e.g. a connection being set up. */
    CHAT("Chat"),
    /** Notable but usual, e.g. an HTTP error status. */
    NOTE("Note"),
    /** Unusual, possibly a problem, e.g. a segment not captured. */
    WARNING("Warning"),
    /** A serious problem, e.g. a malformed packet. */
    ERROR("Error");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /**
     * The level's name as Wireshark shows it.
     *
     * @return e.g. {@code Warning}
     */
    public String label() {
        return label;
    }
}
