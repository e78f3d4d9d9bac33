package org.machr.kd.parse;

import java.util.ArrayList;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The base of every parse-tree node of {@code Kd.g4}. ANTLR gives each node's children an
 * {@code ArrayList} of ten slots, yet most nodes have one to four children: with a few million
 * nodes in a large program, the unused slots were a third of everything the parser allocated.
 */
public class KdRuleContext extends ParserRuleContext {

    public KdRuleContext() {}

    public KdRuleContext(ParserRuleContext parent, int invokingStateNumber) {
        super(parent, invokingStateNumber);
    }

    @Override
    public <T extends ParseTree> T addAnyChild(T t) {
        if (children == null) children = new ArrayList<>(4);
        children.add(t);
        return t;
    }
}
