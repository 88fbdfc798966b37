/** A Foo dissector for dissect4j: one type byte on UDP port 7777. */
module com.example.foo {
    requires org.dissect4j.api;

    provides org.dissect4j.api.DissectorPlugin with com.example.foo.FooPlugin;
}
