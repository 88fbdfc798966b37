/** An example third-party plugin: MQTT 3.1.1 and 5.0. */
module org.dissect4j.example.mqtt {
    requires org.dissect4j.api;
}
