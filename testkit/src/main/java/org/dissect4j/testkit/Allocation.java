package org.dissect4j.testkit;

/** Allocation checks for zero-allocation tests: bytes allocated by the current thread so far. */
public final class Allocation {
    private Allocation() {
    }

    /**
     * What {@code round} allocates at steady state: it runs {@code warmUp} times first (until the JIT is done:
     * interpreted code allocates what compiled code does not), then in up to five windows of {@code window} runs; the
     * least a window allocated is returned, and the windows stop at the first under {@code limit} (on a loaded machine
     * the JIT may still be compiling, or recompiling, during the first window). Reading the counter allocates about a
     * kilobyte itself.
     *
     * @param round one round of the work measured (a lambda; its own allocation, if any, is counted)
     * @param warmUp rounds before measuring
     * @param window rounds per measured window
     * @param limit the allocation that passes
     * @return the bytes the least allocating window allocated
     */
    public static long steadyState(Runnable round, int warmUp, int window, long limit) {
        for (int i = 0; i < warmUp; i++) {
            round.run();
        }
        long least = Long.MAX_VALUE;
        for (int w = 0; w < 5 && least >= limit; w++) {
            long before = threadBytes();
            for (int i = 0; i < window; i++) {
                round.run();
            }
            least = Math.min(least, threadBytes() - before);
        }
        return least;
    }

    /**
     * Bytes allocated by this thread (com.sun.management.ThreadMXBean, reached reflectively so that a test
     * running in a named module needs no {@code requires jdk.management}); looked up once, so that a read costs
     * a few dozen bytes (the boxed result), not a kilobyte.
     */
    public static long threadBytes() {
        try {
            return (long) Counter.READ.invoke(Counter.BEAN);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The thread MXBean and its allocation counter, found on first use. */
    private static final class Counter {
        static final Object BEAN;
        static final java.lang.reflect.Method READ;

        static {
            try {
                BEAN = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
                READ = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
