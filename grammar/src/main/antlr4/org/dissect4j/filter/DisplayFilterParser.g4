/*
 * Wireshark's display-filter language (tshark 4.0.17 plus later additions that cannot change the
 * meaning of a 4.0 filter). No actions; every alternative is labelled; the AST builder
 * (AstBuilder) turns the parse tree into the immutable AST in one visitor.
 *
 * Precedence, loosest first (layered rules below, one rule per row):
 *
 *   | level | operators                                   | associativity          | rule        |
 *   |-------|---------------------------------------------|------------------------|-------------|
 *   |   1   | or ||                                       | left (n-ary)           | orExpr      |
 *   |   2   | xor ^^                        [4.2+]        | left (n-ary)           | xorExpr     |
 *   |   3   | and &&                                      | left (n-ary)           | andExpr     |
 *   |   4   | not !                                       | right (prefix)         | unaryExpr   |
 *   |   5   | any all (one relation)                      | prefix                 | primaryExpr |
 *   |   6   | == != === !== ~= > >= < <= (and words),     | chained [4.2+];        | relation    |
 *   |       | contains, matches ~, in, not in             | otherwise single       |             |
 *   |   7   | & bitwise_and bitand                        | left                   | value       |
 *   |   8   | + -                                         | left                   | sum         |
 *   |   9   | * / %                                       | left                   | product     |
 *   |  10   | unary - +                                   | right (prefix)         | unit        |
 *   |  11   | slices x[..][..], layers f#n, calls f(..)   | postfix                | entity      |
 *
 * Parentheses group logic, braces group arithmetic: 4 * {tcp.srcport + 3}.
 */
parser grammar DisplayFilterParser;

options { tokenVocab = DisplayFilterLexer; }

filter
    : orExpr? EOF                                                   # filterRoot
    ;

orExpr
    : xorExpr ( (OR | OR_SYM) xorExpr )*                            # logicalOr
    ;

xorExpr
    : andExpr ( (XOR | XOR_SYM) andExpr )*                          # logicalXor
    ;

andExpr
    : unaryExpr ( (AND | AND_SYM) unaryExpr )*                      # logicalAnd
    ;

unaryExpr
    : (NOT | BANG) unaryExpr                                        # logicalNot
    | primaryExpr                                                   # unaryPrimary
    ;

primaryExpr
    : LPAREN orExpr RPAREN                                          # parenthesized
    | quantifier=(ANY | ALL) relation                               # quantified
    | relation                                                      # plainRelation
    ;

relation
    : value ( compareOp value )+                                    # comparison
    | value CONTAINS value                                          # containsRelation
    | value MATCHES value                                           # matchesRelation
    | value NOT? IN LBRACE setItem ( COMMA setItem )* RBRACE        # membership
    | value                                                         # truthValue
    ;

compareOp
    : EQ                                                            # opEq
    | NE                                                            # opNe
    | ALL_EQ                                                        # opAllEq
    | ANY_NE                                                        # opAnyNe
    | GT                                                            # opGt
    | GE                                                            # opGe
    | LT                                                            # opLt
    | LE                                                            # opLe
    ;

setItem
    : value                                                         # setValue
    | low=value DOTDOT high=value                                   # setRange
    ;

value
    : sum ( BITAND sum )*                                           # bitwiseAnd
    ;

sum
    : product ( (PLUS | MINUS) product )*                           # additive
    ;

product
    : unit ( (STAR | SLASH | PERCENT) unit )*                       # multiplicative
    ;

unit
    : MINUS unit                                                    # negate
    | PLUS unit                                                     # unaryPlus
    | entity                                                        # unitEntity
    ;

entity
    : target slice*                                                 # slicedTarget
    ;

slice
    : LBRACKET ranges RBRACKET                                      # sliceRanges
    ;

target
    : LBRACE value RBRACE                                           # braceGroup
    | WORD LPAREN ( value ( COMMA value )* )? RPAREN                # functionCall
    | WORD layer?                                                   # nameTarget
    | AT WORD layer?                                                # rawField
    | DOLLAR WORD                                                   # dollarReference
    | REFERENCE                                                     # braceReference
    | STRING                                                        # stringLiteral
    | RAW_STRING                                                    # rawStringLiteral
    | CHAR                                                          # charLiteral
    | COLON_LITERAL                                                 # colonLiteral
    | CIDR4                                                         # cidrLiteral
    ;

layer
    : HASH L_INT                                                    # layerNumber
    | HASH L_LBRACKET ranges RBRACKET                               # layerRanges
    ;

ranges
    : range ( R_COMMA range )*                                      # rangeList
    ;

range
    : start=signedInt R_COLON length=signedInt                      # rangeOffsetLength
    | start=signedInt R_MINUS end=signedInt                         # rangeOffsetEnd
    | start=signedInt R_COLON                                       # rangeToEnd
    | R_COLON length=signedInt                                      # rangeFromStart
    | start=signedInt                                               # rangeSingle
    ;

signedInt
    : R_MINUS? R_INT                                                # rangeInt
    ;
