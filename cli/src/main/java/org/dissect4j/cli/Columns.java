package org.dissect4j.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.dissect4j.api.AddressText;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;

/**
 * The summary columns (No., Time, Source, Destination, Protocol, Length, Info) as tshark prints
 * them, with tshark's padding, the {@code -t} time formats and MAC name resolution (Broadcast,
 * multicast prefixes) unless {@code -n}.
 */
final class Columns {
    static final String[] NAMES = {"No.", "Time", "Source", "Destination", "Protocol", "Length", "Info"};

    private final String timeFormat;
    private final boolean resolveNames;
    private long first = Long.MIN_VALUE;
    private long previous = Long.MIN_VALUE;
    private long previousDisplayed = Long.MIN_VALUE;
    private long currentPrevDisplayed = Long.MIN_VALUE;
    private long cumulativeBytes;

    Columns(String timeFormat, boolean resolveNames) {
        this.timeFormat = timeFormat == null ? "r" : timeFormat;
        this.resolveNames = resolveNames;
    }

    /** Called for every frame read (displayed or not), in order. */
    void frameRead(Frame f) {
        if (first == Long.MIN_VALUE) {
            first = f.timestampNanos();
        }
        currentPrevDisplayed = previousDisplayed;
        cumulativeBytes += f.originalLength();
    }

    /**
     * Instead of {@link #frameRead} on a worker of {@code --threads}, which sees only some frames: takes
     * the first and previous timestamps and the bytes before from the frame's capture context, and the
     * last displayed frame's timestamp from the worker's engine.
     */
    void frameContext(Frame f, long previousDisplayedNanos) {
        first = f.firstTimestampNanos();
        previous = f.previousTimestampNanos();   // the first frame's own: a delta of 0, as frameRead gives it
        currentPrevDisplayed = previousDisplayedNanos;
        cumulativeBytes = f.bytesBefore() + f.originalLength();
    }

    /** The bytes of the frames read so far, this one included (the {@code %B} column). */
    long cumulativeBytes() {
        return cumulativeBytes;
    }

    /** Called after the frame's columns were used; {@code displayed} when it passed the filter. */
    void frameDone(Frame f, boolean displayed) {
        previous = f.timestampNanos();
        if (displayed) {
            previousDisplayed = f.timestampNanos();
        }
    }

    static boolean isValid(String format) {
        return switch (format) {
            case "a", "ad", "adoy", "d", "dd", "e", "r", "u", "ud", "udoy" -> true;
            default -> false;
        };
    }

    String value(String column, Frame f, Packet p, int digits) {
        StringBuilder sb = new StringBuilder();
        switch (column) {
            case "No." -> sb.append(f.number());
            case "Time" -> time(f, digits, sb);
            case "Source" -> address(p, true, sb);
            case "Destination" -> address(p, false, sb);
            case "Protocol" -> sb.append(p.protocolColumn());
            case "Length" -> sb.append(f.originalLength());
            case "Info" -> sb.append(p.info());
            default -> {
            }
        }
        return sb.toString();
    }

    private final StringBuilder line = new StringBuilder(256);
    private final StringBuilder cell = new StringBuilder(64);

    /** One summary line, padded like tshark's (a reused builder: valid until the next call). */
    StringBuilder line(Frame f, Packet p, int digits) {
        StringBuilder sb = line;
        StringBuilder c = cell;
        sb.setLength(0);
        c.setLength(0);
        padLeft(sb, c.append(f.number()), 5);
        sb.append(' ');
        c.setLength(0);
        time(f, digits, c);
        padLeft(sb, c, 10);
        sb.append(' ');
        c.setLength(0);
        address(p, true, c);
        padLeft(sb, c, 12);
        sb.append(" \u2192 ");
        c.setLength(0);
        address(p, false, c);
        padRight(sb, c, 12);
        // the Info column is always preceded by its separator, even when empty (tshark ends such lines with a space)
        sb.append(' ').append(p.protocolColumn()).append(' ').append(f.originalLength()).append(' ').append(p.info());
        return sb;
    }

    private static void padLeft(StringBuilder sb, CharSequence s, int width) {
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        sb.append(s);
    }

    private static void padRight(StringBuilder sb, CharSequence s, int width) {
        sb.append(s);
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
    }

