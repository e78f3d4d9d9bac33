package org.machr.mig.cpp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@code #include} looks (GNU cpp's order): for {@code "name"} the including file's folder
 * first, then the {@code -I} folders in order; for {@code <name>} only the {@code -I} folders. There are
 * no implicit system folders. The name a found file gets in line markers is spelled as GNU cpp spells
 * it: the folder as given, a slash, and the name from the directive.
 */
final class IncludeSearch {

    record Found(Path path, String markerName) {}

    private IncludeSearch() {}

    static Found find(String name, boolean angled, String includerName, List<Path> includePath) {
        if (Path.of(name).isAbsolute()) return Files.isRegularFile(Path.of(name)) ? new Found(Path.of(name), name) : null;
        for (String dir : folders(angled, includerName, includePath)) {
            String marker = dir.isEmpty() ? name : dir.endsWith("/") ? dir + name : dir + "/" + name;
            Path candidate = Path.of(marker);
            if (Files.isRegularFile(candidate)) return new Found(candidate, marker);
        }
        return null;
    }

    static String describe(boolean angled, String includerName, List<Path> includePath) {
        List<String> dirs = new ArrayList<>();
        for (String d : folders(angled, includerName, includePath)) dirs.add(d.isEmpty() ? "." : d);
        return dirs.isEmpty() ? "no folders (give -I)" : String.join(", ", dirs);
    }

    private static List<String> folders(boolean angled, String includerName, List<Path> includePath) {
        List<String> dirs = new ArrayList<>();
        if (!angled) {
            int slash = includerName.lastIndexOf('/');
            dirs.add(slash < 0 ? "" : slash == 0 ? "/" : includerName.substring(0, slash));
        }
        for (Path p : includePath) dirs.add(p.toString());
        return dirs;
    }
}
