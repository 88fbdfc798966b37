package org.dissect4j.bench;

import java.util.Arrays;

/** {@code dissect4j-bench}: the benchmark tools that are not JMH runs. */
public final class BenchTool {
    private BenchTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("make-capture")) {
            System.err.println("usage: dissect4j-bench make-capture [--packets N] [--out FILE] [--seed S] [SOURCE.pcap ...]");
            System.exit(2);
        }
        MakeCapture.main(Arrays.copyOfRange(args, 1, args.length));
    }
}
