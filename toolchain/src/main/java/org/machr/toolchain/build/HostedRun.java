package org.machr.toolchain.build;

import org.machr.codegen.jvm.HostedProgram;
import org.machr.codegen.jvm.JvmBackend;
import org.machr.kd.ir.IrProgram;

/** The hosted JVM target: IR compiled to classes loaded in this JVM, ready to run. */
public final class HostedRun {

    private HostedRun() {}

    public static HostedProgram load(IrProgram program) {
        return JvmBackend.compile(program);
    }
}
