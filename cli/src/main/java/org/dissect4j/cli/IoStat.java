package org.dissect4j.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.filter.DisplayFilter;
import org.dissect4j.filter.FilterException;

/**
 * {@code -z io,stat,INTERVAL[,COLUMN]...}: tshark 4.0's IO statistics table (ui/cli/tap-iostat.c) byte for
 * byte, with relative times ({@code -t r}, the default). A column is a display filter (frames and bytes of
 * the packets it matches; empty: every packet), or {@code FRAMES}, {@code BYTES}, {@code COUNT(FIELD)},
 * {@code SUM(FIELD)}, {@code MIN(FIELD)}, {@code MAX(FIELD)}, {@code AVG(FIELD)} or {@code LOAD(FIELD)}
 * followed by an optional filter. INTERVAL is in seconds (down to 0.000001); 0 means the whole capture.
 *
 * <p>As tshark: the rows cover the capture's duration (the last packet's relative time) rounded to the
 * interval's precision, one row per interval; cell widths follow the largest value of each column. Memory:
 * each column keeps one small row per interval reached, at most {@code --report-limit} rows; packets past
 * that row are counted and named on stderr, and their rows print as zeros.
 */
final class IoStat implements Sink {
    /** tshark's calc_type_table, in its order (prefixes are matched in this order). */
    private static final String[] CALC_NAMES = {"FRAMES", "BYTES", "FRAMES BYTES", "COUNT", "SUM", "MIN", "MAX", "AVG", "LOAD"};
    static final int FRAMES = 0, BYTES = 1, FRAMES_BYTES = 2, COUNT = 3, SUM = 4, MIN = 5, MAX = 6, AVG = 7, LOAD = 8;
    private static final Pattern INTERVAL = Pattern.compile("io,stat,([-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?)");

    private final PrintStream out;
    private final PrintStream err;
    private final int limit;
    /** The interval in microseconds; {@link Long#MAX_VALUE} for the whole capture. */
    private final long interval;
    private final int intervalPrecision;
    private final List<Column> columns = new ArrayList<>();
    private long lastRelativeMicros;
    private int[] relIds;
    private long elapsedNanos;
    private long leftOut;

    /** One column: its filter, what it computes, and one cell per interval. */
    static final class Column {
        final String label;
        final int calc;
        String filterText;
        String fieldName;
        DisplayFilter filter;
        int[] fieldIds = new int[0];
        FieldType type;
        long[] frames = new long[16];
        long[] counter = new long[16];
        long[] num = new long[16];
        double[] dbl = new double[16];
        float[] flt = new float[16];
        int rows;
        long maxFrames;
        long maxValue;

        Column(String label, int calc) {
            this.label = label;
            this.calc = calc;
        }
    }

    /**
     * @param arg        the whole {@code -z} argument, {@code io,stat,...}
     * @param timeFormat the {@code -t} format; only {@code r} is supported
     * @param limit      rows kept per column ({@code --report-limit})
     * @throws IllegalArgumentException for an argument tshark refuses
     */
    IoStat(PrintStream out, String arg, String timeFormat, int limit, PrintStream err) {
        this.out = out;
        this.err = err;
        this.limit = limit;
        String usage = "invalid \"-z io,stat,<interval>[,<filter>][,<filter>]...\" argument";
        Matcher m = INTERVAL.matcher(arg);
        if (arg.endsWith(",") || !m.lookingAt()) {
            throw new IllegalArgumentException(usage);
        }
        String rest = arg.substring(m.end());
        if (!rest.isEmpty() && rest.charAt(0) != ',') {
            throw new IllegalArgumentException(usage);
        }
        if (timeFormat != null && !timeFormat.equals("r")) {
            throw new IllegalArgumentException("-z io,stat: only relative times (-t r, the default) are supported");
        }
        double seconds = Double.parseDouble(m.group(1));
        if (seconds == 0) {
            interval = Long.MAX_VALUE;
            intervalPrecision = 0;
        } else {
            interval = (long) (seconds * 1_000_000.0 + 0.5);
            if (interval < 1) {
                throw new IllegalArgumentException("\"-z\" interval must be >=0.000001 seconds or \"0\" for the entire capture duration");
            }
            intervalPrecision = precision(interval, m.group(1));
        }
        if (rest.isEmpty()) {
            columns.add(column(null));
        } else {
            for (String c : rest.substring(1).split(",", -1)) {
                String s = c.strip();
                columns.add(column(s.isEmpty() ? null : s));
            }
        }
    }

    /** The decimals shown: those the interval needs, or as many zeros as were written after the point. */
    private static int precision(long micros, String text) {
        int prec = 6;
        for (long i = 10; i < 10_000_000L; i *= 10) {
            if (micros % i > 0) {
                break;
            }
            prec--;
        }
        int dot = text.indexOf('.');
        if (prec == 0 && dot >= 0 && text.length() - dot - 1 > 0) {
            prec = Math.min(text.length() - dot - 1, 6);
        }
        return prec;
    }

