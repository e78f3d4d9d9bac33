package org.machr.mig.emit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.machr.mig.layout.Abi;
import org.machr.mig.model.Interface;

/**
 * Which files one compilation writes, and their text. Names default from the subsystem name
 * ({@code NAME.h}, {@code NAMEUser.c}, {@code NAMEServer.c}); {@code /dev/null} suppresses a file.
 *
 * @param noDefaults  {@code -n}: write only the files named explicitly
 * @param prefix      {@code -prefix}: added to routine, demux and table names
 * @param subrPrefix  {@code -subrprefix}: added to the run-time calls of user stubs
 * @param symbolTable {@code -s}: emit the routine symbol table in the server file
 * @param perRoutinePrefix {@code -i PREFIX}: user stubs one routine a file, {@code PREFIXroutine.c},
 *                    instead of one user file
 */
public record Outputs(Optional<String> user, Optional<String> server, Optional<String> header,
                      Optional<String> serverHeader, Optional<String> internalHeader, Optional<String> list,
                      boolean noDefaults, String prefix, String subrPrefix, boolean symbolTable,
                      Optional<String> perRoutinePrefix) {

    public Outputs(Optional<String> user, Optional<String> server, Optional<String> header,
                   Optional<String> serverHeader, Optional<String> internalHeader, Optional<String> list,
                   boolean noDefaults, String prefix, String subrPrefix, boolean symbolTable) {
        this(user, server, header, serverHeader, internalHeader, list, noDefaults, prefix, subrPrefix, symbolTable,
                Optional.empty());
    }

    /** File name to text, in the order they are written. */
    public Map<String, String> render(Interface unprefixed, Abi abi) {
        Interface iface = Prefixes.apply(unprefixed, prefix);
        String name = iface.subsystem().name();
        Map<String, String> files = new LinkedHashMap<>();
        String headerName = header.orElse(name + ".h");
        String userFile = user.orElse(noDefaults || perRoutinePrefix.isPresent() ? null : name + "User.c");
        String serverFile = server.orElse(noDefaults ? null : name + "Server.c");
        String headerFile = header.orElse(noDefaults ? null : name + ".h");
        put(files, headerFile, () -> HeaderEmitter.user(iface));
        put(files, userFile, () -> UserEmitter.emit(iface, baseName(headerName), subrPrefix, abi));
        perRoutinePrefix.ifPresent(p -> unprefixed.routines().forEach(r -> put(files, p + r.name() + ".c",
                () -> UserEmitter.emitOne(iface, baseName(headerName), subrPrefix, abi, r.name()))));
        put(files, serverFile, () -> ServerEmitter.emit(iface, symbolTable, abi));
        put(files, serverHeader.orElse(null), () -> HeaderEmitter.server(iface));
        put(files, internalHeader.orElse(null), () -> HeaderEmitter.internal(iface));
        put(files, list.orElse(null), () -> ListWriter.write(iface));
        return files;
    }

    private static void put(Map<String, String> files, String file, java.util.function.Supplier<String> text) {
        if (file == null || file.equals("/dev/null")) return;
        files.put(file, text.get());
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
