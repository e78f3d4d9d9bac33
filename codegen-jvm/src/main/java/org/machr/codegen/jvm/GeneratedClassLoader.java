package org.machr.codegen.jvm;

/** Defines the classes of one compiled program; one loader per program keeps their statics apart. */
final class GeneratedClassLoader extends ClassLoader {
    GeneratedClassLoader() {
        super(HostedMachine.class.getClassLoader());
    }

    Class<?> define(String internalName, byte[] bytes) {
        return defineClass(internalName.replace('/', '.'), bytes, 0, bytes.length);
    }
}