    /** Parses one column as register_io_tap does: a calculation prefix, its field in parentheses, then the filter. */
    private static Column column(String text) {
        int calc = FRAMES_BYTES;
        String flt = text;
        String field = null;
        for (int j = 0; j < CALC_NAMES.length; j++) {
            String name = CALC_NAMES[j];
            if (text != null && text.startsWith(name)) {
                calc = j;
                if (text.length() > name.length() && text.charAt(name.length()) == '(') {
                    int close = text.indexOf(')', name.length() + 1);
                    if (close < 0) {
                        throw new IllegalArgumentException("io,stat: closing parenthesis missing from calculated expression");
                    }
                    String inside = text.substring(name.length() + 1, close);
                    if ((calc == FRAMES || calc == BYTES) && !inside.isEmpty()) {
                        throw new IllegalArgumentException("io,stat: " + name + " does not require or allow a field name within the parens");
                    }
                    if (calc != FRAMES && calc != BYTES && inside.isEmpty()) {
                        throw new IllegalArgumentException("io,stat: you didn't specify a field name for " + name + "(*)");
                    }
                    flt = text.substring(close + 1);
                    field = calc == FRAMES || calc == BYTES ? null : inside;
                    break;
                }
            } else if (calc == FRAMES || calc == BYTES) {
                flt = "";
            }
        }
        Column c = new Column(text, calc);
        c.filterText = flt;
        c.fieldName = field;
        return c;
    }

    @Override
    public void prime(Engine engine) {
        relIds = ReportFormat.want(engine, "frame.time_relative");
        for (Column c : columns) {
            try {
                c.filter = DisplayFilter.compile(c.filterText, engine);
            } catch (FilterException e) {
                throw new IllegalArgumentException("Couldn't register io,stat tap: " + e.getMessage(), e);
            }
            c.filter.prime(engine.tree());
            if (c.fieldName != null) {
                List<Field> fs = engine.fields(c.fieldName);
                if (fs.isEmpty()) {
                    throw new IllegalArgumentException("io,stat: there is no field named '" + c.fieldName + "'");
                }
                c.type = fs.get(0).type();
                checkType(c);
            }
        }
        // tshark 4.0 builds the tree of a -q run with only the fields some filter reads: a column's field has
        // values only when a column's filter names it (MAX(tcp.window_size)tcp reads 0, ...tcp.window_size does not)
        java.util.Set<Field> read = new java.util.HashSet<>();
        for (Column c : columns) {
            read.addAll(c.filter.referencedFields());
        }
        for (Column c : columns) {
            if (c.fieldName != null) {
                c.fieldIds = engine.fields(c.fieldName).stream().filter(read::contains).mapToInt(Field::id).toArray();
            }
        }
    }

    private static void checkType(Column c) {
        String kind = kind(c.type);
        boolean ok = switch (kind) {
            case "int" -> true;
            case "float" -> c.calc != LOAD;
            case "time" -> true;
            default -> c.calc == COUNT;
        };
        if (!ok) {
            throw new IllegalArgumentException("io,stat: " + c.fieldName + " doesn't have integral values, so "
                    + CALC_NAMES[c.calc] + "(*) calculations are not supported on it");
        }
    }

    /** The value family of a field type as io,stat computes with it: int, uint, float, double, time or other. */
    static String kind(FieldType t) {
        return switch (t) {
            case UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64, INT8, INT16, INT24, INT32, INT64 -> "int";
            case FLOAT, DOUBLE -> "float";
            case RELATIVE_TIME -> "time";
            default -> "other";
        };
    }

    private static boolean signed(FieldType t) {
        return t == FieldType.INT8 || t == FieldType.INT16 || t == FieldType.INT24 || t == FieldType.INT32 || t == FieldType.INT64;
    }

    /** A {@code -z} statistic: counts every packet read, whatever {@code -Y} shows. */
    @Override
    public boolean seesEveryPacket() {
        return true;
    }

    @Override
    public void packet(Frame frame, Packet p) {
        Tree t = p.tree();
        long rel = ReportFormat.value(t, relIds, 0);
        long micros;
        if (rel >= 0) {
            micros = rel / 1_000_000_000L * 1_000_000L + (rel % 1_000_000_000L + 500) / 1000;
            lastRelativeMicros = micros;
        } else {
            micros = lastRelativeMicros;
        }
        elapsedNanos = Math.max(elapsedNanos, rel);
        long row = interval == Long.MAX_VALUE ? 0 : micros / interval;
        for (Column c : columns) {
            if (!c.filter.matches(t)) {
                continue;
            }
            if (row >= limit) {
                leftOut++;
                continue;
            }
            int r = (int) row;
            grow(c, r);
            c.frames[r]++;
            count(c, r, t, frame.originalLength());
            remember(c, r);
        }
    }

