package org.dissect4j.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.Tree;

/**
 * A compiled Wireshark display filter ({@code tcp.port == 443 && tls.handshake.type == 1}).
 *
 * <pre>{@code
 * DisplayFilter f = DisplayFilter.compile("tls.handshake.extensions_server_name contains \"example\"", engine);
 * f.prime(engine.tree());                  // record the fields the filter reads
 * for (...) { Packet p = engine.dissect(frame); if (f.matches(p.tree())) ... }
 * }</pre>
 *
 * <p>Compiling parses the expression with the ANTLR4 grammar ({@code DisplayFilterParser.g4}), builds
 * an immutable AST, checks it against the engine's field registry (names, types, literals) and
 * compiles it to small evaluator nodes. Every problem is a {@link FilterException} with the
 * position of the offending text. The language is tshark 4.0.17's, with the later additions that
 * cannot change a 4.0 result; see the module's README.
 *
 * <p>{@link #matches} allocates nothing and never throws for any packet. A filter keeps
 * per-evaluation buffers, so one instance must not be evaluated by two threads at once; compile one
 * per thread (compiling is cheap).
 */
public final class DisplayFilter {
    private final String expression;
    private final Node root;
    private final Set<Field> referenced;
    private final String explain;

    private DisplayFilter(String expression, Node root, Set<Field> referenced, String explain) {
        this.expression = expression;
        this.root = root;
        this.referenced = referenced;
        this.explain = explain;
    }

    /**
     * Compiles {@code expression} against the fields {@code engine} knows. The empty (or
     * whitespace-only) filter matches every packet. Expressions longer than 65,536 characters or
     * nested more than 100 levels deep are refused.
     *
     * @param expression the filter text in Wireshark's display-filter language; {@code null} is
     *                   taken as the empty filter
     * @param engine     the engine whose field registry resolves the field and protocol names; the
     *                   filter keeps no reference to it
     * @return a new filter, ready to {@link #prime} and evaluate
     * @throws FilterException with the position, a caret line and a reason (and a suggestion for
     *                         misspelled names) when the filter is not valid
     */
    public static DisplayFilter compile(String expression, Engine engine) throws FilterException {
        return compile(expression, engine, null);
    }

    /**
     * Compiles {@code expression} with its {@code ${field}} references filled from a selected packet, as
     * {@code tshark -2 --selected-frame N} fills them: each relation with a reference compares against every
     * value the field has in that packet (see {@link #referenceNames}).
     *
     * @param expression the filter text, as for {@link #compile(String, Engine)}
     * @param engine     the engine whose field registry resolves the names
     * @param references the selected packet's values of a reference, keyed by the name written inside
     *                   {@code ${...}} (layer included, e.g. {@code ip.src#2}), each as {@code -T fields}
     *                   prints it; null or an empty list for a reference without value; {@code null} for no
     *                   selected packet
     * @return a new filter
     * @throws FilterException when the filter is not valid
     */
    public static DisplayFilter compile(String expression, Engine engine, Function<String, List<String>> references)
            throws FilterException {
        if (expression == null) {
            expression = "";
        }
        Ast.Expr ast;
        try {
            ast = Parsing.parse(expression);
        } catch (StackOverflowError e) {
            throw new FilterException(expression, 0, Math.max(1, expression.length()),
                    "The filter nests too deeply to be parsed.");
        }
        if (ast == null) {
            return new DisplayFilter(expression, TestNodes.Constant.TRUE, Set.of(), "TRUE (empty filter)\n");
        }
        if (references != null) {
            ast = new References(references, engine::fields).expand(ast);
        }
        Typed.Test checked = new Checker(expression, engine).check(ast);
        Compiler compiler = new Compiler();
        Node root = compiler.compile(checked);
        return new DisplayFilter(expression, root, Collections.unmodifiableSet(new LinkedHashSet<>(compiler.referenced)),
                Typed.explain(checked));
    }

    /**
     * The {@code ${field}} references of {@code expression}, as written inside the braces (with a layer such as
     * {@code #2} when given), in order of appearance, each once.
     *
     * @param expression the filter text
     * @return the names; empty when the filter has none
     * @throws FilterException when the filter does not parse
     */
    public static List<String> referenceNames(String expression) throws FilterException {
        Ast.Expr ast = expression == null ? null : Parsing.parse(expression);
        List<String> out = new ArrayList<>();
        if (ast != null) {
            References.names(ast, out);
        }
        return out;
    }

    /**
     * Whether the packet dissected into {@code tree} passes the filter. Allocates nothing and never
     * throws for any packet.
     *
     * @param tree the tree of the packet just dissected, one this filter was {@link #prime primed}
     *             on (a field the tree did not record reads as absent); only read
     * @return true when the packet passes the filter
     */
    public boolean matches(Tree tree) {
        return root.eval(tree);
    }

    /**
     * Asks {@code tree} to record every field this filter reads (and the protocols of fields
     * restricted to a layer); call before the first packet is dissected.
     *
     * @param tree the tree the engine reuses for every packet (e.g. {@code engine.tree()})
     */
    public void prime(Tree tree) {
        for (Field f : referenced) {
            tree.want(f);
        }
    }

    /**
     * The fields this filter reads: every registration of each field name it names, and the
     * protocols of fields restricted to a layer. What {@link #prime} asks the tree to record.
     *
     * @return an unmodifiable set in the order the compiler met the fields; empty for the empty filter
     */
    public Set<Field> referencedFields() {
        return referenced;
    }

    /**
     * The filter as it was written.
     *
     * @return the expression given to {@link #compile}, {@code ""} for {@code null}
     */
    public String expression() {
        return expression;
    }

    /**
     * The checked filter, one node per line, indented by depth, like {@code dftest}'s syntax tree:
     * {@code ANY_EQ}, {@code FIELD(tcp.port <FT_UINT16>)}, {@code FVALUE(443 <FT_UINT16>)}.
     *
     * @return the tree as text, one line per node, each ending in a newline (built once at compile time)
     */
    public String explain() {
        return explain;
    }

    /**
     * The filter as it was written.
     *
     * @return {@link #expression()}
     */
    @Override
    public String toString() {
        return expression;
    }
}
