package org.dissect4j.cli;

import java.util.List;
import org.dissect4j.api.FieldType;

/**
 * Draws the {@code -z io,stat} table as tshark 4.0's iostat_draw does: the box, its header (duration,
 * interval, the columns' filters wrapped at the box width), the column numbers and names centred, then one
 * row per interval. Widths follow tshark: the interval column from the duration's digits and the shown
 * precision, each value column from its largest value (at least its name's length).
 */
final class IoStatTable {
    private IoStatTable() {
    }

    /** Column widths: frames and values, without padding and borders. */
    private record Width(int frames, int value) {
    }

    static String draw(List<IoStat.Column> columns, long userInterval, int userPrecision, long elapsedNanos) {
        long duration = elapsedNanos / 1_000_000_000L * 1_000_000L + (elapsedNanos % 1_000_000_000L + 500) / 1000;
        boolean whole = userInterval > duration || userInterval == Long.MAX_VALUE;
        long interval = whole ? duration : userInterval;
        int durMag = magnitude(duration / 1_000_000L, 5);
        int invlMag = magnitude(interval / 1_000_000L, 5);
        int prec;
        int borderlen;
        if (interval == duration) {
            prec = durMag >= 2 ? 1 : durMag == 1 ? 3 : 6;
            borderlen = 30 + durMag + prec + 1;
        } else {
            prec = userPrecision;
            borderlen = 25 + Math.max(invlMag, durMag) + (prec == 0 ? 0 : prec + 1);
        }
        long dv = 1_000_000L;
        for (int i = 0; i < prec; i++) {
            dv /= 10;
        }
        if (duration % dv > 5 * (dv / 10)) {
            duration += 5 * (dv / 10);
            duration = duration / dv * dv;
            durMag = magnitude(duration / 1_000_000L, 5);
        }
        if (whole) {
            interval = duration;
        }
        int invlColW = prec == 0 ? 2 * durMag + 8 : 2 * durMag + 2 * prec + 10;
        invlColW = Math.max(invlColW, 12);
        Width[] w = new Width[columns.size()];
        int tabrowW = invlColW + widths(columns, interval, w);
        borderlen = Math.max(borderlen, tabrowW);
        int maxFilterW = 0;
        for (IoStat.Column c : columns) {
            maxFilterW = Math.max(maxFilterW, c.label != null ? c.label.length() + 11 : 26);
        }
        if (maxFilterW > borderlen && borderlen < 102) {
            borderlen = Math.min(maxFilterW, 102);
        }
        if (borderlen - tabrowW == 1) {
            borderlen++;
        }
        StringBuilder b = new StringBuilder(1024);
        header(b, columns, borderlen, elapsedNanos, interval, prec);
        headerRow(b, columns, w, borderlen, invlColW, tabrowW);
        rows(b, columns, w, duration, interval, prec, dv, durMag, borderlen, tabrowW);
        b.repeat('=', borderlen).append('\n');
        return b.toString();
    }

    private static int widths(List<IoStat.Column> columns, long interval, Width[] w) {
        int total = 0;
        for (int j = 0; j < columns.size(); j++) {
            IoStat.Column c = columns.get(j);
            int namelen = c.calc == IoStat.FRAMES_BYTES ? 5 : name(c.calc).length();
            if (c.calc == IoStat.FRAMES || c.calc == IoStat.FRAMES_BYTES) {
                int fr = Math.max(6, magnitude(c.maxFrames, 15));
                int val = c.calc == IoStat.FRAMES_BYTES ? Math.max(5, magnitude(c.maxValue, 15)) : 0;
                w[j] = new Width(fr, val);
                total += fr + 3 + (c.calc == IoStat.FRAMES_BYTES ? val + 3 : 0);
                continue;
            }
            int val;
            if (c.calc == IoStat.BYTES || c.calc == IoStat.COUNT) {
                val = Math.max(5, magnitude(c.maxValue, 15));
            } else if (c.type == FieldType.FLOAT || c.type == FieldType.DOUBLE) {
                val = magnitude(c.maxValue, 15) + 7;
            } else if (c.type == FieldType.RELATIVE_TIME) {
                if (c.calc == IoStat.LOAD) {
                    c.maxValue /= interval;
                } else if (c.calc != IoStat.AVG) {
                    c.maxValue = (c.maxValue + 500_000_000L) / 1_000_000_000L;
                }
                val = magnitude(c.maxValue, 15) + 7;
            } else {
                val = Math.max(namelen, magnitude(c.maxValue, 15));
            }
            w[j] = new Width(0, val);
            total += val + 3;
        }
        return total;
    }

    static String name(int calc) {
        return switch (calc) {
            case IoStat.FRAMES -> "FRAMES";
            case IoStat.BYTES -> "BYTES";
            case IoStat.FRAMES_BYTES -> "FRAMES BYTES";
            case IoStat.COUNT -> "COUNT";
            case IoStat.SUM -> "SUM";
            case IoStat.MIN -> "MIN";
            case IoStat.MAX -> "MAX";
            case IoStat.AVG -> "AVG";
            default -> "LOAD";
        };
    }

