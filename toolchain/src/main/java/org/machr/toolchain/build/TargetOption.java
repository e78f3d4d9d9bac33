package org.machr.toolchain.build;

import java.util.Arrays;
import java.util.List;
import org.machr.kd.Target;
import picocli.CommandLine;

/** Parses {@code --target NAME} ({@code jvm}, {@code aarch64}, {@code x86_64}) into a {@link Target}. */
public final class TargetOption implements CommandLine.ITypeConverter<Target> {

    public static List<String> names() {
        return Arrays.stream(Target.values()).map(Target::folder).toList();
    }

    @Override
    public Target convert(String value) {
        return Target.byName(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                "unknown target '" + value + "'; expected one of " + String.join(", ", names())));
    }
}
