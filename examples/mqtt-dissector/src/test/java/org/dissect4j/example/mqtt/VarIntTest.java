package org.dissect4j.example.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dissect4j.example.mqtt.MqttTestKit.bytes;
import static org.dissect4j.example.mqtt.MqttTestKit.concat;
import static org.dissect4j.example.mqtt.MqttTestKit.str;
import static org.dissect4j.example.mqtt.MqttTestKit.value;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Remaining Length (Variable Byte Integer): every encoded size, its boundaries, too long, cut short. */
class VarIntTest {
    @ParameterizedTest(name = "{0} -> {1} in {2} bytes")
    @CsvSource({
            "00, 0, 1", "01, 1, 1", "7f, 127, 1",
            "8001, 128, 2", "ff7f, 16383, 2",
            "808001, 16384, 3", "ffff7f, 2097151, 3",
            "80808001, 2097152, 4", "ffffff7f, 268435455, 4",
            // not the shortest form: allowed on the wire by Wireshark, so decoded
            "8000, 0, 2"})
    void decodesEverySize(String hex, int value, int length) {
        byte[] b = java.util.HexFormat.of().parseHex(hex);
        long d = VarInt.decode(MemorySegment.ofArray(b), 0, b.length);
        assertThat(d).isNotNegative();
        assertThat(VarInt.value(d)).isEqualTo(value);
        assertThat(VarInt.length(d)).isEqualTo(length);
    }

    @Test
    void fiveBytesAreMalformedAndACutIntegerIsIncomplete() {
        assertThat(VarInt.decode(MemorySegment.ofArray(bytes(0xff, 0xff, 0xff, 0xff, 0x7f)), 0, 5)).isEqualTo(VarInt.MALFORMED);
        assertThat(VarInt.decode(MemorySegment.ofArray(bytes(0x80, 0x80, 0x80, 0x80)), 0, 4)).isEqualTo(VarInt.MALFORMED);
        for (int n = 0; n < 4; n++) {
            byte[] b = bytes(0xff, 0xff, 0xff, 0x7f);
            assertThat(VarInt.decode(MemorySegment.ofArray(b), 0, n)).as("%d bytes", n).isEqualTo(VarInt.INCOMPLETE);
        }
    }

    @Test
    void tshark40ShowsPropertyLengthBytesAsABigEndianNumber() {
        assertThat(VarInt.bigEndianBytes(MemorySegment.ofArray(bytes(0x17)), 0, 1)).isEqualTo(23);
        assertThat(VarInt.bigEndianBytes(MemorySegment.ofArray(bytes(0xd0, 0x01)), 0, 2)).isEqualTo(53249);
    }

    /** PUBLISH packets whose Remaining Length takes 1, 2, 3 and 4 bytes, each followed by a PINGREQ. */
    @ParameterizedTest(name = "payload {0}")
    @CsvSource({"0, 1", "122, 1", "123, 2", "16378, 2", "16379, 3", "2097146, 3", "2097147, 4"})
    void remainingLengthsOfEverySizeThroughTheDissector(int payload, int lengthBytes) {
        Engine e = MqttTestKit.direct(new Settings());
        byte[] body = concat(str("t/x"), new byte[payload]);          // 5 + payload bytes
        byte[] pdu = concat(bytes(0x30), MqttTestKit.varint(body.length), body);
        assertThat(pdu.length).isEqualTo(1 + lengthBytes + body.length);
        byte[] data = concat(pdu, bytes(0xC0, 0x00));
        Packet p = e.dissect(MqttTestKit.frame(data, data.length));
        assertThat(p.info().toString()).isEqualTo("Publish Message [t/x], Ping Request");
        assertThat(value(e, "mqtt.len")).isEqualTo(body.length + ",0");
        assertThat(e.tree().length(e.tree().first(MqttFields.LEN))).isEqualTo(lengthBytes);
        assertThat(e.tree().length(e.tree().first(MqttFields.MSG))).isEqualTo(payload);
        assertThat(p.malformed()).isFalse();
    }

    @Test
    void aFifthLengthByteIsMalformedButTheHeaderStays() {
        Engine e = MqttTestKit.direct(new Settings());
        byte[] data = bytes(0x30, 0xff, 0xff, 0xff, 0xff, 0x01, 0, 1, 't', 'x');
        Packet p = e.dissect(MqttTestKit.frame(data, data.length));
        assertThat(p.malformed()).isTrue();
        assertThat(MqttTestKit.bug(e)).isFalse();
        assertThat(value(e, "mqtt.msgtype")).isEqualTo("3");
        assertThat(value(e, "mqtt.len")).isEmpty();
        assertThat(value(e, "_ws.malformed")).isNotEmpty();
        assertThat(p.info().toString()).startsWith("Publish Message");
    }
}
