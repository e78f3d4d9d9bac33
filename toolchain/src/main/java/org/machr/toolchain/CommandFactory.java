package org.machr.toolchain;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Creates commands, handing the {@link Console} to those whose constructor takes one. */
final class CommandFactory implements CommandLine.IFactory {

    private final Console console;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(Console console) {
        this.console = console;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        try {
            Constructor<K> withConsole = cls.getDeclaredConstructor(Console.class);
            return withConsole.newInstance(console);
        } catch (NoSuchMethodException e) {
            return fallback.create(cls);
        }
    }
}
