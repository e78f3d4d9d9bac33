package org.machr.toolchain.build;

import org.machr.codegen.jvm.HostedProgram;

/** What a build produced: a program loaded on the hosted JVM machine, or a bootable image. */
public sealed interface Built {

    record Hosted(HostedProgram program) implements Built {}

    record Image(byte[] elf) implements Built {}
}
