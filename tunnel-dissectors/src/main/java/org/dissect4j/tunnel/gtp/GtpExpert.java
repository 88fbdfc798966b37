package org.dissect4j.tunnel.gtp;

import org.dissect4j.api.Expert;
import org.dissect4j.api.ExpertGroup;
import org.dissect4j.api.Severity;

/** GTP's expert items. */
final class GtpExpert {
    /** An extension header of length 0 would never advance: the chain and the packet stop there, as in packet-gtp.c. */
    static final Expert EXT_LENGTH_INVALID = new Expert("gtp.ext_length.invalid", ExpertGroup.MALFORMED, Severity.ERROR,
            "Malformed length");

    private GtpExpert() {
    }

    static Expert[] all() {
        return new Expert[] {EXT_LENGTH_INVALID};
    }
}
