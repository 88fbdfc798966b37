/**
 * dissect4j display filters: Wireshark's display-filter language as an ANTLR4 grammar, an
 * immutable AST, a semantic check against the {@link org.dissect4j.api.Engine}'s field registry
 * and a compiled, allocation-free evaluator. Entry point: {@link org.dissect4j.filter.DisplayFilter}.
 */
module org.dissect4j.filter {
    requires transitive org.dissect4j.api;
    requires org.antlr.antlr4.runtime;

    exports org.dissect4j.filter;
}
