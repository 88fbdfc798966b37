package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;

/**
 * What an application developer meets first: unknown names fail with a message instead of a null,
 * an empty engine is not built by accident, values read as Java values, frames copy for another
 * thread, and an engine refuses a second thread instead of mixing packets.
 */
class EngineUsageTest {
    static final Protocol VALS = new Protocol("Values Test Protocol", "VALS", "vals");
    static final Field ADDR = Field.define("vals.addr", "Address", FieldType.IPv4).build();
    static final Field PORT = Field.define("vals.port", "Port", FieldType.UINT16).build();
    static final Field FLAG = Field.define("vals.flag", "Flag", FieldType.BOOLEAN).build();
    static final Field NAME = Field.define("vals.name", "Name", FieldType.STRING).build();
    static final Field WHEN = Field.define("vals.when", "When", FieldType.ABSOLUTE_TIME).build();
    static final Field DELTA = Field.define("vals.delta", "Delta", FieldType.RELATIVE_TIME).build();
    static final Field RAW = Field.define("vals.raw", "Raw", FieldType.BYTES).build();

    /** frame: ipv4(4) port(2) flag(1) name(rest) */
    static final class ValuesPlugin implements DissectorPlugin {
        @Override
        public int apiVersion() {
            return DissectorPlugin.API_VERSION;
        }

        @Override
        public String name() {
            return "values";
        }

        @Override
        public void register(Registrar r) {
            r.protocol(VALS, ADDR, PORT, FLAG, NAME, WHEN, DELTA, RAW);
            r.dissector("frame", VALS, (p, off, len) -> {
                Tree t = p.tree();
                t.open(VALS.field(), off, len);
                t.addUint(ADDR, off, 4, p.u32(off));
                t.addUint(PORT, off + 4, 2, p.u16(off + 4));
                t.addUint(FLAG, off + 6, 1, p.u8(off + 6));
                t.add(NAME, off + 7, len - 7);
                t.add(RAW, off, 2);
                t.addGenerated(WHEN, p.frame().timestampNanos());
                t.addGenerated(DELTA, 1_500_000_000L);
                t.close();
                return len;
            });
        }

        @Override
        public void handoff(Registrar r) {
        }
    }

    private static Engine engine() {
        Engine e = Engine.builder().discover(false).plugin(new ValuesPlugin()).build();
        e.tree().wantAll(true);
        return e;
    }

    private static Frame frame() {
        return TestFrames.frame(1, TestFrames.hex("0a 63 00 01 1f 90 01"), 1);
    }

    private static Frame frameWithName(String name) {
        byte[] head = TestFrames.hex("0a 63 00 01 1f 90 01");
        byte[] all = new byte[head.length + name.length()];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(name.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, all, head.length, name.length());
        return TestFrames.frame(1, all, 1);
    }