    void time(Frame f, int digits, StringBuilder sb) {
        time(timeFormat, f, digits, sb);
    }

    /** The time of {@code f} in {@code -t} format {@code format}. */
    void time(String format, Frame f, int digits, StringBuilder sb) {
        long ts = f.timestampNanos();
        switch (format) {
            case "r" -> seconds(ts - first, digits, sb);
            case "d" -> seconds(previous == Long.MIN_VALUE ? 0 : ts - previous, digits, sb);
            case "dd" -> seconds(currentPrevDisplayed == Long.MIN_VALUE ? 0 : ts - currentPrevDisplayed, digits, sb);
            case "e" -> seconds(ts, digits, sb);
            case "a", "ad", "adoy", "u", "ud", "udoy" -> {
                ZoneId zone = format.startsWith("u") ? ZoneOffset.UTC : ZoneId.systemDefault();
                ZonedDateTime z = Instant.ofEpochSecond(Math.floorDiv(ts, 1_000_000_000L)).atZone(zone);
                if (format.endsWith("d")) {
                    sb.append(z.getYear()).append('-');
                    two(z.getMonthValue(), sb);
                    sb.append('-');
                    two(z.getDayOfMonth(), sb);
                    sb.append(' ');
                } else if (format.endsWith("doy")) {
                    sb.append(z.getYear()).append('/');
                    String doy = Integer.toString(z.getDayOfYear());
                    sb.append("000", 0, 3 - doy.length()).append(doy).append(' ');
                }
                two(z.getHour(), sb);
                sb.append(':');
                two(z.getMinute(), sb);
                sb.append(':');
                two(z.getSecond(), sb);
                fraction(Math.floorMod(ts, 1_000_000_000L), digits, sb);
            }
            default -> seconds(ts - first, digits, sb);
        }
    }

    private static void two(int v, StringBuilder sb) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }

    /** Seconds with {@code digits} decimals, truncated like Wireshark. */
    static void seconds(long nanos, int digits, StringBuilder sb) {
        if (nanos < 0) {
            sb.append('-');
            nanos = -nanos;
        }
        sb.append(nanos / 1_000_000_000L);
        fraction(nanos % 1_000_000_000L, digits, sb);
    }

    /** The first {@code digits} of the 9-digit nanoseconds {@code frac}, after a dot. */
    private static void fraction(long frac, int digits, StringBuilder sb) {
        if (digits <= 0) {
            return;
        }
        sb.append('.');
        long v = frac;
        for (int i = digits; i < 9; i++) {
            v /= 10;
        }
        for (long div = POW10[digits - 1]; div > 0; div /= 10) {
            sb.append((char) ('0' + v / div % 10));
        }
    }

    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    void address(Packet p, boolean source, StringBuilder sb) {
        address(p, source, resolveNames, sb);
    }

    /** The network address, else the hardware one (MAC names only when {@code resolve}). */
    void address(Packet p, boolean source, boolean resolve, StringBuilder sb) {
        if (!network(p, source, sb)) {
            hardware(p, source, resolve, sb);
        }
    }

    /** The network address; false when the packet has none. */
    boolean network(Packet p, boolean source, StringBuilder sb) {
        int nt = p.netType();
        if (nt == Packet.AT_IPV4) {
            AddressText.ipv4(sb, source ? p.netSrc() : p.netDst());
        } else if (nt == Packet.AT_IPV6) {
            AddressText.ipv6(sb, source ? p.netSrc() : p.netDst());
        } else {
            return false;
        }
        return true;
    }

    /** The hardware (Ethernet) address, with MAC names when {@code resolve} and not {@code -n}. */
    void hardware(Packet p, boolean source, boolean resolve, StringBuilder sb) {
        if (p.dlType() == Packet.AT_ETHER) {
            mac(source ? p.dlSrc() : p.dlDst(), resolve && resolveNames, sb);
        }
    }

    void mac(byte[] a, StringBuilder sb) {
        mac(a, resolveNames, sb);
    }

    private static void mac(byte[] a, boolean resolve, StringBuilder sb) {
        java.lang.foreign.MemorySegment seg = java.lang.foreign.MemorySegment.ofArray(a);
        if (resolve) {
            org.dissect4j.api.MacNames.name(sb, seg, 0);
        } else {
            org.dissect4j.api.MacNames.mac(sb, seg, 0);
        }
    }
}
