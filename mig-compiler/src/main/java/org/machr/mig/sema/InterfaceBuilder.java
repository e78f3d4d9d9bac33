package org.machr.mig.sema;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.machr.diag.Diagnostics;
import org.machr.diag.Span;
import org.machr.mig.MigCode;
import org.machr.mig.model.Argument;
import org.machr.mig.model.Argument.ArgFlag;
import org.machr.mig.model.Argument.Direction;
import org.machr.mig.model.Entry;
import org.machr.mig.model.Import;
import org.machr.mig.model.Interface;
import org.machr.mig.model.MigType;
import org.machr.mig.model.Routine;
import org.machr.mig.model.Skip;
import org.machr.mig.model.Subsystem;
import org.machr.mig.parse.DefsParser;
import org.machr.mig.parse.DefsReader;
import org.machr.mig.parse.SourceMap;

/**
 * Walks the parse tree statement by statement, as GNU MIG does: prefixes, {@code waittime} and
 * {@code msgoption} apply to the routines that follow them; types must follow the subsystem.
 */
public final class InterfaceBuilder {

    private final SourceMap sources;
    private final Diagnostics diagnostics;
    private final TypeBuilder types;

    private Subsystem subsystem;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Import> imports = new ArrayList<>();
    private final Map<String, Span> routineNames = new HashMap<>();
    private String userPrefix = "", serverPrefix = "";
    private Optional<String> waitTime = Optional.empty(), msgOption = Optional.empty();
    private Optional<String> serverDemux = Optional.empty(), rcsId = Optional.empty();

    private InterfaceBuilder(SourceMap sources, Diagnostics diagnostics) {
        this.sources = sources;
        this.diagnostics = diagnostics;
        this.types = new TypeBuilder(sources, diagnostics);
    }

    /** The interface of a parsed file, or empty when errors were reported. */
    public static Optional<Interface> build(DefsReader.Parsed parsed, Diagnostics diagnostics) {
        InterfaceBuilder b = new InterfaceBuilder(parsed.sources(), diagnostics);
        List<DefsParser.StatementContext> statements = parsed.tree().statement();
        boolean declaresSubsystem = statements.stream().anyMatch(DefsParser.SubsystemStatementContext.class::isInstance);
        if (declaresSubsystem) {
            for (DefsParser.StatementContext s : statements) b.statement(s);
        }
        if (b.subsystem == null) {
            // GNU MIG reports every type of such a file, then crashes (SIGFPE); one message says it all.
            Span where = parsed.sources().span(statements.isEmpty() ? parsed.tree().stop : statements.get(0).start);
            diagnostics.error(MigCode.NO_SUBSYSTEM, where, "no subsystem declared in this file",
                    "a file that only declares types is meant to be imported by one that starts with "
                            + "'subsystem NAME BASE;'");
            return Optional.empty();
        }
        if (diagnostics.hasErrors()) return Optional.empty();
        return Optional.of(new Interface(b.subsystem, List.copyOf(b.entries), List.copyOf(b.imports),
                b.serverDemux, b.rcsId));
    }

    private void statement(DefsParser.StatementContext s) {
        switch (s) {
            case DefsParser.SubsystemStatementContext c -> subsystem(c.subsystem());
            case DefsParser.WaittimeStatementContext c -> waitTime = Optional.of(word(c.word()));
            case DefsParser.NowaittimeStatementContext c -> waitTime = Optional.empty();
            case DefsParser.MsgoptionStatementContext c -> msgOption = Optional.of(word(c.word()));
            case DefsParser.ErrorStatementContext c -> { }
            case DefsParser.UserprefixStatementContext c -> userPrefix = c.IDENT().getText();
            case DefsParser.ServerprefixStatementContext c -> serverPrefix = c.IDENT().getText();
            case DefsParser.ServerdemuxStatementContext c -> serverDemux = Optional.of(c.IDENT().getText());
            case DefsParser.RcsidStatementContext c -> rcsId = Optional.of(c.STRING().getText());
            case DefsParser.ImportStatementContext c -> imports.add(new Import(switch (c.kind.getType()) {
                case org.machr.mig.parse.DefsLexer.UIMPORT -> Import.Kind.USER;
                case org.machr.mig.parse.DefsLexer.SIMPORT -> Import.Kind.SERVER;
                default -> Import.Kind.BOTH;
            }, c.fileName().getText()));
            case DefsParser.TypeStatementContext c -> typeStatement(c);
            case DefsParser.RoutineStatementContext c -> routine(c);
            case DefsParser.SkipStatementContext c -> skip(c);
            case DefsParser.EmptyStatementContext c -> { }
            default -> throw new IllegalStateException("unknown statement " + s.getClass());
        }
    }

