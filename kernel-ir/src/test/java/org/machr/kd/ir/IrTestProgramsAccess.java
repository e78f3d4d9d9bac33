package org.machr.kd.ir;

/** Gives tests in sub-packages the shared hand-built programs. */
public final class IrTestProgramsAccess {
    private IrTestProgramsAccess() {}

    public static IrProgram sumLoop() {
        return IrTestPrograms.sumLoop();
    }
}
