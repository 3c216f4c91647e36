package dev.statamcp.fakestata.lang;

/** What macro expansion looks up: locals of the current level, globals, {@code `=exp'} and {@code `:fn'}. */
public interface MacroEnvironment {
    String local(String name);

    void setLocal(String name, String value);

    String global(String name);

    /** {@code `=exp'}: the expression's value as text. */
    String evaluate(String expression);

    /** {@code `:function'}: an extended macro function. */
    String extended(String function);
}