    @Test
    void unknownFieldNameThrowsNamingTheFieldAndThePlugins() {
        Engine e = engine();
        assertThatThrownBy(() -> e.field("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"nope\"")
                .hasMessageContaining("1 plugin loaded: values");
        assertThat(e.findField("nope")).isEmpty();
        assertThat(e.findField("vals.port")).contains(PORT);
    }

    @Test
    void anEmptyEngineOnPurposeSaysSoWhenAskedForAField() {
        Engine e = Engine.builder().discover(false).build();
        assertThatThrownBy(() -> e.field("udp.srcport"))
                .hasMessageContaining("0 plugins loaded")
                .hasMessageContaining("dissect4j-all");
    }

    @Test
    void discoveryThatFindsNothingFailsAtBuild() {
        // the test class path of dissector-api has no DissectorPlugin provider; an isolated loader makes sure
        ClassLoader empty = new ClassLoader(null) { };
        assertThatThrownBy(() -> Engine.builder().classLoader(empty).build())
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("no dissector plugins found")
                .hasMessageContaining("dissect4j-all");
    }

    @Test
    void valuesReadAsJavaValuesAndAsTsharkText() throws Exception {
        Engine e = engine();
        Tree t = e.dissect(frameWithName("hello")).tree();
        int addr = t.first(ADDR);
        assertThat(t.value(addr)).isEqualTo(0x0a630001L);
        assertThat(t.text(addr)).isEqualTo("10.99.0.1");
        assertThat(t.address(addr)).isEqualTo(InetAddress.getByName("10.99.0.1"));
        int port = t.first(PORT);
        assertThat(t.text(port)).isEqualTo("8080");
        assertThat(t.string(port)).as("an integer field is never its raw bytes as characters").isEqualTo("8080");
        assertThat(t.label(port)).isEqualTo("Port: 8080");
        assertThat(t.bool(t.first(FLAG))).isTrue();
        assertThat(t.string(t.first(NAME))).isEqualTo("hello");
        assertThat(t.bytes(t.first(RAW))).containsExactly(0x0a, 0x63);
        assertThat(t.text(t.first(RAW))).isEqualTo("0a63");
        assertThat(t.instant(t.first(WHEN))).isEqualTo(Instant.ofEpochSecond(0, 1_700_000_000_000_001_000L));
        assertThat(t.duration(t.first(DELTA))).isEqualTo(Duration.ofMillis(1500));
        StringBuilder sb = new StringBuilder("x=");
        t.text(addr, sb);
        assertThat(sb).hasToString("x=10.99.0.1");
        assertThatThrownBy(() -> t.instant(port)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vals.port is FT_UINT16, not FT_ABSOLUTE_TIME");
        assertThatThrownBy(() -> t.address(port)).hasMessageContaining("not an IPv4 or IPv6 address");
    }

    @Test
    void valuesNeverIncludeBytesPastTheCapturedOnes() {
        // 9 of 12 bytes captured; the 3 bytes after them in memory belong to something else (the next record)
        byte[] memory = TestFrames.hex("0a 63 00 01 1f 90 01 68 69 58 59 5a");
        Frame cut = new Frame().set(1, java.lang.foreign.MemorySegment.ofArray(memory), 0, 9, 12, 0, 0, 1);
        Tree t = engine().dissect(cut).tree();
        assertThat(t.first(NAME)).as("a value not all captured is not recorded, as in tshark").isNegative();
        // a node made longer afterwards (setLength) still shows only the captured bytes
        int name = t.add(NAME, 7, 2);
        t.setLength(name, 5);
        assertThat(t.bytes(name)).containsExactly('h', 'i');
        assertThat(t.string(name)).isEqualTo("hi");
    }

    @Test
    void aCopiedFrameKeepsItsBytesWhenTheSourceIsReused() {
        byte[] bytes = TestFrames.hex("0a 63 00 01 1f 90 01 41");
        Frame source = TestFrames.frame(7, bytes, 1);
        source.comment("kept");
        Frame copy = source.copy();
        bytes[0] = 0x7f;                                   // the source's buffer moves on
        source.set(8, java.lang.foreign.MemorySegment.ofArray(new byte[3]), 0, 3, 3, 0, 0, 1);
        assertThat(copy.number()).isEqualTo(7);
        assertThat(copy.capturedLength()).isEqualTo(8);
        assertThat(copy.comment()).isEqualTo("kept");
        Tree t = engine().dissect(copy).tree();
        assertThat(t.text(t.first(ADDR))).isEqualTo("10.99.0.1");
    }

    @Test
    void aSecondThreadIsRefusedUntilTheOwnerReleasesTheEngine() throws Exception {
        Engine e = engine();
        e.dissect(frame());
        CompletableFuture<Packet> other = CompletableFuture.supplyAsync(() -> e.dissect(frame()));
        assertThatThrownBy(other::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not thread-safe")
                .hasMessageContaining("one engine per thread");
        e.release();
        String port = CompletableFuture.supplyAsync(() -> e.dissect(frame()).tree().text(e.tree().first(PORT))).get();
        assertThat(port).as("the released engine works on the thread that claims it").isEqualTo("8080");
        assertThatThrownBy(() -> e.dissect(frame())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(e::release).hasMessageContaining("does not own");
    }

    @Test
    void twoEnginesWithDifferentPluginsDoNotSeeEachOthersFields() {
        Engine values = engine();
        Engine other = Engine.builder().discover(false).plugin(new EngineTest.TestPlugin()).build();
        assertThat(values.findField("vals.port")).contains(PORT);
        assertThat(other.findField("vals.port")).isEmpty();
        assertThat(other.fieldById(PORT.id())).isNull();
        assertThat(other.protocolOf(PORT)).isNull();
        assertThat(values.protocolOf(PORT)).isSameAs(VALS);
        assertThat(values.protocolOf(VALS.field())).isSameAs(VALS);
        assertThat(values.findField("outer.type")).isEmpty();
        assertThat(other.field("outer.type")).isSameAs(EngineTest.OUTER_TYPE);
    }

    @Test
    void settingsNobodyReadAreReported() {
        Settings s = new Settings().set("vals.known", "1").set("vals.typo", "2").set("other.pref", "3");
        s.bool("vals.known", false);
        s.declare("other.pref");
        assertThat(s.unread()).containsExactly("vals.typo");
    }
}
