package org.dissect4j.net;

import org.dissect4j.api.Expert;
import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.Tree;

/**
 * An ICMP or ICMPv6 checksum that does not match, as packet-icmp.c and packet-icmpv6.c draw it with
 * {@code proto_tree_add_checksum} and no calculated item: {@code Checksum: 0x000d incorrect, should be 0x75af}, the
 * Warning {@code Bad checksum [should be 0x75af]} below it. One instance per dissector (its builder is reused); texts
 * are composed only for outputs that show them.
 */
final class BadChecksum {
    private final StringBuilder text = new StringBuilder(48);

    /**
     * Labels the checksum item and hangs the expert item below it.
     *
     * @param checksumNode the checksum's node (-1 when not recorded)
     * @param at where the checksum's two bytes are
     * @param shouldBe the value that would have made the checksum correct
     */
    void record(Tree t, int checksumNode, Expert bad, int at, int shouldBe) {
        if (checksumNode >= 0 && t.wantsLabels()) {
            text.setLength(0);
            FieldFormat.nameAndValue(t, checksumNode, text);
            FieldFormat.hexNumber(shouldBe, 4, text.append(" incorrect, should be "));
            t.setLabel(checksumNode, text);
        }
        CharSequence message = null;
        if (t.wantsExpertMessages()) {
            text.setLength(0);
            FieldFormat.hexNumber(shouldBe, 4, text.append("Bad checksum [should be "));
            message = text.append(']');
        }
        t.expertOn(checksumNode, bad, at, 2, message);
    }
}
