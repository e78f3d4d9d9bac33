package org.machr.toolchain.build;

import java.io.PrintStream;
import org.machr.codegen.jvm.HostedProgram;
import org.machr.codegen.jvm.JvmBackend;
import org.machr.kd.ir.IrProgram;

/** Runs a program on the hosted JVM target: its console goes to {@code console}, its status is returned. */
public final class HostedRun {

    private HostedRun() {}

    public static HostedProgram load(IrProgram program) {
        return JvmBackend.compile(program);
    }

    public static int run(IrProgram program, PrintStream console) {
        int status = load(program).run(console);
        console.flush();
        return status;
    }
}
