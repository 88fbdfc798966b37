package com.example.foo;

import org.dissect4j.api.Base;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Registrar;
import org.dissect4j.api.Tree;

/** The README's example plugin: the Foo protocol, one type byte, on UDP port 7777. */
public final class FooPlugin implements DissectorPlugin {
    static final Protocol FOO = new Protocol("Foo Protocol", "FOO", "foo");
    static final Field TYPE = Field.define("foo.type", "Type", FieldType.UINT8).base(Base.HEX).build();

    public int apiVersion() { return DissectorPlugin.API_VERSION; }   // inlined when you compile
    public String name() { return "foo"; }

    public void register(Registrar r) {                                 // phase 1: declare
        r.protocol(FOO, TYPE);
        r.dissector("foo", FOO, (p, off, len) -> {
            Tree t = p.tree();
            t.open(FOO.field(), off, len);
            t.addUint(TYPE, off, 1, p.u8(off));                         // checked read: past the end = truncated/malformed
            t.close();
            if (p.columns()) p.clearInfo().append("Foo type ").append(p.u8(off));
            return len;
        });
    }

    public void handoff(Registrar r) {                                  // phase 2: wire into others' tables
        r.table("udp.port").add(7777, r.dissector("foo"));
    }
}