    private static void grow(Column c, int r) {
        if (r >= c.frames.length) {
            int n = Math.max(r + 1, c.frames.length * 2);
            c.frames = Arrays.copyOf(c.frames, n);
            c.counter = Arrays.copyOf(c.counter, n);
            c.num = Arrays.copyOf(c.num, n);
            c.dbl = Arrays.copyOf(c.dbl, n);
            c.flt = Arrays.copyOf(c.flt, n);
        }
        c.rows = Math.max(c.rows, r + 1);
    }

    private void count(Column c, int r, Tree t, long frameLength) {
        switch (c.calc) {
            case FRAMES, BYTES, FRAMES_BYTES -> c.counter[r] += frameLength;
            case COUNT -> {
                for (int id : c.fieldIds) {
                    for (int n = t.first(id); n >= 0; n = t.next(n)) {
                        c.counter[r]++;
                    }
                }
            }
            case LOAD -> load(c, r, t);
            default -> values(c, r, t);
        }
    }

    /** SUM, MIN, MAX and AVG over every occurrence of the field in the packet. */
    private static void values(Column c, int r, Tree t) {
        int i = 0;
        boolean isSigned = signed(c.type);
        for (int id : c.fieldIds) {
            for (int n = t.first(id); n >= 0; n = t.next(n), i++) {
                boolean first = c.frames[r] == 1 && i == 0;
                switch (c.type) {
                    case FLOAT -> {
                        float v = (float) t.doubleValue(n);
                        c.flt[r] = switch (c.calc) {
                            case MIN -> first || v < c.flt[r] ? v : c.flt[r];
                            case MAX -> v > c.flt[r] ? v : c.flt[r];
                            default -> c.flt[r] + v;
                        };
                    }
                    case DOUBLE -> {
                        double v = t.doubleValue(n);
                        c.dbl[r] = switch (c.calc) {
                            case MIN -> first || v < c.dbl[r] ? v : c.dbl[r];
                            case MAX -> v > c.dbl[r] ? v : c.dbl[r];
                            default -> c.dbl[r] + v;
                        };
                    }
                    default -> {
                        long v = t.value(n);
                        long cur = c.counter[r];
                        c.counter[r] = switch (c.calc) {
                            case MIN -> first || (isSigned ? v < cur : Long.compareUnsigned(v, cur) < 0) ? v : cur;
                            case MAX -> (isSigned ? v > cur : Long.compareUnsigned(v, cur) > 0) ? v : cur;
                            default -> cur + v;
                        };
                    }
                }
                if (c.calc == AVG) {
                    c.num[r]++;
                }
            }
        }
    }

    /** LOAD(relative time): each value spread over the intervals it covers, back from this one. */
    private void load(Column c, int r, Tree t) {
        for (int id : c.fieldIds) {
            for (int n = t.first(id); n >= 0; n = t.next(n)) {
                long val = t.value(n) / 1000;
                long step = interval == Long.MAX_VALUE ? Long.MAX_VALUE : interval;
                long part = val % step;
                c.counter[r] += part;
                val -= part;
                for (int k = r - 1; val > 0 && k >= 0; k--) {
                    long add = Math.min(val, step);
                    c.counter[k] += add;
                    val -= add;
                }
            }
        }
    }

    /** The running largest values, which size the columns (as iostat_packet records them). */
    private static void remember(Column c, int r) {
        switch (c.calc) {
            case FRAMES, FRAMES_BYTES -> {
                c.maxFrames = Math.max(c.maxFrames, c.frames[r]);
                if (c.calc == FRAMES_BYTES) {
                    c.maxValue = Math.max(c.maxValue, c.counter[r]);
                }
            }
            case BYTES, COUNT, LOAD -> c.maxValue = Math.max(c.maxValue, c.counter[r]);
            case SUM, MIN, MAX -> c.maxValue = switch (c.type) {
                case FLOAT -> Math.max(c.maxValue, (long) (c.flt[r] + 0.5));
                case DOUBLE -> Math.max(c.maxValue, (long) (c.dbl[r] + 0.5));
                default -> unsignedMax(c.maxValue, c.counter[r]);
            };
            default -> {
                if (c.num[r] == 0) {
                    return;
                }
                c.maxValue = switch (c.type) {
                    case FLOAT -> Math.max(c.maxValue, (long) c.flt[r] / c.num[r]);
                    case DOUBLE -> Math.max(c.maxValue, (long) c.dbl[r] / c.num[r]);
                    case RELATIVE_TIME -> Math.max(c.maxValue, (c.counter[r] / c.num[r] + 500_000_000L) / 1_000_000_000L);
                    default -> unsignedMax(c.maxValue, Long.divideUnsigned(c.counter[r], c.num[r]));
                };
            }
        }
    }

    private static long unsignedMax(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }

    @Override
    public void finish() {
        out.print(IoStatTable.draw(columns, interval, intervalPrecision, elapsedNanos));
        if (leftOut > 0) {
            ReportLimits.note(err, "-z io,stat", limit, "intervals", leftOut, "packets of later intervals are not counted");
        }
    }

    List<Column> columns() {
        return columns;
    }
}
