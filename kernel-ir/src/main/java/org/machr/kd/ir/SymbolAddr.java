package org.machr.kd.ir;

/** The address of a global or a function, plus a byte offset; type {@link IrType#PTR}. */
public record SymbolAddr(String symbol, long addend) implements Operand {

    public SymbolAddr {
        if (symbol == null || symbol.isEmpty()) throw new IllegalArgumentException("symbol is required");
    }

    public SymbolAddr(String symbol) {
        this(symbol, 0);
    }

    @Override
    public IrType type() {
        return IrType.PTR;
    }

    @Override
    public String toString() {
        return "@" + symbol + (addend == 0 ? "" : addend > 0 ? "+" + addend : Long.toString(addend));
    }
}
