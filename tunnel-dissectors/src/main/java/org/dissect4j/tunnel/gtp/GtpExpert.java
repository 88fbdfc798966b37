package org.dissect4j.tunnel.gtp;

import org.dissect4j.api.Expert;
import org.dissect4j.api.ExpertGroup;
import org.dissect4j.api.Severity;

/** GTP's expert items. */
final class GtpExpert {
    /** An extension header of length 0 would never advance: the chain stops there, marked with Wireshark's item. */
    static final Expert EXT_LENGTH_ZERO = new Expert("gtp.ext_length.invalid", ExpertGroup.PROTOCOL, Severity.WARNING,
            "Malformed length");

    private GtpExpert() {
    }

    static Expert[] all() {
        return new Expert[] {EXT_LENGTH_ZERO};
    }
}
