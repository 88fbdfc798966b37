package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.api.FieldFormatTest.value;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The items Wireshark adds besides plain fields: text items (no filter name), values shown over other
 * bytes than they hold ({@code http.host} over its header line), expert items hung below the item they
 * are about.
 */
class TreeItemsTest {
    static final Field HOST = Field.define("h.host", "Host", FieldType.STRING).build();
    static final Field FLAGS = Field.define("h.flags", "Flags", FieldType.STRING).build();
    static final Field SYN = Field.define("h.syn", "Syn", FieldType.BOOLEAN).mask(0x02, 8).build();
    static final Field TIMES = Field.text("Timestamps");
    static final Expert SYN_SEEN = new Expert("h.syn_seen", ExpertGroup.SEQUENCE, Severity.CHAT, "SYN");

    private final byte[] line = "Host: example.com\r\n".getBytes(StandardCharsets.US_ASCII);

    private Tree tree() {
        FieldRegistry r = new FieldRegistry();
        for (Field f : new Field[] {HOST, FLAGS, SYN, TIMES, SYN_SEEN.field(), EngineFields.EXPERT_MESSAGE}) {
            r.add(f, null);
        }
        r.add(SYN_SEEN);
        Tree t = new Tree(r);
        t.wantAll(true);
        t.reset(MemorySegment.ofArray(line), 0, line.length);
        return t;
    }

    @Test
    void aTextItemHasNoFilterNameAndShowsItsText() {
        assertThat(TIMES.isText()).isTrue();
        assertThat(HOST.isText()).isFalse();
        Tree t = tree();
        int n = t.open(TIMES, 0, 0);
        t.close();
        assertThat(t.label(n)).isEqualTo("Timestamps");
    }

    @Test
    void aTextItemIsNotOwnedByName() {
        Engine e = Engine.builder().discover(false).plugin(new DissectorPlugin() {
            @Override
            public int apiVersion() {
                return API_VERSION;
            }

            @Override
            public String name() {
                return "one";
            }

            @Override
            public void register(Registrar r) {
                r.protocol(new Protocol("One", "ONE", "one"), Field.text("Line"));
            }
        }).plugin(new DissectorPlugin() {
            @Override
            public int apiVersion() {
                return API_VERSION;
            }

            @Override
            public String name() {
                return "two";
            }

            @Override
            public void register(Registrar r) {
                r.protocol(new Protocol("Two", "TWO", "two"), Field.text("Line"));
            }
        }).build();
        // two plugins may each have text items; neither is a field a filter can name
        assertThat(e.findField("")).isEmpty();
    }

    @Test
    void aValueKeptApartIsShownOverTheBytesGiven() {
        Tree t = tree();
        int n = t.addStringWithin(HOST, 6, 11, 0, line.length);
        assertThat(t.string(n)).isEqualTo("example.com");
        assertThat(value(t, n)).isEqualTo("example.com");
        assertThat(t.source(n)).isEqualTo(TreeView.SCRATCH);
        assertThat(t.shownSource(n)).isZero();
        assertThat(t.shownOffset(n)).isZero();
        assertThat(t.shownLength(n)).isEqualTo(line.length);
        assertThat(t.flags(n) & Tree.GENERATED).isZero();
    }

    @Test
    void showAtIgnoresNodesWhoseValueIsInThePacket() {
        Tree t = tree();
        int n = t.add(HOST, 6, 11);
        t.showAt(n, 0, 4);
        assertThat(t.shownOffset(n)).isEqualTo(6);
        assertThat(t.shownLength(n)).isEqualTo(11);
        int g = t.addString(FLAGS, "··S·");
        t.showAt(g, 2, 2);
        assertThat(t.string(g)).isEqualTo("··S·");
        assertThat(t.shownOffset(g)).isEqualTo(2);
        assertThat(t.shownLength(g)).isEqualTo(2);
    }

    @Test
    void anExpertGoesBelowTheItemItIsAbout() {
        Tree t = tree();
        int syn = t.addUint(SYN, 0, 1, 0x02);
        int x = t.expertOn(syn, SYN_SEEN, 0, 1, null);
        assertThat(t.parent(x)).isEqualTo(syn);
        int y = t.expertOn(-1, SYN_SEEN, 0, 1, null);
        assertThat(t.parent(y)).isEqualTo(-1);
        int after = t.addUint(SYN, 0, 1, 0);
        assertThat(t.parent(after)).isEqualTo(-1);
    }
}
