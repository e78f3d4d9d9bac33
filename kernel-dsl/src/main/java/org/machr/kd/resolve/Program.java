package org.machr.kd.resolve;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.machr.kd.Target;
import org.machr.kd.check.ModuleInfo;

/**
 * Every module one program needs, parsed: the main module, all it uses transitively, and the runtime.
 *
 * @param projectRoot where description paths ({@code task ... from "servers/init"}) are looked up
 */
public record Program(Target target, ModuleInfo main, Map<String, ModuleInfo> modules, List<Path> sourceRoots,
                      Path projectRoot) {}
