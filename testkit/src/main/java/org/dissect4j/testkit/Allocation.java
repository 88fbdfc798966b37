package org.dissect4j.testkit;

/** Allocation checks for zero-allocation tests: bytes allocated by the current thread so far. */
public final class Allocation {
    private Allocation() {
    }

    /**
     * Bytes allocated by this thread (com.sun.management.ThreadMXBean, reached reflectively so that a test
     * running in a named module needs no {@code requires jdk.management}).
     */
    public static long threadBytes() {
        try {
            Object mx = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            Class<?> ext = Class.forName("com.sun.management.ThreadMXBean");
            return (long) ext.getMethod("getCurrentThreadAllocatedBytes").invoke(mx);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
