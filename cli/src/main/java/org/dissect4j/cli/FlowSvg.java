package org.dissect4j.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;

/**
 * {@code --flow FILE.svg}: the TCP segments as a standalone SVG ladder diagram ({@link FlowPicture});
 * {@code --flow DIR/} (a path ending in "/" or an existing folder): one {@code stream-N.svg} per TCP stream.
 *
 * <p>Big captures stay drawable: one file shows the first {@link #MAX_STREAMS} streams; past
 * {@link #FOLD_ABOVE} arrows (in the file, or in one stream's file) runs of plain data/ACK segments
 * become one arrow each ({@link FlowFolding}), and past {@link #KEEP_AT_MOST} arrows no more are
 * drawn. The picture says what it left out, and so does stderr, with how to pick a stream.
 */
final class FlowSvg implements Sink {
    /** Streams drawn in one file. */
    static final int MAX_STREAMS = 20;
    /** Arrows past which runs of data/ACK segments are folded. */
    static final int FOLD_ABOVE = 1000;
    /** Arrows past which no more are drawn. */
    static final int KEEP_AT_MOST = 3000;

    private final PrintStream stream;
    private final PrintStream err;
    private final Path target;
    private final boolean perStream;
    private final String title;
    private final FlowCollector flow;

    /** Writes the SVG to {@code out} at the end (all streams, unfolded unless past the limits). */
    FlowSvg(PrintStream out, String title, Columns columns, FieldsSink.DigitsSource digits) {
        this(out, null, title, columns, digits, null, false);
    }

    /**
     * Writes {@code target} at the end: one SVG, or a folder of one SVG per stream ({@code perStream});
     * {@code title} names the capture, {@code err} gets the hint when streams were left out or runs folded.
     */
    FlowSvg(Path target, boolean perStream, String title, Columns columns, FieldsSink.DigitsSource digits, PrintStream err) {
        this(null, target, title, columns, digits, err, perStream);
    }

    private FlowSvg(PrintStream out, Path target, String title, Columns columns, FieldsSink.DigitsSource digits, PrintStream err,
            boolean perStream) {
        this.stream = out;
        this.target = target;
        this.title = title;
        this.err = err;
        this.perStream = perStream;
        FlowCollector.Limits limits = perStream ? new FlowCollector.Limits(Integer.MAX_VALUE, FOLD_ABOVE, KEEP_AT_MOST, true)
                : new FlowCollector.Limits(MAX_STREAMS, FOLD_ABOVE, KEEP_AT_MOST, false);
        this.flow = new FlowCollector(columns, digits, true, limits);
    }

    /** Whether {@code --flow PATH} asks for one SVG per stream: PATH ends with a separator or is a folder. */
    static boolean isFolder(String path) {
        return path.endsWith("/") || path.endsWith(java.io.File.separator) || Files.isDirectory(Path.of(path));
    }

    @Override
    public void prime(Engine engine) {
        flow.prime(engine);
    }

    @Override
    public void packet(Frame frame, Packet p) {
        flow.packet(frame, p);
    }

    @Override
    public void finish() throws IOException {
        if (perStream) {
            writeStreams();
            return;
        }
        String svg = render();
        if (target != null) {
            write(target, svg);
        } else {
            stream.print(svg);
            stream.flush();
        }
        if (err != null && !notes().isEmpty()) {
            err.println("dissect4j: --flow " + target + ": " + String.join("; ", notes()) + ".");
        }
    }

    /** The one picture of every row kept. */
    String render() {
        int[] rows = new int[flow.size];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return new FlowPicture(flow, rows, title, notes()).render();
    }

    /** What the picture leaves out or folds, and how to see it whole. */
    private List<String> notes() {
        List<String> notes = new ArrayList<>(3);
        FlowCollector f = flow;
        String pick = "pick one with -Y 'tcp.stream == N' or draw each with --flow DIR/";
        if (!perStream && f.streamsSeen > MAX_STREAMS) {
            notes.add("drew the first " + MAX_STREAMS + " of " + f.streamsSeen + " TCP streams (" + (f.segmentsSeen - f.segmentsLeftOut)
                    + " of " + f.segmentsSeen + " segments): " + pick);
        } else if (f.segmentsLeftOut > 0) {
            notes.add(f.segmentsLeftOut + " segments past " + KEEP_AT_MOST + " arrows not drawn: " + pick);
        }
        if (f.folded()) {
            notes.add("past " + FOLD_ABOVE + " arrows, runs of data/ACK segments are folded into one arrow each");
        }
        return notes;
    }

    private void writeStreams() throws IOException {
        Files.createDirectories(target);
        Map<Integer, List<Integer>> byStream = new LinkedHashMap<>();
        for (int i = 0; i < flow.size; i++) {
            byStream.computeIfAbsent(flow.stream[i], k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<Integer, List<Integer>> e : byStream.entrySet()) {
            int[] rows = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            String name = title + ", stream " + e.getKey();
            write(target.resolve("stream-" + e.getKey() + ".svg"), new FlowPicture(flow, rows, name, notes()).render());
        }
        if (err != null) {
            err.println("dissect4j: --flow: wrote " + byStream.size() + " SVG file" + (byStream.size() == 1 ? "" : "s")
                    + " (stream-N.svg) to " + target + (notes().isEmpty() ? "" : "; " + String.join("; ", notes())));
        }
    }

    private static void write(Path file, String svg) throws IOException {
        try (OutputStream os = Files.newOutputStream(file)) {
            os.write(svg.getBytes(StandardCharsets.UTF_8));
        }
    }
}
