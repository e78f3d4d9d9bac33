package org.machr.mig.cpp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.machr.diag.Diagnostic;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.mig.cpp.SourceStack.Frame;

/**
 * The C preprocessor that MIG runs over a {@code .defs} file before parsing it, behaving like the GNU
 * cpp that GNU MIG's wrapper runs ({@code gcc -E -x c -undef -ansi}): includes with {@code -I}
 * search, object- and function-like macros, conditionals, {@code #line}, {@code #error}, and output
 * with GNU line markers. See {@code docs/mig-preprocessor.md}.
 */
public final class Preprocessor {

    /** GNU cpp's limit. */
    private static final int MAX_INCLUDE_DEPTH = 200;

    /** What {@code gcc -E -undef -ansi} still predefines that a {@code .defs} file can test. */
    static final String BUILT_IN_MACROS = """
            #define __STDC__ 1
            #define __STDC_HOSTED__ 1
            """;

    private final PreprocessorOptions options;
    private final Diagnostics diagnostics;
    private final Spans spans;
    private final Map<String, Macro> macros = new HashMap<>();
    private final Map<String, SourceFile> files = new LinkedHashMap<>();
    private final MacroExpander expander;
    private final SourceStack stack;
    private OutputWriter writer;

    public Preprocessor(PreprocessorOptions options, Diagnostics diagnostics) {
        this.options = options;
        this.diagnostics = diagnostics;
        this.spans = new Spans(diagnostics);
        this.expander = new MacroExpander(macros, diagnostics);
        Directives directives = new Directives(macros, expander, spans, this::include);
        this.stack = new SourceStack(directives, this::fileEnded);
    }

    /**
     * Preprocesses {@code file} (named in markers and diagnostics as given). Empty when an error was
     * reported to the diagnostics.
     */
    public Optional<PreprocessedSource> process(Path file) {
        int errorsBefore = diagnostics.errorCount();
        macros.clear();
        files.clear();
        runDefinitions(new SourceFile("<built-in>", BUILT_IN_MACROS));
        runDefinitions(new SourceFile("<command-line>", commandLine()));
        SourceFile main = read(file.toString(), file, null);
        if (main == null || diagnostics.errorCount() > errorsBefore) return Optional.empty();
        writer = new OutputWriter();
        FileContext context = new FileContext(main, null);
        stack.push(new Frame(new PpLexer(context, diagnostics), 0));
        writer.begin(context);
        while (true) {
            PpToken t = expander.next(stack);
            if (t.kind() == PpKind.END_OF_FILE) {
                if (stack.isEmpty()) break;
                continue;
            }
            writer.token(t);
        }
        String text = writer.finish();
        if (diagnostics.errorCount() > errorsBefore) return Optional.empty();
        return Optional.of(new PreprocessedSource(text, files));
    }

    private String commandLine() {
        StringBuilder s = new StringBuilder();
        for (String option : options.commandLineMacros()) {
            if (option.startsWith("-D") && option.length() > 2) {
                String def = option.substring(2);
                int eq = def.indexOf('=');
                s.append("#define ").append(eq < 0 ? def + " 1" : def.substring(0, eq) + " " + def.substring(eq + 1));
            } else if (option.startsWith("-U") && option.length() > 2) {
                s.append("#undef ").append(option.substring(2));
            } else {
                diagnostics.report(new Diagnostic(CppCode.BAD_COMMAND_LINE_MACRO.severity(), CppCode.BAD_COMMAND_LINE_MACRO,
                        null, "bad macro option \"" + option + "\": expected -DNAME, -DNAME=VALUE or -UNAME", List.of()));
                continue;
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** Runs a file of directives (built-ins, command line) without output. */
    private void runDefinitions(SourceFile source) {
        FileContext context = new FileContext(source, null);
        SourceStack definitions = new SourceStack(new Directives(macros, expander, spans, (d, n, a, f) ->
                spans.error(CppCode.INCLUDE_SYNTAX, d, "#include is not allowed here")), (ended, resumed) -> { });
        definitions.push(new Frame(new PpLexer(context, diagnostics), 0));
        while (definitions.next().kind() != PpKind.END_OF_FILE) {
            // only directives are expected; other text has no effect
        }
    }

    private void include(PpToken site, String name, boolean angled, Frame from) {
        if (stack.depth() >= MAX_INCLUDE_DEPTH) {
            spans.error(CppCode.INCLUDE_TOO_DEEP, site, "#include nested depth " + stack.depth()
                    + " exceeds maximum of " + MAX_INCLUDE_DEPTH);
            return;
        }
        IncludeSearch.Found found = IncludeSearch.find(name, angled, from.context().file().path(), options.includePath());
        if (found == null) {
            spans.error(CppCode.INCLUDE_NOT_FOUND, site, name + ": No such file or directory",
                    "searched: " + IncludeSearch.describe(angled, from.context().file().path(), options.includePath()));
            return;
        }
        SourceFile source = read(found.markerName(), found.path(), site);
        if (source == null) return;
        FileContext context = new FileContext(source, from.context());
        stack.push(new Frame(new PpLexer(context, diagnostics), site.line() + 1));
        writer.enter(context);
    }

    private void fileEnded(Frame ended, Frame resumed) {
        for (SourceStack.Conditional c : ended.conditionals) {
            spans.error(CppCode.UNTERMINATED_CONDITIONAL, c.site, "unterminated #" + c.site.text());
        }
        if (resumed != null) writer.returnTo(resumed.context(), ended.resumeLine);
    }

    private SourceFile read(String name, Path path, PpToken site) {
        SourceFile known = files.get(name);
        if (known != null) return known;
        try {
            SourceFile source = new SourceFile(name, new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
            files.put(name, source);
            return source;
        } catch (IOException | RuntimeException e) {
            String message = name + ": cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            if (site == null) {
                diagnostics.report(new Diagnostic(CppCode.FILE_UNREADABLE.severity(), CppCode.FILE_UNREADABLE, null, message, List.of()));
            } else {
                spans.error(CppCode.FILE_UNREADABLE, site, message);
            }
            return null;
        }
    }
}
