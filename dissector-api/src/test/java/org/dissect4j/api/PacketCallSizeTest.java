package org.dissect4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;

import org.junit.jupiter.api.Test;

/**
 * {@link Packet#call} stays small enough for HotSpot to inline it into each dissector's call site
 * (FreqInlineSize: 325 bytes of bytecode for a hot method). Inlined there, the dispatch to the callee sees
 * one dissector per call site; over the limit it becomes one megamorphic call for all of them. The method
 * had grown to 368 bytes unnoticed (a finally block is copied into every exit by javac).
 */
class PacketCallSizeTest {
    static final int FREQ_INLINE_SIZE = 325;

    @Test
    void callIsUnderTheJitsInliningLimitForHotMethods() throws IOException {
        ClassModel packet;
        try (InputStream in = Packet.class.getResourceAsStream("Packet.class")) {
            packet = ClassFile.of().parse(in.readAllBytes());
        }
        int size = -1;
        for (MethodModel m : packet.methods()) {
            if (m.methodName().equalsString("call")
                    && m.methodType().equalsString("(Lorg/dissect4j/api/DissectorHandle;II)I")) {
                size = m.code().map(c -> ((CodeAttribute) c).codeLength()).orElse(-1);
            }
        }
        assertThat(size).as("bytecode bytes of Packet.call").isPositive().isLessThanOrEqualTo(FREQ_INLINE_SIZE);
    }
}
