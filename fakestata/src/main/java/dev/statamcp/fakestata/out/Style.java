package dev.statamcp.fakestata.out;

/** Output styles of SMCL; a text log or the screen ignores them, an SMCL log writes them as tags. */
public enum Style {
    TXT("{txt}"),
    RES("{res}"),
    ERR("{err}"),
    COM("{com}"),
    INP("{inp}");

    private final String tag;

    Style(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
