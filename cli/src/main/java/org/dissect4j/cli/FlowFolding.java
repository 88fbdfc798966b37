package org.dissect4j.cli;

import java.util.Arrays;

/**
 * Keeps a {@link FlowCollector} drawable on big captures: once the rows pass {@link FlowCollector.Limits#foldAbove()}
 * (all streams together, or one stream when each is drawn on its own), each run of <em>plain</em>
 * segments of a stream — data or ACKs without SYN, FIN, RST, analysis marks or TLS handshake records,
 * whose upper layer (if any) is TLS application data — becomes one row counting its segments and
 * bytes each way. The rows kept so far are folded the same way when the limit is passed, so the
 * picture does not depend on where that happened. Past {@code keepAtMost} rows no row is added.
 *
 * <p>A run ends at the stream's next segment that is not plain; segments of other streams in between
 * do not end it (the folded row stands at the run's first segment). The segment after a SYN or SYN/ACK
 * (the handshake's last ACK) is never folded: the 3-way handshake stays three arrows.
 */
final class FlowFolding {
    private final FlowCollector f;
    private final FlowCollector.Limits limits;
    /** Per stream: rows kept, the open run's row + 1 (0: none), folding on. */
    private int[] rows = new int[16];
    private int[] open = new int[16];
    private boolean[] active = new boolean[16];
    /** Per stream: the last row had SYN, so the next one (the handshake's ACK) stays a row of its own. */
    private boolean[] afterSyn = new boolean[16];
    private boolean all;
    private boolean any;

    FlowFolding(FlowCollector f, FlowCollector.Limits limits) {
        this.f = f;
        this.limits = limits;
    }

    /** Whether stream {@code st} may get another row. */
    boolean room(int st) {
        ensure(st);
        return limits.perStream() ? rows[st] < limits.keepAtMost() : f.size < limits.keepAtMost();
    }

    /** Whether runs were folded. */
    boolean any() {
        return any;
    }

    static boolean plain(int flags, int marks, boolean upper) {
        int control = FlowCollector.SYN | FlowCollector.FIN | FlowCollector.RST;
        int marked = FlowCollector.RETRANSMISSION | FlowCollector.DUP_ACK | FlowCollector.ZERO_WINDOW | FlowCollector.TLS_HANDSHAKE;
        return (flags & control) == 0 && (marks & marked) == 0 && (!upper || (marks & FlowCollector.APP_DATA_ONLY) != 0);
    }

    private boolean plainRow(int r) {
        return f.count[r] >= 1 && plain(f.flags[r], f.marks[r], f.infoText[r] != null);
    }

    /** Adds the segment to its stream's open run when folding; returns whether it did. */
    boolean merge(int st, int srcEndpoint, int flags, int marks, boolean upper, long payload, long frame) {
        ensure(st);
        int r = open[st] - 1;
        if (!(all || active[st]) || r < 0 || afterSyn[st] || !plain(flags, marks, upper)) {
            return false;
        }
        f.count[r]++;
        if (srcEndpoint == f.srcEndpoint[r]) {
            f.len[r] += payload;
        } else {
            f.back[r]++;
            f.backBytes[r] += payload;
        }
        f.lastFrame[r] = frame;
        any = true;
        return true;
    }

    /** Row {@code i} was added: it opens (or ends) its stream's run; folding starts past the limit. */
    void added(int i, boolean upper) {
        int st = f.stream[i];
        rows[st]++;
        open[st] = plain(f.flags[i], f.marks[i], upper) && !afterSyn[st] ? i + 1 : 0;
        afterSyn[st] = (f.flags[i] & FlowCollector.SYN) != 0;
        if (all || active[st]) {
            return;
        }
        if (limits.perStream() && rows[st] > limits.foldAbove()) {
            active[st] = true;
            compact(st);
        } else if (!limits.perStream() && f.size > limits.foldAbove()) {
            all = true;
            compact(-1);
        }
    }

    /** Folds the runs of stream {@code only} (all streams when -1) among the rows kept so far. */
    private void compact(int only) {
        int w = 0;
        for (int st = 0; st < open.length; st++) {
            if (only < 0 || st == only) {
                open[st] = 0;
                afterSyn[st] = false;
            }
        }
        for (int r = 0; r < f.size; r++) {
            int st = f.stream[r];
            boolean folds = only < 0 || st == only;
            if (folds && open[st] > 0 && !afterSyn[st] && plainRow(r)) {
                absorb(open[st] - 1, r);
                rows[st]--;
                any = true;
                continue;
            }
            if (!folds && open[st] == r + 1) {
                open[st] = w + 1;
            }
            f.move(r, w);
            if (folds) {
                open[st] = plainRow(w) && !afterSyn[st] ? w + 1 : 0;
                afterSyn[st] = (f.flags[w] & FlowCollector.SYN) != 0;
            }
            w++;
        }
        for (int r = w; r < f.size; r++) {
            f.time[r] = null;
            f.infoText[r] = null;
            f.summary[r] = null;
        }
        f.size = w;
    }

    /** Adds row {@code r}'s segments and bytes to row {@code into}, each way. */
    private void absorb(int into, int r) {
        f.count[into] += f.count[r];
        if (f.srcEndpoint[r] == f.srcEndpoint[into]) {
            f.len[into] += f.len[r];
            f.back[into] += f.back[r];
            f.backBytes[into] += f.backBytes[r];
        } else {
            f.len[into] += f.backBytes[r];
            f.back[into] += f.count[r] - f.back[r];
            f.backBytes[into] += f.len[r];
        }
        f.lastFrame[into] = f.lastFrame[r];
    }

    private void ensure(int st) {
        if (st >= rows.length) {
            int c = Math.max(st + 1, rows.length * 2);
            rows = Arrays.copyOf(rows, c);
            open = Arrays.copyOf(open, c);
            active = Arrays.copyOf(active, c);
            afterSyn = Arrays.copyOf(afterSyn, c);
        }
    }
}