    private static String word(DefsParser.WordContext w) {
        return w.getText();
    }

    private void subsystem(DefsParser.SubsystemContext c) {
        Span span = sources.span(c.IDENT().getSymbol());
        if (subsystem != null) {
            diagnostics.error(MigCode.DUPLICATE_SUBSYSTEM, span, "a second subsystem is declared",
                    "the first one, '" + subsystem.name() + "', was declared at " + subsystem.span().location());
            return;
        }
        int base;
        try {
            base = Integer.parseInt(c.INT().getText());
        } catch (NumberFormatException e) {
            diagnostics.error(MigCode.TOO_LARGE, sources.span(c.INT().getSymbol()), "subsystem base "
                    + c.INT().getText() + " is too large");
            return;
        }
        subsystem = new Subsystem(c.IDENT().getText(), base, !c.KERNELUSER().isEmpty(),
                !c.KERNELSERVER().isEmpty(), span);
        types.declareBasicTypes();
    }

    private boolean requireSubsystem(Span span, MigCode code, String what) {
        if (subsystem != null) return true;
        diagnostics.error(code, span, what + " before the subsystem declaration",
                "start the file with 'subsystem NAME BASE;'");
        return false;
    }

    private void typeStatement(DefsParser.TypeStatementContext c) {
        Span span = sources.span(c.IDENT().getSymbol());
        if (!requireSubsystem(span, MigCode.TYPE_BEFORE_SUBSYSTEM, "type '" + c.IDENT().getText() + "' declared")) {
            return;
        }
        types.named(c.IDENT().getText(), c.typeSpec(), c.typeClause())
                .ifPresent(t -> types.define(c.IDENT().getText(), t, span));
    }

    private void skip(DefsParser.SkipStatementContext c) {
        int count = 1;
        if (c.count != null) {
            try {
                count = Integer.parseInt(c.count.getText());
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 0 || count > 100_000) {
                diagnostics.error(MigCode.TOO_LARGE, sources.span(c.count), "skip count " + c.count.getText()
                        + " is too large");
                return;
            }
        }
        for (int i = 0; i < count; i++) entries.add(new Skip(entries.size()));
    }

    private void routine(DefsParser.RoutineStatementContext c) {
        String name = c.IDENT().getText();
        Span span = sources.span(c.IDENT().getSymbol());
        boolean simple = c.kind.getType() == org.machr.mig.parse.DefsLexer.SIMPLEROUTINE;
        if (!requireSubsystem(span, MigCode.ROUTINE_BEFORE_SUBSYSTEM, "routine '" + name + "' declared")) return;
        Span previous = routineNames.putIfAbsent(name, span);
        if (previous != null) {
            diagnostics.error(MigCode.DUPLICATE_ROUTINE, span, "routine '" + name + "' is declared twice",
                    "first declared at " + previous.location()
                            + "; GNU MIG accepts this and emits C that does not compile");
        }
        List<Argument> arguments = new ArrayList<>();
        Map<String, Span> argNames = new HashMap<>();
        boolean sawRequestPort = false, ok = true;
        List<DefsParser.ArgumentContext> declared = c.argumentList() == null ? List.of()
                : c.argumentList().argument();
        for (DefsParser.ArgumentContext a : declared) {
            Optional<Argument> arg = argument(a, !sawRequestPort);
            if (arg.isEmpty()) {
                ok = false;
                continue;
            }
            Argument argument = arg.get();
            if (argument.direction() == Direction.REQUEST_PORT) sawRequestPort = true;
            Span before = argNames.putIfAbsent(argument.name(), argument.span());
            if (before != null) {
                diagnostics.error(MigCode.DUPLICATE_ARGUMENT, argument.span(), "argument '" + argument.name()
                        + "' is declared twice in routine '" + name + "'", "first declared at " + before.location());
                ok = false;
            }
            arguments.add(argument);
        }
        // Checks of the list as a whole would only echo an argument that is already reported.
        if (ok) ok = RoutineChecks.check(name, simple, arguments, span, diagnostics);
        if (!ok) {
            entries.add(new Skip(entries.size()));
            return;
        }
        entries.add(new Routine(name, simple, entries.size(), List.copyOf(arguments), userPrefix + name,
                serverPrefix + name, waitTime, msgOption, span));
    }

