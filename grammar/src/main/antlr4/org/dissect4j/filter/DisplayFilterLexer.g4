/*
 * Tokens of Wireshark's display-filter language (tshark 4.0.17, plus the later additions listed
 * in ../../../../../../README.md). No actions: lexer commands only.
 *
 * Words. A field name, a function name and most literals share one shape, WORD: segments of
 * [A-Za-z0-9_-] joined by '.', optionally with a leading '.' that forces a field. Which one a word
 * is gets decided by the checker against the field registry, exactly as Wireshark does it
 * ("an unquoted word is a field if such a field exists, else a literal of the other side's type").
 * Because '-' belongs to words, "a-b" is one token; subtraction needs whitespace before the '-'.
 * Word operators are keywords only when the whole word is the keyword: "1and" is one WORD.
 *
 * Literals that cannot be words get their own tokens: quoted and raw strings, character constants,
 * colon forms (byte strings 16:03:01 / :fc, MAC 02:00:00:77:00:01, IPv6 fd00::1, with an optional
 * /prefix) and IPv4 CIDR blocks (10.0.0.0/8). Escapes are checked by the AST builder, which knows
 * the positions to report.
 *
 * Modes. Inside '[' ... ']' (slices and layer ranges) ':' '-' ',' and integers are separate tokens;
 * after '#' only a number or '[' may follow.
 */
lexer grammar DisplayFilterLexer;

// ---- logical ----------------------------------------------------------------------------------
AND         : 'and' ;
AND_SYM     : '&&' ;
OR          : 'or' ;
OR_SYM      : '||' ;
XOR         : 'xor' ;
XOR_SYM     : '^^' ;
NOT         : 'not' ;
BANG        : '!' ;
ANY         : 'any' ;
ALL         : 'all' ;
IN          : 'in' ;

// ---- comparisons ------------------------------------------------------------------------------
EQ          : '==' | 'eq' | 'any_eq' ;
NE          : '!=' | 'ne' | 'all_ne' ;
ALL_EQ      : '===' | 'all_eq' ;
ANY_NE      : '!==' | 'any_ne' | '~=' ;
GT          : '>' | 'gt' ;
GE          : '>=' | 'ge' ;
LT          : '<' | 'lt' ;
LE          : '<=' | 'le' ;
CONTAINS    : 'contains' ;
MATCHES     : 'matches' | '~' ;

// ---- arithmetic -------------------------------------------------------------------------------
BITAND      : '&' | 'bitwise_and' | 'bitand' ;
PLUS        : '+' ;
MINUS       : '-' ;
STAR        : '*' ;
SLASH       : '/' ;
PERCENT     : '%' ;

// ---- grouping ---------------------------------------------------------------------------------
LPAREN      : '(' ;
RPAREN      : ')' ;
LBRACE      : '{' ;
RBRACE      : '}' ;
COMMA       : ',' ;
DOTDOT      : '..' ;
LBRACKET    : '[' -> pushMode(RANGES) ;
HASH        : '#' -> pushMode(LAYER) ;
AT          : '@' ;
DOLLAR      : '$' ;
/** ${field} or ${macro:args}: everything up to the closing brace. */
REFERENCE   : '${' ~[}]* '}' ;
UNCLOSED_REFERENCE : '${' ~[}]* ;

// ---- literals ---------------------------------------------------------------------------------
STRING      : '"' ( ~["\\] | '\\' . )* '"' ;
RAW_STRING  : [rR] '"' ( ~["\\] | '\\' . )* '"' ;
/** A string that runs to the end of the input (or ends inside an escape). */
UNCLOSED_STRING : [rR]? '"' ( ~["\\] | '\\' . )* '\\'? ;
CHAR        : '\'' ( ~['\\] | '\\' . )* '\'' ;
UNCLOSED_CHAR : '\'' ( ~['\\] | '\\' . )* '\\'? ;

/** IPv4 CIDR block; the numbers are checked by the literal parser. */
CIDR4       : DIGITS '.' DIGITS '.' DIGITS '.' DIGITS '/' DIGITS ;
/** Colon forms: byte strings (16:03:01, :fc), MAC addresses, IPv6 (fd00::1, ::ffff:1.2.3.4, fd00::/8). */
COLON_LITERAL : HEXDIGIT* ( ':' HEXDIGIT* )+ ( '.' DIGITS '.' DIGITS '.' DIGITS )? ( '/' DIGITS )?
              | ':' HEXDIGIT HEXDIGIT ( ( '-' | '.' ) HEXDIGIT HEXDIGIT )+   // tshark 4.0: ':' before any byte string form
              ;

WORD        : '.'? SEGMENT ( '.' SEGMENT )* ;

WS          : [ \t\r\n\f\u000B]+ -> skip ;
/** Any other character; the parser reports it as unexpected. */
ERROR_CHAR  : . ;

fragment SEGMENT  : [A-Za-z0-9_] [A-Za-z0-9_\-]* ;
fragment DIGITS   : [0-9]+ ;
fragment HEXDIGIT : [0-9A-Fa-f] ;

// ---- slices and layer ranges: [0:2], [-1], [1-3], [:4], [2:], [0:2,5] --------------------------
mode RANGES;
R_INT       : [0-9]+ ;
R_MINUS     : '-' ;
R_COLON     : ':' ;
R_COMMA     : ',' ;
RBRACKET    : ']' -> popMode ;
R_WS        : [ \t\r\n\f\u000B]+ -> skip ;
R_ERROR     : . ;

// ---- after '#': a layer number or '[' ranges ']' ----------------------------------------------
mode LAYER;
L_INT       : [0-9]+ -> popMode ;
L_LBRACKET  : '[' -> popMode, pushMode(RANGES) ;
L_ERROR     : . -> popMode ;
