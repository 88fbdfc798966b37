/** dissect4j display filters: the ANTLR4 grammar, AST, checker and evaluator. */
module org.dissect4j.filter {
    requires org.dissect4j.api;
    requires org.antlr.antlr4.runtime;
}
