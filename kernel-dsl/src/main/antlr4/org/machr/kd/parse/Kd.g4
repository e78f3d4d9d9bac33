/*
 * The .kd language (docs/language.md). Contextual words of the description part (board, task, from,
 * priority, served, by, ...) are plain identifiers here and are checked by the AST builder.
 */
grammar Kd;

// Parse-tree nodes with small child lists (see KdRuleContext).
options { contextSuperClass = org.machr.kd.parse.KdRuleContext; }

file        : moduleDecl? useDecl* item* EOF ;
moduleDecl  : MODULE path ';' ;
useDecl     : USE path (AS IDENT)? ';' ;
path        : IDENT ('.' IDENT)* ;

item        : attribute* PUB? decl
            | trapDecl
            | interfaceDecl
            | systemDecl
            ;
attribute   : HASH_BRACKET IDENT ('(' attrArg (',' attrArg)* ')')? ']' ;
attrArg     : STRING | INT | IDENT ;

decl        : UNSAFE? FN IDENT '(' params? ')' ('->' type)? block     # fnDecl
            | EXTERN FN IDENT '(' params? ')' ('->' type)? ';'        # externFnDecl
            | STRUCT IDENT '{' (field (',' field)* ','?)? '}'          # structDecl
            | ENUM IDENT ':' type '{' (variant (',' variant)* ','?)? '}' # enumDecl
            | CONST IDENT ':' type '=' expr ';'                       # constDecl
            | kind=(LET | VAR) IDENT ':' type ('=' expr)? ';'         # globalDecl
            ;
params      : param (',' param)* ','? ;
param       : IDENT ':' type ;
field       : attribute* IDENT ':' type ;
variant     : IDENT ('=' expr)? ;

type        : path                                              # namedType
            | '*' type                                          # pointerType
            | '?' '*' type                                      # nullablePointerType
            | '[' expr ']' type                                 # arrayType
            | '[' ']' type                                      # sliceType
            | FN '(' (type (',' type)*)? ')' ('->' type)?       # fnType
            ;

block       : '{' stmt* '}' ;

stmt        : LET IDENT (':' type)? '=' expr ';'                # letStmt
            | VAR IDENT (':' type)? ('=' expr)? ';'             # varStmt
            | ifLet                                             # ifLetStmt
            | ifThen                                            # ifStmt
            | WHILE expr block                                  # whileStmt
            | FOR IDENT IN expr '..' expr block                 # forStmt
            | LOOP block                                        # loopStmt
            | BREAK ';'                                         # breakStmt
            | CONTINUE ';'                                      # continueStmt
            | RETURN expr? ';'                                  # returnStmt
            | DEFER stmt                                        # deferStmt
            | MATCH expr '{' matchArm* '}'                      # matchStmt
            | UNSAFE block                                      # unsafeStmt
            | block                                             # blockStmt
            | expr (assignOp expr)? ';'                         # simpleStmt
            ;
ifThen      : IF expr block (ELSE elseBranch)? ;
ifLet       : IF LET IDENT '=' expr block (ELSE elseBranch)? ;
elseBranch  : block | ifThen | ifLet ;
assignOp    : '=' | '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=' ;

matchArm    : pattern ('|' pattern)* '=>' armBody ;
armBody     : block ','?                                        # blockArm
            | expr (assignOp expr)? (',' | ';')                 # simpleArm
            | RETURN expr? (',' | ';')                          # returnArm
            | BREAK (',' | ';')                                 # breakArm
            | CONTINUE (',' | ';')                              # continueArm
            ;
pattern     : '-'? INT                                          # intPattern
            | CHAR                                              # charPattern
            | path                                              # pathPattern
            ;

expr        : primary                                           # primaryExpr
            | expr '(' (expr (',' expr)* ','?)? ')'             # callExpr
            | expr '[' expr '..' expr ']'                       # sliceExpr
            | expr '[' expr ']'                                 # indexExpr
            | expr '.' '{' (fieldInit (',' fieldInit)* ','?)? '}' # structLitExpr
            | expr '.' IDENT                                    # fieldExpr
            | op=('-' | '!' | '~' | '*' | '&') expr             # unaryExpr
            | expr AS type                                      # castExpr
            | expr op=('*' | '/' | '%') expr                    # binaryExpr
            | expr op=('+' | '-') expr                          # binaryExpr
            | expr op=('<<' | '>>') expr                        # binaryExpr
            | expr op='&' expr                                  # binaryExpr
            | expr op='^' expr                                  # binaryExpr
            | expr op='|' expr                                  # binaryExpr
            | expr op=('==' | '!=' | '<' | '<=' | '>' | '>=') expr # binaryExpr
            | expr op='&&' expr                                 # binaryExpr
            | expr op='||' expr                                 # binaryExpr
            ;
fieldInit   : IDENT ':' expr ;

