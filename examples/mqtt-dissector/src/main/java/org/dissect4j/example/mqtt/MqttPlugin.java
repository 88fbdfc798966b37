package org.dissect4j.example.mqtt;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.HeuristicList;
import org.dissect4j.api.Registrar;
import org.dissect4j.api.Settings;

/**
 * The MQTT plugin: registers the {@code mqtt} protocol, its fields and expert items and the {@code mqtt}
 * dissector (phase 1), then wires it to TCP port 1883, to TLS port 8883 when a TLS dissector offers a
 * {@code tls.port} table, and to the {@code tcp} heuristic list as {@code mqtt_tcp} — off by default, as
 * tshark 4.0 has no MQTT heuristic: {@code --enable-heuristic mqtt_tcp} finds MQTT on any port (phase 2).
 *
 * <p>Preferences ({@code -o name:value}), read once here:
 * <ul>
 *   <li>{@code mqtt.default_version} — {@code none} (default), {@code v31}, {@code v311} or {@code v50}: the version
 *       assumed for connections whose CONNECT was not captured;</li>
 *   <li>{@code mqtt.show_msg_as_text} — {@code TRUE} records messages as {@code mqtt.msg_text} (a string) instead of
 *       {@code mqtt.msg} (bytes);</li>
 *   <li>{@code mqtt.decode_property_length} — {@code TRUE} shows {@code mqtt.property_len} decoded, as Wireshark 4.2+
 *       does; by default it is shown as tshark 4.0 shows it (the length's bytes read as a big-endian number,
 *       the same for lengths under 128).</li>
 * </ul>
 */
public final class MqttPlugin implements DissectorPlugin {
    /** IANA's port for MQTT. */
    public static final int TCP_PORT = 1883;
    /** IANA's port for MQTT over TLS ("secure-mqtt"). */
    public static final int TLS_PORT = 8883;
    /** The short name of the heuristic in the {@code tcp} list. */
    public static final String HEURISTIC = "mqtt_tcp";

    private MqttDissector mqtt;
    private DissectorHandle handle;
    private DissectorHandle heuristic;
    private HeuristicList topicHeuristics;

    /** Found by {@link java.util.ServiceLoader}: one instance per engine. */
    public MqttPlugin() {
    }

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "mqtt";
    }

    @Override
    public void register(Registrar r) {
        Settings s = r.settings();
        mqtt = new MqttDissector(version(s.string("mqtt.default_version", "none")),
                s.bool("mqtt.show_msg_as_text", false), s.bool("mqtt.decode_property_length", false));
        r.protocol(MqttFields.MQTT, MqttFields.fields());
        mqtt.declare(r);
        r.experts(MqttFields.experts());
        handle = r.dissector("mqtt", MqttFields.MQTT, mqtt);
        // Not a named dissector: Decode As picks "mqtt"; the heuristic lives only in the tcp list.
        heuristic = r.heuristic(HEURISTIC, MqttFields.MQTT, mqtt::heuristic);
        // Where other plugins can decode PUBLISH messages by topic (Wireshark's "mqtt.topic" list).
        topicHeuristics = r.newHeuristicList("mqtt.topic", "MQTT message topic");
    }

    @Override
    public void handoff(Registrar r) {
        // optional wiring: MQTT still loads without TCP or TLS (an engine that reads UDP only, a unit test)
        r.findTable("tcp.port").ifPresent(t -> t.add(TCP_PORT, handle));
        r.findHeuristics("tcp").ifPresent(l -> l.add(HEURISTIC, "MQTT over TCP", heuristic, false));
        r.findTable("tls.port").ifPresent(t -> t.add(TLS_PORT, handle));
        mqtt.wire(handle, r.findTable("media_type").orElse(null), topicHeuristics);
    }

    /** {@code -o mqtt.default_version:v311} as Wireshark's enum preference spells it. */
    static int version(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "none", "0" -> 0;
            case "v31", "3" -> 3;
            case "v311", "4" -> 4;
            case "v50", "5" -> 5;
            default -> throw new IllegalArgumentException("mqtt.default_version: \"" + name
                    + "\" is not one of none, v31, v311, v50");
        };
    }
}