    /** Digits of {@code val}, at most {@code max}. */
    static int magnitude(long val, int max) {
        int mag = 0;
        for (int i = 0; i < max; i++) {
            mag++;
            val = Long.divideUnsigned(val, 10);
            if (val == 0) {
                break;
            }
        }
        return mag;
    }

    /** {@code printf("%*s", width, "|")}: the right border at the box's width. */
    private static void border(StringBuilder b, int lineStart, int borderlen) {
        int used = b.length() - lineStart;
        b.repeat(' ', Math.max(0, borderlen - used - 1)).append('|');
    }

    private static void header(StringBuilder b, List<IoStat.Column> columns, int borderlen, long elapsedNanos, long interval, int prec) {
        b.append('\n').repeat('=', borderlen).append('\n');
        b.append('|');
        ReportFormat.padRight(b, " IO Statistics", borderlen - 2);
        b.append("|\n|").repeat(' ', borderlen - 2).append("|\n");
        // the duration is shown to the microsecond when the interval has no decimals
        int durPrec = prec == 0 ? 6 : prec;
        int durW = magnitude(elapsedNanos / 1_000_000_000L, 5) + (prec == 0 ? 0 : prec + 1);
        int start = b.length();
        b.append("| Duration: ");
        ReportFormat.padLeft(b, time(rounded(elapsedNanos, durPrec), durPrec), durW);
        b.append(" secs");
        border(b, start, borderlen);
        b.append('\n');
        start = b.length();
        b.append("| Interval: ");
        ReportFormat.padLeft(b, time(interval * 1000, prec), durW);
        b.append(" secs");
        border(b, start, borderlen);
        b.append("\n|").repeat(' ', borderlen - 2).append("|\n");
        filters(b, columns, borderlen);
        b.append("|-").repeat('-', borderlen - 3).append("|\n");
    }

    /** Nanoseconds rounded to {@code prec} decimals of a second (nstime_rounded). */
    private static long rounded(long nanos, int prec) {
        long unit = 1;
        for (int i = prec; i < 9; i++) {
            unit *= 10;
        }
        return (nanos + unit / 2) / unit * unit;
    }

    /** Seconds with {@code prec} decimals, truncated (display_signed_time). */
    private static String time(long nanos, int prec) {
        long secs = nanos / 1_000_000_000L;
        if (prec == 0) {
            return Long.toString(secs);
        }
        long frac = nanos % 1_000_000_000L;
        for (int i = prec; i < 9; i++) {
            frac /= 10;
        }
        String f = Long.toString(frac);
        return secs + "." + "0".repeat(prec - f.length()) + f;
    }

    private static void filters(StringBuilder b, List<IoStat.Column> columns, int borderlen) {
        for (int j = 0; j < columns.size(); j++) {
            int start = b.length();
            b.append(j == 0 ? "| Col " : "|     ").append(j + 1).append(": ");
            String filter = columns.get(j).label;
            if (filter == null) {
                b.append("Frames and bytes");
            } else {
                int maxW = borderlen - 11;
                while (filter.length() > maxW) {
                    int pos = filter.substring(0, maxW).lastIndexOf(' ');
                    int len = pos >= 0 ? pos : maxW;
                    int next = pos >= 0 ? len + 1 : len;
                    b.append(filter, 0, len);
                    border(b, start, borderlen);
                    b.append('\n');
                    start = b.length();
                    b.append("|        ");
                    filter = filter.substring(next);
                }
                b.append(filter);
            }
            border(b, start, borderlen);
            b.append('\n');
        }
    }

    private static void headerRow(StringBuilder b, List<IoStat.Column> columns, Width[] w, int borderlen, int invlColW, int tabrowW) {
        b.append('|').repeat(' ', invlColW - 2).append('|');
        for (int j = 0; j < columns.size(); j++) {
            int calc = columns.get(j).calc;
            int padding = calc == IoStat.FRAMES_BYTES ? w[j].frames() + w[j].value() + 3 : calc == IoStat.FRAMES ? w[j].frames() : w[j].value();
            ReportFormat.padRight(b, Integer.toString(j + 1), 2);
            b.repeat(' ', padding).append('|');
        }
        String filler = tabrowW < borderlen ? " ".repeat(borderlen - tabrowW - 1) + "|" : "";
        b.append(filler).append('\n');
        b.append("| Interval").repeat(' ', invlColW - 10 - 1).append('|');
        for (int j = 0; j < columns.size(); j++) {
            int calc = columns.get(j).calc;
            if (calc == IoStat.FRAMES) {
                center(b, "FRAMES", w[j].frames());
            } else if (calc == IoStat.FRAMES_BYTES) {
                center(b, "Frames", w[j].frames());
                center(b, "Bytes", w[j].value());
            } else {
                center(b, name(calc), w[j].value());
            }
        }
        b.append(filler).append("\n|-").repeat('-', tabrowW - 3).append('|').append(filler).append('\n');
    }

