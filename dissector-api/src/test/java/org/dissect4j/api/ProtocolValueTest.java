package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.api.FieldFormatTest.value;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/**
 * Protocol items and {@code _ws.expert} render as tshark 4.0.17's {@code -T fields} prints them: the
 * item's text when it has one (a labelled protocol), else the filter name; the bytes in hex for the
 * {@code data} protocol and for protocols Wireshark registers in name only as byte fields.
 */
class ProtocolValueTest {
    static final Protocol LABELLED = new Protocol("Labelled Protocol", "LBL", "lbl")
            .labeler((t, n, out) -> out.append("Labelled Protocol, Port: ").append(t.value(n)));
    static final Protocol PLAIN = new Protocol("Plain Protocol", "PLAIN", "plain");
    static final Protocol OPTION = new Protocol("Option - Size", "Size", "lbl.options.size").bytesValue();
    static final Expert SYN = new Expert("lbl.syn", ExpertGroup.SEQUENCE, Severity.CHAT, "Connection establish request (SYN)");

    private final byte[] bytes = TestFrames.hex("0204 05b4 6869");

    private Tree tree() {
        FieldRegistry r = new FieldRegistry();
        for (Protocol p : new Protocol[] {LABELLED, PLAIN, OPTION, EngineFields.DATA}) {
            r.add(p.field(), p);
        }
        r.add(SYN.field(), LABELLED);
        r.add(SYN);
        r.add(EngineFields.EXPERT_MESSAGE, EngineFields.EXPERT);
        Tree t = new Tree(r);
        t.wantAll(true);
        t.reset(MemorySegment.ofArray(bytes), 0, bytes.length);
        return t;
    }

    @Test
    void aLabelledProtocolPrintsItsLabel() {
        Tree t = tree();
        int n = t.add(LABELLED.field(), 0, 6);
        t.setValue(n, 80);
        assertThat(value(t, n)).isEqualTo("Labelled Protocol, Port: 80");
    }

    @Test
    void aProtocolWithoutTextPrintsItsFilterName() {
        Tree t = tree();
        assertThat(value(t, t.add(PLAIN.field(), 0, 6))).isEqualTo("plain");
    }

    @Test
    void aHiddenEmptyItemPrintsTheFilterNameEvenWhenLabelled() {
        Tree t = tree();
        int n = t.add(LABELLED.field(), 0, 0);
        t.setFlags(n, Tree.HIDDEN);
        assertThat(value(t, n)).isEqualTo("lbl");
    }

    @Test
    void nameOnlyProtocolsAndDataPrintTheirBytes() {
        Tree t = tree();
        assertThat(value(t, t.add(OPTION.field(), 0, 4))).isEqualTo("020405b4");
        assertThat(value(t, t.add(EngineFields.DATA.field(), 4, 2))).isEqualTo("6869");
        assertThat(EngineFields.DATA.hasBytesValue()).isTrue();
        assertThat(PLAIN.hasBytesValue()).isFalse();
    }

    @Test
    void anExpertItemPrintsAsItsExpertInfoLine() {
        Tree t = tree();
        int fixed = t.expert(SYN, 0, 0);
        int composed = t.expert(SYN, 0, 0, "Connection establish request (SYN): server port 80");
        StringBuilder sb = new StringBuilder();
        FieldFormat.expertInfo(t, fixed, sb);
        sb.append('|');
        FieldFormat.expertInfo(t, composed, sb);
        assertThat(sb).hasToString("Expert Info (Chat/Sequence): Connection establish request (SYN)"
                + "|Expert Info (Chat/Sequence): Connection establish request (SYN): server port 80");
    }
}
