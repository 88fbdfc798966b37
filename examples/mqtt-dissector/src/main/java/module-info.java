/**
 * An example third-party dissect4j plugin: MQTT 3.1, 3.1.1 and 5.0 over TCP, written only against
 * {@code org.dissect4j.api}. It exports nothing: the engine finds it as a service.
 */
module org.dissect4j.example.mqtt {
    requires org.dissect4j.api;

    provides org.dissect4j.api.DissectorPlugin with org.dissect4j.example.mqtt.MqttPlugin;
}