    private Optional<Argument> argument(DefsParser.ArgumentContext a, boolean firstUndirected) {
        String name = a.IDENT().getText();
        Span span = sources.span(a.IDENT().getSymbol());
        Direction direction = a.direction() == null
                ? (firstUndirected ? Direction.REQUEST_PORT : Direction.IN)
                : Direction.valueOf(a.direction().getText().toUpperCase(Locale.ROOT)
                        .replace("REQUESTPORT", "REQUEST_PORT").replace("UREPLYPORT", "UREPLY_PORT")
                        .replace("SREPLYPORT", "SREPLY_PORT").replace("REPLYPORT", "REPLY_PORT"));
        Optional<MigType> type = switch (a.argType()) {
            case DefsParser.NamedArgTypeContext n -> {
                Optional<MigType> t = types.lookup(n.IDENT().getText());
                if (t.isEmpty()) {
                    diagnostics.error(MigCode.UNDEFINED_TYPE, sources.span(n.IDENT().getSymbol()),
                            "type '" + n.IDENT().getText() + "' is not defined");
                }
                yield t;
            }
            case DefsParser.DefinedArgTypeContext d -> types.named(d.IDENT().getText(), d.typeSpec(),
                    d.typeClause());
            default -> throw new IllegalStateException("unknown argument type");
        };
        if (type.isEmpty()) return Optional.empty();
        Set<ArgFlag> flags = EnumSet.noneOf(ArgFlag.class);
        for (DefsParser.IpcFlagContext f : a.ipcFlag()) {
            Optional<ArgFlag> flag = flag(f);
            if (flag.isEmpty()) return Optional.empty();
            flags.add(flag.get());
        }
        return Optional.of(new Argument(name, direction, type.get(), Set.copyOf(flags), span));
    }

    private Optional<ArgFlag> flag(DefsParser.IpcFlagContext f) {
        boolean brackets = f.LBRACK() != null;
        String word = f.IDENT().getText().toLowerCase(Locale.ROOT);
        Optional<ArgFlag> flag = switch (word) {
            case "dealloc" -> Optional.of(brackets ? ArgFlag.DEALLOC_MAYBE : ArgFlag.DEALLOC);
            case "notdealloc" -> Optional.of(ArgFlag.NOT_DEALLOC);
            case "islong" -> Optional.of(ArgFlag.IS_LONG);
            case "isnotlong" -> Optional.of(ArgFlag.IS_NOT_LONG);
            case "servercopy" -> Optional.of(ArgFlag.SERVER_COPY);
            case "countinout" -> Optional.of(ArgFlag.COUNT_IN_OUT);
            case "retcode" -> Optional.of(ArgFlag.RET_CODE);
            default -> Optional.empty();
        };
        if (flag.isEmpty()) {
            diagnostics.error(MigCode.UNKNOWN_FLAG, sources.span(f.IDENT().getSymbol()),
                    "unknown argument flag '" + f.IDENT().getText() + "'",
                    "flags are Dealloc, Dealloc[], NotDealloc, IsLong, IsNotLong, ServerCopy, CountInOut, RetCode");
        } else if (brackets && flag.get() != ArgFlag.DEALLOC_MAYBE) {
            diagnostics.warning(MigCode.UNKNOWN_FLAG, sources.span(f.IDENT().getSymbol()),
                    "only 'Dealloc' may be followed by '[]'; the brackets are ignored");
        }
        return flag;
    }

    static Set<String> unique(List<String> names) {
        return new LinkedHashSet<>(names);
    }
}
