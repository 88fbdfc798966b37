package org.dissect4j.filter;

import java.util.List;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.dissect4j.filter.parser.DisplayFilterLexer;
import org.dissect4j.filter.parser.DisplayFilterParser;

/**
 * Text to {@link Ast}: enforces the length and nesting limits on the token stream before the
 * recursive-descent parser sees it, parses in SLL mode and retries in full LL mode only when SLL
 * fails (as Trino does), and turns the first syntax error into a {@link FilterException}
 * worded like tshark's.
 */
final class Parsing {
    /** Longest expression accepted, in characters. */
    static final int MAX_LENGTH = 65_536;
    /** Deepest nesting of parentheses, braces, brackets, calls and prefix operators. */
    static final int MAX_NESTING = 100;

    private Parsing() {
    }

    /** The AST of {@code expression}, or {@code null} when it is empty or only whitespace. */
    static Ast.Expr parse(String expression) throws FilterException {
        if (expression.length() > MAX_LENGTH) {
            throw new FilterException(expression, MAX_LENGTH, 1, "The filter is too long (" + expression.length()
                    + " characters; at most " + MAX_LENGTH + " are accepted).");
        }
        DisplayFilterLexer lexer = new DisplayFilterLexer(CharStreams.fromString(expression));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        checkTokens(expression, tokens.getTokens());

        DisplayFilterParser parser = new DisplayFilterParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        DisplayFilterParser.FilterContext tree;
        try {
            tree = parser.filter();
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            Listener listener = new Listener(expression);
            parser.addErrorListener(listener);
            try {
                tree = parser.filter();
            } catch (Stop stop) {
                throw stop.exception;
            }
            if (listener.first != null) {
                throw listener.first;
            }
        }
        return new AstBuilder(expression).build((DisplayFilterParser.FilterRootContext) tree);
    }

    /** Limits that keep the recursive parser and the later passes far from the stack's end. */
    private static void checkTokens(String expression, List<Token> tokens) throws FilterException {
        int depth = 0;
        int prefixRun = 0;
        for (Token t : tokens) {
            switch (t.getType()) {
                case DisplayFilterLexer.LPAREN, DisplayFilterLexer.LBRACE, DisplayFilterLexer.LBRACKET,
                     DisplayFilterLexer.L_LBRACKET -> depth++;
                case DisplayFilterLexer.RPAREN, DisplayFilterLexer.RBRACE, DisplayFilterLexer.RBRACKET -> depth--;
                default -> {
                }
            }
            boolean prefix = switch (t.getType()) {
                case DisplayFilterLexer.NOT, DisplayFilterLexer.BANG, DisplayFilterLexer.MINUS, DisplayFilterLexer.PLUS -> true;
                default -> false;
            };
            prefixRun = prefix ? prefixRun + 1 : 0;
            if (depth + prefixRun > MAX_NESTING) {
                throw new FilterException(expression, t.getStartIndex(), Math.max(1, t.getText().length()),
                        "The filter nests too deeply (more than " + MAX_NESTING + " levels of parentheses, braces or operators).");
            }
        }
    }

    /** Thrown out of the parser at the first syntax error. */
    private static final class Stop extends RuntimeException {
        final FilterException exception;

        Stop(FilterException exception) {
            super(null, null, false, false);
            this.exception = exception;
        }
    }

    private static final class Listener extends BaseErrorListener {
        private final String expression;
        FilterException first;

        Listener(String expression) {
            this.expression = expression;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int col, String msg,
                                RecognitionException e) {
            Token t = offendingSymbol instanceof Token tok ? tok : null;
            if (t == null) {
                first = new FilterException(expression, 0, 1, "Syntax error: " + msg);
            } else {
                first = describe(expression, t, recognizer);
            }
            throw new Stop(first);
        }
    }

    /** tshark's wording for the token that broke the parse. */
    static FilterException describe(String expression, Token t, Recognizer<?, ?> recognizer) {
        int pos = t.getStartIndex();
        String text = t.getText();
        int len = Math.max(1, t.getStopIndex() - t.getStartIndex() + 1);
        if (t.getType() == Token.EOF) {
            pos = Math.min(expression.length(), Math.max(0, pos));
            String reason = "Unexpected end of filter expression.";
            if (recognizer instanceof DisplayFilterParser p && p.getInputStream() instanceof CommonTokenStream ts) {
                // Where the input ended: inside [ ] (a slice or layer range), or right after '#'.
                int open = 0;
                int previous = -1;
                for (Token x : ts.getTokens()) {
                    switch (x.getType()) {
                        case DisplayFilterLexer.LBRACKET, DisplayFilterLexer.L_LBRACKET -> open++;
                        case DisplayFilterLexer.RBRACKET -> open--;
                        default -> {
                        }
                    }
                    if (x.getType() != Token.EOF) {
                        previous = x.getType();
                    }
                }
                if (previous == DisplayFilterLexer.HASH) {
                    reason = "Expected digit or \"[\" after \"#\", not the end of the filter.";
                } else if (open > 0) {
                    reason = "The right bracket was missing from a slice.";
                }
            }
            return new FilterException(expression, pos, 1, reason);
        }
        String reason = switch (t.getType()) {
            case DisplayFilterLexer.UNCLOSED_STRING -> "The final quote was missing from a quoted string.";
            case DisplayFilterLexer.UNCLOSED_CHAR -> "The final quote was missing from a character constant.";
            case DisplayFilterLexer.UNCLOSED_REFERENCE -> "The closing brace was missing from a field reference.";
            case DisplayFilterLexer.L_ERROR -> "Expected digit or \"[\", not \"" + text + "\"";
            case DisplayFilterLexer.R_ERROR -> "\"" + text + "\" was unexpected in a slice.";
            default -> "\"" + text + "\" was unexpected in this context.";
        };
        return new FilterException(expression, pos, len, reason);
    }
}
