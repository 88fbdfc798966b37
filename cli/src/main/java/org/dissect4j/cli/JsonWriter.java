package org.dissect4j.cli;

/**
 * JSON text as Wireshark's {@code json_dumper} writes it: compact ({@code -T ek}) or pretty-printed
 * with two spaces per level ({@code -T json}), {@code "name": value} members, control characters as
 * {@code \\uXXXX} (or {@code \\b \\t \\n \\f \\r}), and, for EK, dots in member names turned into
 * underscores. Appends to a builder the caller flushes; nesting is limited to 256 levels.
 */
final class JsonWriter {
    private static final int MAX_DEPTH = 256;

    private final StringBuilder sb;
    private final boolean pretty;
    private final boolean dotToUnderscore;
    /** Per open level: whether it has an element yet. */
    private final boolean[] hasElements = new boolean[MAX_DEPTH];
    private int depth;
    private boolean afterName;

    JsonWriter(StringBuilder sb, boolean pretty, boolean dotToUnderscore) {
        this.sb = sb;
        this.pretty = pretty;
        this.dotToUnderscore = dotToUnderscore;
    }

    JsonWriter beginObject() {
        return open('{');
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        return open('[');
    }

    JsonWriter endArray() {
        return close(']');
    }

    /** A member's name; its value comes next. */
    JsonWriter name(CharSequence name) {
        element();
        quote(name, dotToUnderscore);
        sb.append(pretty ? ": " : ":");
        afterName = true;
        return this;
    }

    /** A string value, or {@code null} for JSON's null. */
    JsonWriter string(CharSequence value) {
        element();
        if (value == null) {
            sb.append("null");
        } else {
            quote(value, false);
        }
        return this;
    }

    /** A value written as it is ({@code true}, a number, a quoted string made by the caller). */
    JsonWriter raw(CharSequence value) {
        element();
        sb.append(value);
        return this;
    }

    /** Whether the open array or object has an element yet: set or forgotten for {@code --threads}. */
    void hasElements(boolean has) {
        hasElements[depth] = has;
    }

    /** Ends a top-level value: a newline, as {@code json_dumper_finish}. */
    void finish() {
        sb.append('\n');
    }

    private JsonWriter open(char c) {
        element();
        sb.append(c);
        hasElements[++depth] = false;
        return this;
    }

    private JsonWriter close(char c) {
        boolean had = hasElements[depth--];
        if (pretty && had) {
            newline();
        }
        sb.append(c);
        return this;
    }

    /** Before a member or an array element: the comma and, pretty-printed, the new line and indent. */
    private void element() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth == 0) {
            return;
        }
        if (hasElements[depth]) {
            sb.append(',');
        }
        hasElements[depth] = true;
        if (pretty) {
            newline();
        }
    }

    private void newline() {
        sb.append('\n');
        for (int i = 0; i < depth; i++) {
            sb.append("  ");
        }
    }

    private void quote(CharSequence s, boolean underscores) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                sb.append('\\');
                switch (c) {
                    case '\b' -> sb.append('b');
                    case '\t' -> sb.append('t');
                    case '\n' -> sb.append('n');
                    case '\f' -> sb.append('f');
                    case '\r' -> sb.append('r');
                    default -> sb.append("u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                }
            } else if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '/' && i > 0 && s.charAt(i - 1) == '<') {
                sb.append("\\/");     // Wireshark's json_dumper: "</" as "<\/", so that no "</script>" ends up in a page
            } else {
                sb.append(underscores && c == '.' ? '_' : c);
            }
        }
        sb.append('"');
    }
}
