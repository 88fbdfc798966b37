package org.dissect4j.api;

/** Expert info group, as Wireshark's {@code PI_*} groups. */
public enum ExpertGroup {
    /** A checksum is wrong or could not be checked. */
    CHECKSUM("Checksum"),
    /** Sequence numbers: retransmissions, lost segments, out of order. */
    SEQUENCE("Sequence"),
    /** A response code worth noting (an error status, for example). */
    RESPONSE_CODE("Response code"),
    /** A request code worth noting. */
    REQUEST_CODE("Request code"),
    /** Data the dissector does not decode (yet). */
    UNDECODED("Undecoded"),
    /** Reassembly problems. */
    REASSEMBLE("Reassemble"),
    /** The packet breaks its protocol's rules ({@code _ws.malformed} is in this group). */
    MALFORMED("Malformed"),
    /** Information for dissector developers. */
    DEBUG("Debug"),
    /** A protocol rule was not followed, though the packet could be decoded. */
    PROTOCOL("Protocol"),
    /** A security concern (weak cipher, for example). */
    SECURITY("Security"),
    /** Comments (Wireshark's {@code PI_COMMENTS_GROUP}). */
    COMMENTS_GROUP("Comment"),
    /** Decryption problems. */
    DECRYPTION("Decryption"),
    /** The dissector assumed something it could not verify. */
    ASSUMPTION("Assumption"),
    /** Use of a deprecated protocol feature. */
    DEPRECATED("Deprecated");

    private final String label;

    ExpertGroup(String label) {
        this.label = label;
    }

    /**
     * The group's name as Wireshark shows it.
     *
     * @return e.g. {@code Sequence}
     */
    public String label() {
        return label;
    }
}