    /** printcenter: the label centred in a cell of {@code width} (up to 5 spaces each side). */
    private static void center(StringBuilder b, String label, int width) {
        int lenlab = label.length();
        int len = 6 - ((width - lenlab) / 2 + 1);
        if (len > 0 && len < 6) {
            int pad = 6 - len;
            b.repeat(' ', (width - lenlab) % 2 == 0 ? pad : pad + 1).append(label).repeat(' ', pad).append('|');
        } else if (len > 0 && len <= 15) {
            b.append(label).append('|');
        }
    }

    private static void rows(StringBuilder b, List<IoStat.Column> columns, Width[] w, long duration, long interval, int prec, long dv,
                             int durMag, int borderlen, int tabrowW) {
        if (interval <= 0) {
            return;
        }
        int row = 0;
        for (long t = 0; t < duration; t += interval, row++) {
            long end = t + interval;
            boolean last = false;
            if (end >= duration) {
                last = true;
                end = duration;
            }
            if (prec == 0) {
                b.append(durMag == 1 ? "|  " : "| ");
                ReportFormat.padLeft(b, Long.toString(t / 1_000_000L), durMag);
                b.append(" <> ");
                if (last) {
                    ReportFormat.padRight(b, "Dur", durMag >= 3 ? durMag + 1 : 3);
                    b.append('|');
                } else {
                    ReportFormat.padLeft(b, Long.toString(end / 1_000_000L), durMag);
                    b.append(durMag == 1 ? "  |" : " |");
                }
            } else {
                b.append("| ");
                timeCell(b, t, prec, dv, durMag);
                b.append(" <> ");
                timeCell(b, end, prec, dv, durMag);
                b.append(" |");
            }
            for (int j = 0; j < columns.size(); j++) {
                IoStatCells.cell(b, columns.get(j), w[j], row, interval, last ? end - t : interval);
            }
            if (tabrowW < borderlen) {
                b.repeat(' ', borderlen - tabrowW - 1).append('|');
            }
            b.append('\n');
        }
    }

    private static void timeCell(StringBuilder b, long micros, int prec, long dv, int durMag) {
        ReportFormat.padLeft(b, Long.toString(micros / 1_000_000L), durMag);
        String f = Long.toString(micros % 1_000_000L / dv);
        b.append('.').repeat('0', prec - f.length()).append(f);
    }

    /** The value cells. */
    static final class IoStatCells {
        private IoStatCells() {
        }

        static void cell(StringBuilder b, IoStat.Column c, Width w, int row, long interval, long lastSpan) {
            boolean has = row < c.rows;
            long frames = has ? c.frames[row] : 0;
            long counter = has ? c.counter[row] : 0;
            switch (c.calc) {
                case IoStat.FRAMES -> num(b, Long.toString(frames), w.frames());
                case IoStat.FRAMES_BYTES -> {
                    num(b, Long.toString(frames), w.frames());
                    num(b, Long.toUnsignedString(counter), w.value());
                }
                case IoStat.BYTES, IoStat.COUNT -> num(b, Long.toUnsignedString(counter), w.value());
                default -> computed(b, c, w, has, row, counter, lastSpan);
            }
        }

        private static void computed(StringBuilder b, IoStat.Column c, Width w, boolean has, int row, long counter, long span) {
            long n = has ? Math.max(1, c.num[row]) : 1;
            boolean avg = c.calc == IoStat.AVG;
            switch (c.type) {
                case FLOAT -> {
                    float v = has ? c.flt[row] : 0f;
                    num(b, ReportFormat.fixed(avg ? v / n : v, 6), w.value() - 7);
                }
                case DOUBLE -> {
                    double v = has ? c.dbl[row] : 0;
                    // "%N.6f": N is the integer part's width only
                    num(b, ReportFormat.fixed(avg ? v / n : v, 6), w.value() - 7);
                }
                case RELATIVE_TIME -> {
                    long us;
                    if (c.calc == IoStat.LOAD) {
                        seconds(b, counter / span, counter % span * 1_000_000L / span, w.value() - 7);
                        return;
                    }
                    us = ((avg ? counter / n : counter) + 500) / 1000;
                    seconds(b, us / 1_000_000L, us % 1_000_000L, w.value() - 7);
                }
                default -> {
                    long v = avg ? Long.divideUnsigned(counter, n) : counter;
                    boolean signed = c.type == FieldType.INT8 || c.type == FieldType.INT16 || c.type == FieldType.INT24
                            || c.type == FieldType.INT32 || c.type == FieldType.INT64;
                    num(b, signed ? Long.toString(v) : Long.toUnsignedString(v), w.value());
                }
            }
        }

        /** {@code " %Nu.%06u |"}. */
        private static void seconds(StringBuilder b, long secs, long micros, int width) {
            b.append(' ');
            ReportFormat.padLeft(b, Long.toString(secs), width);
            String f = Long.toString(micros);
            b.append('.').repeat('0', Math.max(0, 6 - f.length())).append(f).append(" |");
        }

        /** {@code " %Nu |"}. */
        private static void num(StringBuilder b, String v, int width) {
            b.append(' ');
            ReportFormat.padLeft(b, v, width);
            b.append(" |");
        }
    }
}
