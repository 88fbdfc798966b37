package org.dissect4j.api;

/** Expert info severity, as Wireshark's {@code PI_*} levels, lowest first. */
public enum Severity {
    COMMENT("Comment"), CHAT("Chat"), NOTE("Note"), WARNING("Warning"), ERROR("Error");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
