package org.machr.mig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code machr mig}, GNU MIG's flags: output files, prefixes, quiet/verbose,
 * and everything for the preprocessor ({@code -D}, {@code -U}, {@code -I}).
 */
record MigOptions(List<String> files, Optional<String> user, Optional<String> server, Optional<String> header,
                  Optional<String> serverHeader, Optional<String> internalHeader, Optional<String> list,
                  String prefix, String subrPrefix, boolean noDefaults, boolean symbolTable, boolean quiet,
                  boolean verbose, boolean preprocessOnly, List<String> includeDirs, List<String> macros,
                  boolean help, boolean version, Optional<String> perRoutinePrefix) {

    /** A command-line mistake, reported as MIG0019. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    static MigOptions parse(String[] args) throws UsageException {
        List<String> files = new ArrayList<>(), includes = new ArrayList<>(), macros = new ArrayList<>();
        Optional<String> user = Optional.empty(), server = Optional.empty(), header = Optional.empty();
        Optional<String> sheader = Optional.empty(), iheader = Optional.empty(), list = Optional.empty();
        Optional<String> perRoutine = Optional.empty();
        String prefix = "", subrPrefix = "";
        boolean noDefaults = false, symtab = false, quiet = false, verbose = false, preprocess = false;
        boolean help = false, version = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-user" -> user = Optional.of(value(args, ++i, a));
                case "-server" -> server = Optional.of(value(args, ++i, a));
                case "-header" -> header = Optional.of(value(args, ++i, a));
                case "-sheader" -> sheader = Optional.of(value(args, ++i, a));
                case "-iheader" -> iheader = Optional.of(value(args, ++i, a));
                case "-list" -> list = Optional.of(value(args, ++i, a));
                case "-prefix" -> prefix = value(args, ++i, a);
                case "-subrprefix" -> subrPrefix = value(args, ++i, a);
                case "-n" -> noDefaults = true;
                case "-s" -> symtab = true;
                case "-S" -> symtab = false;
                case "-q" -> quiet = true;
                case "-Q" -> quiet = false;
                case "-v" -> verbose = true;
                case "-V" -> verbose = false;
                case "-E" -> preprocess = true;
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case "-i" -> perRoutine = Optional.of(value(args, ++i, a));
                case "-I", "-D", "-U" -> {
                    String v = value(args, ++i, a);
                    if (a.equals("-I")) includes.add(v);
                    else macros.add(a + v);
                }
                default -> {
                    if (a.startsWith("-I")) includes.add(a.substring(2));
                    else if (a.startsWith("-D") || a.startsWith("-U")) macros.add(a);
                    else if (a.startsWith("-") && a.length() > 1) {
                        throw new UsageException("unknown option '" + a + "'");
                    } else files.add(a);
                }
            }
        }
        return new MigOptions(List.copyOf(files), user, server, header, sheader, iheader, list, prefix, subrPrefix,
                noDefaults, symtab, quiet, verbose, preprocess, List.copyOf(includes), List.copyOf(macros), help,
                version, perRoutine);
    }

    private static String value(String[] args, int i, String flag) throws UsageException {
        if (i >= args.length) throw new UsageException("option '" + flag + "' needs a value");
        return args[i];
    }

    static final String USAGE = """
            Usage: machr mig [OPTION]... FILE.defs...

            Generate GNU MIG compatible C stubs from Mach interface definitions.

              -user FILE      write user stubs to FILE (default NAMEUser.c)
              -i PREFIX       write each user stub to its own file, PREFIXroutine.c (no NAMEUser.c)
              -server FILE    write server stubs to FILE (default NAMEServer.c)
              -header FILE    write the user header to FILE (default NAME.h)
              -sheader FILE   write the server header to FILE
              -iheader FILE   write the internal header (server routine declarations) to FILE
              -list FILE      write one line per routine: subsystem base name index request-id reply-id
              -n              write only the files named with the options above
              -prefix P       prefix every routine, demux and table name with P
              -subrprefix P   prefix the run-time calls of user stubs (mach_msg, mig_get_reply_port, ...)
              -s / -S         emit / omit the symbol table in the server file (default -S)
              -q / -Q         suppress / print warnings (default -Q)
              -v / -V         verbose / silent (default -V)
              -E              print the preprocessed text and stop
              -DNAME[=VAL] -UNAME -IDIR   passed to the preprocessor
            NAME is the subsystem name. See docs/mig.md.
            """;
}
