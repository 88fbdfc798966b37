package org.dissect4j.tunnel.geneve;

import org.dissect4j.api.Expert;
import org.dissect4j.api.ExpertGroup;
import org.dissect4j.api.Severity;

/** Geneve's expert items, as packet-geneve.c registers them. */
final class GeneveExpert {
    static final Expert VERSION_UNKNOWN = new Expert("geneve.version.unknown", ExpertGroup.PROTOCOL, Severity.WARNING,
            "Unknown version");
    static final Expert OPTION_LENGTH_INVALID = new Expert("geneve.option.length.invalid", ExpertGroup.MALFORMED,
            Severity.ERROR, "Invalid length for option");

    private GeneveExpert() {
    }

    static Expert[] all() {
        return new Expert[] {VERSION_UNKNOWN, OPTION_LENGTH_INVALID};
    }
}
