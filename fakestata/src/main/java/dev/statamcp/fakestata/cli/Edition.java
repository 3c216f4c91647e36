package dev.statamcp.fakestata.cli;

/** The Stata edition imitated, chosen by the name the launcher was invoked under. */
public enum Edition {
    MP("MP", "stata-mp"),
    SE("SE", "stata-se"),
    BE("BE", "stata");

    private final String code;
    private final String binary;

    Edition(String code, String binary) {
        this.code = code;
        this.binary = binary;
    }

    /** The value of {@code c(edition)}. */
    public String code() {
        return code;
    }

    public String binary() {
        return binary;
    }

    /**
     * Reads the edition from what follows "stata" in the invoked name: {@code stata-mp} is MP, {@code stata-se} and
     * {@code StataSE-64} are SE, plain {@code stata} is BE. A name without "stata" (a renamed launcher) gives MP.
     */
    public static Edition fromInvokedName(String name) {
        String n = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
        int at = n.lastIndexOf("stata");
        if (at < 0) {
            return MP;
        }
        String rest = n.substring(at + 5);
        if (rest.contains("mp")) {
            return MP;
        }
        if (rest.contains("se")) {
            return SE;
        }
        return BE;
    }
}
