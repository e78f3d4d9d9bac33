package org.machr.kd.check;

/**
 * What a name at module level denotes: a function, global, constant, struct, enum, module, or a
 * description declaration (trap, interface, system).
 */
public sealed interface Entity
        permits FnInfo, GlobalInfo, ConstInfo, StructInfo, EnumInfo, ModuleInfo, DescriptionInfo {
    String name();
}
