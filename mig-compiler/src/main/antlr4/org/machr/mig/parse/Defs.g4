/*
 * The GNU MIG .defs language, after preprocessing (see docs/mig.md, "The dialect accepted").
 * Keywords are case-insensitive; identifiers (including MACH_MSG_TYPE_* names) keep their case and
 * are resolved case-sensitively by the semantic pass. GNU cpp line markers are removed before lexing
 * by LineMap, which keeps the line numbering, so every token maps back to its original file:line:col.
 */
grammar Defs;

options { caseInsensitive = true; }


file : statement* EOF ;

statement
    : subsystem ';'                                      # subsystemStatement
    | WAITTIME word ';'                                  # waittimeStatement
    | NOWAITTIME ';'                                     # nowaittimeStatement
    | MSGOPTION word ';'                                 # msgoptionStatement
    | ERROR word ';'                                     # errorStatement
    | USERPREFIX IDENT ';'                               # userprefixStatement
    | SERVERPREFIX IDENT ';'                             # serverprefixStatement
    | SERVERDEMUX IDENT ';'                              # serverdemuxStatement
    | RCSID STRING ';'                                   # rcsidStatement
    | kind=(IMPORT | UIMPORT | SIMPORT) fileName ';'     # importStatement
    | TYPE IDENT '=' typeSpec typeClause* ';'            # typeStatement
    | kind=(ROUTINE | SIMPLEROUTINE) IDENT '(' argumentList? ')' ';'  # routineStatement
    | SKIP_ count=INT? ';'                               # skipStatement
    | ';'                                                # emptyStatement
    ;

subsystem : SUBSYSTEM (KERNELUSER | KERNELSERVER)* IDENT INT ;

word : (IDENT | INT | '-' | '/')+ | STRING ;

fileName : STRING | ANGLED ;

typeSpec
    : ipcType                                                        # basicType
    | '(' ipcType ',' intExp ipcFlag* ')'                            # longBasicType
    | ARRAY '[' ']' OF typeSpec                                      # unboundedArray
    | ARRAY '[' '*' ']' OF typeSpec                                  # indefiniteArray
    | ARRAY '[' '*' ':' intExp ']' OF typeSpec                       # boundedArray
    | ARRAY '[' intExp ']' OF typeSpec                               # fixedArray
    | '^' typeSpec                                                   # outOfLine
    | STRUCT '[' intExp ']' OF typeSpec                              # structArray
    | STRUCT '{' structMember* '}'                                   # structBody
    | C_STRING '[' intExp ']'                                        # fixedString
    | C_STRING '[' '*' ':' intExp ']'                                # boundedString
    ;

structMember : typeSpec IDENT ';' ;

ipcType : primIpcType ('|' primIpcType)? ;
primIpcType : INT | IDENT | POLYMORPHIC ;

ipcFlag : ',' IDENT ('[' ']')? ;

typeClause
    : INTRAN ':' IDENT IDENT '(' IDENT ')'          # intranClause
    | INTRANPAYLOAD ':' IDENT IDENT                 # intranPayloadClause
    | OUTTRAN ':' IDENT IDENT '(' IDENT ')'         # outtranClause
    | DESTRUCTOR ':' IDENT '(' IDENT ')'            # destructorClause
    | CTYPE ':' IDENT                               # ctypeClause
    | CUSERTYPE ':' IDENT                           # cusertypeClause
    | CSERVERTYPE ':' IDENT                         # cservertypeClause
    ;

argumentList : argument (';' argument)* ';'? ;

argument : direction? IDENT ':' argType ipcFlag* ;

argType : IDENT                                   # namedArgType
        | IDENT '=' typeSpec typeClause*          # definedArgType
        ;

direction : IN | OUT | INOUT | REQUESTPORT | REPLYPORT | UREPLYPORT | SREPLYPORT | WAITTIME | MSGOPTION | MSGSEQNO ;

intExp
    : intExp op=('*' | '/') intExp      # mulExp
    | intExp op=('+' | '-') intExp      # addExp
    | INT                               # numberExp
    | '(' intExp ')'                    # parenExp
    ;

SUBSYSTEM     : 'subsystem' ;
KERNELUSER    : 'kerneluser' ;
KERNELSERVER  : 'kernelserver' ;
ROUTINE       : 'routine' ;
SIMPLEROUTINE : 'simpleroutine' ;
SKIP_         : 'skip' ;
TYPE          : 'type' ;
IMPORT        : 'import' ;
UIMPORT       : 'uimport' ;
SIMPORT       : 'simport' ;
WAITTIME      : 'waittime' ;
NOWAITTIME    : 'nowaittime' ;
MSGOPTION     : 'msgoption' ;
MSGSEQNO      : 'msgseqno' ;
ERROR         : 'error' ;
USERPREFIX    : 'userprefix' ;
SERVERPREFIX  : 'serverprefix' ;
SERVERDEMUX   : 'serverdemux' ;
RCSID         : 'rcsid' ;
IN            : 'in' ;
OUT           : 'out' ;
INOUT         : 'inout' ;
REQUESTPORT   : 'requestport' ;
REPLYPORT     : 'replyport' ;
UREPLYPORT    : 'ureplyport' ;
SREPLYPORT    : 'sreplyport' ;
ARRAY         : 'array' ;
OF            : 'of' ;
STRUCT        : 'struct' ;
C_STRING      : 'c_string' ;
POLYMORPHIC   : 'polymorphic' ;
INTRAN        : 'intran' ;
INTRANPAYLOAD : 'intranpayload' ;
OUTTRAN       : 'outtran' ;
DESTRUCTOR    : 'destructor' ;
CTYPE         : 'ctype' ;
CUSERTYPE     : 'cusertype' ;
CSERVERTYPE   : 'cservertype' ;

IDENT   : [a-z_] [a-z0-9_]* ;
INT     : [0-9]+ ;
STRING  : '"' ~["\n]* '"' ;
ANGLED  : '<' ~[>\n]* '>' ;

SEMI : ';' ; LPAREN : '(' ; RPAREN : ')' ; LBRACK : '[' ; RBRACK : ']' ; LBRACE : '{' ; RBRACE : '}' ;
COMMA : ',' ; COLON : ':' ; EQUAL : '=' ; BAR : '|' ; CARET : '^' ; STAR : '*' ; PLUS : '+' ;
MINUS : '-' ; SLASH : '/' ;

LINE_COMMENT  : '//' ~[\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
WS            : [ \t\r\n\f]+ -> skip ;
UNKNOWN       : . ;
