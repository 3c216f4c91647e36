package dev.statamcp.fakestata.lang;

/** A value of a Stata expression: a number (missing included) or a string. */
public sealed interface Value permits Value.Num, Value.Str {

    record Num(double v) implements Value {
    }

    record Str(String s) implements Value {
    }

    static Value num(double d) {
        return new Num(d);
    }

    static Value str(String s) {
        return new Str(s);
    }

    default boolean isString() {
        return this instanceof Str;
    }

    default double asNumber() {
        return this instanceof Num n ? n.v() : Missing.SYSMISS;
    }

    default String asString() {
        return this instanceof Str s ? s.s() : NumberFormat.full(((Num) this).v());
    }
}
