package org.machr.kd.ir;

/** How a load narrower than its destination register fills the upper bits. */
public enum Ext {
    ZERO, SIGN;
}
