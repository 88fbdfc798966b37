package com.example.foo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.junit.jupiter.api.Test;

/** The plugin loaded by ServiceLoader next to the built-in dissectors, as the dissect4j command loads it. */
class FooPluginTest {
    /** Ethernet, IPv4 (10.0.0.1 -> 10.0.0.2), UDP 40000 -> 7777, Foo type 0x2a. */
    static final byte[] PACKET = hex("""
            02 00 00 00 00 02 02 00 00 00 00 01 08 00
            45 00 00 1d 00 01 00 00 40 11 66 cc 0a 00 00 01 0a 00 00 02
            9c 40 1e 61 00 09 00 00
            2a""");

    static Frame frame() {
        return new Frame().set(1, MemorySegment.ofArray(PACKET), 0, PACKET.length, PACKET.length, 0, 0, 1);
    }

    @Test
    void fooIsFoundAndDissected() {
        Engine engine = Engine.load();
        Field type = engine.field("foo.type");
        engine.tree().want(type);
        engine.columns(true);
        Packet p = engine.dissect(frame());
        Tree t = p.tree();
        assertEquals("0x2a", t.text(t.first(type)));
        assertEquals("Foo type 42", p.info().toString());
        assertEquals("FOO", p.protocolColumn());
    }

    @Test
    void steadyStateDissectionAllocatesNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Engine engine = Engine.load();
        engine.tree().want(engine.field("foo.type"));
        Frame f = frame();
        long sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += engine.dissect(f).tree().size();
        }
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().threadId());
        for (int i = 0; i < 20_000; i++) {
            sink += engine.dissect(f).tree().size();
        }
        long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().threadId()) - before;
        assertTrue(sink > 0);
        // reading the counter and the JIT allocate a little; one allocation per packet would be 320 KB or more
        assertTrue(allocated < 16 * 1024, allocated + " bytes allocated for 20,000 packets");
    }

    /** The guide (docs/writing-a-dissector.md) shows this pom in full; it must be the one that builds. */
    @Test
    void theGuideShowsThisPom() throws Exception {
        Path guide = Path.of("../../docs/writing-a-dissector.md");
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(Files.readString(guide).contains(pom.strip()), "docs/writing-a-dissector.md does not show pom.xml as it is");
    }

    static byte[] hex(String s) {
        String h = s.replaceAll("[^0-9a-fA-F]", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
