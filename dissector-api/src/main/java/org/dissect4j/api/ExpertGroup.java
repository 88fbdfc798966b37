package org.dissect4j.api;

/** Expert info group, as Wireshark's {@code PI_*} groups. */
public enum ExpertGroup {
    CHECKSUM("Checksum"), SEQUENCE("Sequence"), RESPONSE_CODE("Response code"), REQUEST_CODE("Request code"),
    UNDECODED("Undecoded"), REASSEMBLE("Reassemble"), MALFORMED("Malformed"), DEBUG("Debug"),
    PROTOCOL("Protocol"), SECURITY("Security"), COMMENTS_GROUP("Comment"), DECRYPTION("Decryption"),
    ASSUMPTION("Assumption"), DEPRECATED("Deprecated");

    private final String label;

    ExpertGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
