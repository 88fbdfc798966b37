package org.dissect4j.cli;

import java.io.PrintStream;

/**
 * The bound on what a report keeps per connection or conversation ({@code --handshakes}, {@code -z conv},
 * {@code --flow}): {@code --report-limit N}, {@link #DEFAULT} by default. A report keeps the first {@code N}
 * connections (or conversations) and counts the later ones; when some were left out it says so on stderr at
 * the end, with the option that changes it (docs/robustness.md).
 */
final class ReportLimits {
    /** Connections or conversations a report keeps unless {@code --report-limit} says otherwise. */
    static final int DEFAULT = 100_000;

    private ReportLimits() {
    }

    /**
     * The stderr note of a report that left {@code leftOut} things out ({@code later}: what they are, e.g.
     * "later connections are not"), or nothing when it kept everything.
     */
    static void note(PrintStream err, String report, int limit, String what, long leftOut, String later) {
        if (leftOut > 0) {
            err.println("dissect4j: " + report + ": the report limit was reached: the first " + limit + " " + what
                    + " are reported; " + leftOut + " " + later + " (raise the limit with --report-limit N)");
        }
    }
}