primary     : INT                                               # intLit
            | CHAR                                              # charLit
            | STRING                                            # stringLit
            | TRUE                                              # trueLit
            | FALSE                                             # falseLit
            | NULL                                              # nullLit
            | IDENT                                             # nameExpr
            | '(' expr ')'                                      # parenExpr
            | '[' expr ';' expr ']'                             # arrayRepeat
            | '[' (expr (',' expr)* ','?)? ']'                  # arrayLit
            | SIZEOF '(' type ')'                               # sizeofExpr
            | ALIGNOF '(' type ')'                              # alignofExpr
            | OFFSETOF '(' type ',' IDENT ')'                   # offsetofExpr
            | INTRINSIC '(' (expr (',' expr)* ','?)? ')'        # intrinsicExpr
            ;

// ---- description part ----
trapDecl      : TRAP '-'? INT IDENT '(' params? ')' ('->' type)? '=' path ';' ;
interfaceDecl : INTERFACE IDENT fromKw=IDENT STRING servedKw=IDENT byKw=IDENT server=IDENT ';' ;
systemDecl    : SYSTEM IDENT '{' systemItem* '}' ;
systemItem    : boardKw=IDENT name=IDENT FOR arch=IDENT '{' boardEntry* '}'                # boardItem
              | kernelKw=IDENT fromKw=IDENT STRING ';'                                     # kernelItem
              | taskKw=IDENT name=IDENT fromKw=IDENT STRING prioKw=IDENT sysNum
                ( ';' | '{' (rightDecl (',' rightDecl)* ','?)? '}' )                       # taskItem
              ;
boardEntry    : IDENT sysArg* ';' ;
sysArg        : IDENT | sysNum ;
sysNum        : '-'? INT ;
rightDecl     : slot=IDENT ':' right=IDENT '(' target=IDENT ')' ;

// ---- lexer ----
AS: 'as'; BREAK: 'break'; CONST: 'const'; CONTINUE: 'continue'; DEFER: 'defer'; ELSE: 'else';
ENUM: 'enum'; EXTERN: 'extern'; FALSE: 'false'; FN: 'fn'; FOR: 'for'; IF: 'if'; IN: 'in';
LET: 'let'; LOOP: 'loop'; MATCH: 'match'; MODULE: 'module'; NULL: 'null'; PUB: 'pub';
RETURN: 'return'; STRUCT: 'struct'; TRUE: 'true'; UNSAFE: 'unsafe'; USE: 'use'; VAR: 'var';
WHILE: 'while'; SYSTEM: 'system'; TRAP: 'trap'; INTERFACE: 'interface';

SIZEOF: '@sizeof'; ALIGNOF: '@alignof'; OFFSETOF: '@offsetof';
INTRINSIC: '@' [a-z_] [a-z0-9_]* ('.' [a-z_] [a-z0-9_]*)? ;
HASH_BRACKET: '#[' ;

IDENT: [A-Za-z_] [A-Za-z0-9_]* ;
INT: [0-9] [0-9A-Za-z_]* ;
CHAR: '\'' ( ~['\\\r\n] | '\\' ~[\r\n] )* '\'' ;
STRING: '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* '"' ;

LSHIFT_ASSIGN: '<<='; RSHIFT_ASSIGN: '>>=';
ARROW: '->'; FAT_ARROW: '=>'; DOTDOT: '..';
EQ: '=='; NE: '!='; LE: '<='; GE: '>='; ANDAND: '&&'; OROR: '||'; SHL: '<<'; SHR: '>>';
PLUS_ASSIGN: '+='; MINUS_ASSIGN: '-='; STAR_ASSIGN: '*='; SLASH_ASSIGN: '/='; PERCENT_ASSIGN: '%=';
AND_ASSIGN: '&='; OR_ASSIGN: '|='; XOR_ASSIGN: '^=';
PLUS: '+'; MINUS: '-'; STAR: '*'; SLASH: '/'; PERCENT: '%'; AMP: '&'; PIPE: '|'; CARET: '^';
TILDE: '~'; BANG: '!'; LT: '<'; GT: '>'; ASSIGN: '='; DOT: '.'; COMMA: ','; SEMI: ';'; COLON: ':';
LPAREN: '('; RPAREN: ')'; LBRACKET: '['; RBRACKET: ']'; LBRACE: '{'; RBRACE: '}'; QUESTION: '?';

// Skipped rather than kept on a hidden channel: nothing reads them, and a token object apiece is costly.
WS: [ \t\r\n]+ -> skip ;
LINE_COMMENT: '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT: '/*' .*? '*/' -> skip ;

// Error tokens: reported by the parse driver and dropped before parsing.
UNTERMINATED_COMMENT: '/*' ( ~'*' | '*'+ ~[*/] )* '*'* ;
UNTERMINATED_STRING: '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* ;
UNTERMINATED_CHAR: '\'' ( ~['\\\r\n] | '\\' ~[\r\n] )* ;
BAD_CHAR: . ;
