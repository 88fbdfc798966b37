/**
 * Test support for dissect4j's protocol modules: captures read into memory, stand-ins for the link
 * and IP layers, and a runner that renders fields as {@code tshark -T fields} prints them. Used in
 * test scope only; not part of the public API.
 */
module org.dissect4j.testkit {
    requires transitive org.dissect4j.api;

    exports org.dissect4j.testkit;
}
