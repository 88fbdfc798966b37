package org.dissect4j.bench;

import java.util.Arrays;

/** {@code dissect4j-bench}: the benchmark tools that are not JMH runs. */
public final class BenchTool {
    private BenchTool() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "make-capture" -> MakeCapture.main(rest);
            case "floor" -> MmapFloor.main(rest);
            default -> {
                System.err.println("usage: dissect4j-bench make-capture [--packets N] [--out FILE] [--seed S] [SOURCE.pcap ...]");
                System.err.println("       dissect4j-bench floor FILE.pcap   (the mmap floor of -Y 'tcp.flags.syn==1' -T fields -e frame.number)");
                System.exit(2);
            }
        }
    }
}
