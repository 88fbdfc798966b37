package org.dissect4j.tunnel.mpls;

import org.dissect4j.api.Expert;
import org.dissect4j.api.ExpertGroup;
import org.dissect4j.api.Severity;

/** MPLS's expert items, as packet-mpls.c registers them. */
final class MplsExpert {
    static final Expert INVALID_LABEL = new Expert("mpls.invalid_label", ExpertGroup.PROTOCOL, Severity.WARNING,
            "Invalid Label");
    static final Expert PWACH_ERROR = new Expert("pwach.error_processing_message", ExpertGroup.MALFORMED,
            Severity.ERROR, "Error processing Message");
    static final Expert PWACH_RESERVED = new Expert("pwach.res.not_zero", ExpertGroup.PROTOCOL, Severity.WARNING,
            "Error: this byte is reserved and must be 0");

    static final Expert Y1711_MINIMUM_PAYLOAD = new Expert("mpls_y1711.minimum_payload", ExpertGroup.MALFORMED,
            Severity.ERROR, "Error: must have a minimum payload length of 44 bytes");

    private MplsExpert() {
    }

    static Expert[] all() {
        return new Expert[] {INVALID_LABEL, PWACH_ERROR, PWACH_RESERVED, Y1711_MINIMUM_PAYLOAD};
    }
}
