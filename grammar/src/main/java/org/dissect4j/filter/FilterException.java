package org.dissect4j.filter;

/**
 * A display filter that does not compile: the reason, where in the expression (0-based character
 * offset and length of the offending token), and {@link #getMessage()} formatted for people — the
 * expression, a caret line under the token, the reason and a suggestion where there is one.
 */
public final class FilterException extends Exception {
    private final String expression;
    private final int position;
    private final int length;
    private final String reason;

    public FilterException(String expression, int position, int length, String reason) {
        super(format(expression, position, length, reason));
        this.expression = expression;
        this.position = position;
        this.length = length;
        this.reason = reason;
    }

    public String expression() {
        return expression;
    }

    /** 0-based offset of the offending token in {@link #expression()}. */
    public int position() {
        return position;
    }

    public int length() {
        return length;
    }

    public String reason() {
        return reason;
    }

    private static String format(String expression, int position, int length, String reason) {
        StringBuilder sb = new StringBuilder();
        sb.append(reason).append(" (column ").append(position + 1).append(")\n");
        sb.append("    ").append(expression.replace('\n', ' ').replace('\t', ' ').replace('\r', ' ')).append('\n');
        sb.append("    ");
        for (int i = 0; i < position; i++) {
            sb.append(' ');
        }
        sb.append('^');
        for (int i = 1; i < length; i++) {
            sb.append('~');
        }
        return sb.toString();
    }
}
