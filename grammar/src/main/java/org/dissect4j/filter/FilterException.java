package org.dissect4j.filter;

/**
 * A display filter that does not compile: the reason, where in the expression (0-based character
 * offset and length of the offending token), and {@link #getMessage()} formatted for people — the
 * expression, a caret line under the token, the reason and a suggestion where there is one.
 */
public final class FilterException extends Exception {
    /** The expression that failed; see {@link #expression()}. */
    private final String expression;
    /** Start of the offending token; see {@link #position()}. */
    private final int position;
    /** Length of the offending token; see {@link #length()}. */
    private final int length;
    /** The reason without position or caret; see {@link #reason()}. */
    private final String reason;

    /**
     * A filter error at a token of {@code expression}; the message is built from all four values.
     *
     * @param expression the whole filter text
     * @param position   0-based offset of the offending token in {@code expression}
     * @param length     length of the offending token (the caret line marks at least one character)
     * @param reason     one or more sentences saying what is wrong (and what to write instead)
     * @throws NullPointerException {@code expression} is {@code null}
     */
    public FilterException(String expression, int position, int length, String reason) {
        super(format(expression, position, length, reason));
        this.expression = expression;
        this.position = position;
        this.length = length;
        this.reason = reason;
    }

    /**
     * The filter that does not compile.
     *
     * @return the whole expression, as given to {@link DisplayFilter#compile}
     */
    public String expression() {
        return expression;
    }

    /**
     * Where the problem is. The message shows it 1-based, as its column.
     *
     * @return the 0-based offset of the offending token in {@link #expression()}
     */
    public int position() {
        return position;
    }

    /**
     * How much of the expression is wrong: the caret line underlines this many characters.
     *
     * @return the length of the offending token
     */
    public int length() {
        return length;
    }

    /**
     * What is wrong, without the expression and the caret line of {@link #getMessage()}.
     *
     * @return the reason, e.g. a syntax error or an unknown field with a suggestion
     */
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
