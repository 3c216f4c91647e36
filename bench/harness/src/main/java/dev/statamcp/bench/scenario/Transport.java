package dev.statamcp.bench.scenario;

/** How the client reaches the server. */
public enum Transport {
    STDIO("stdio"), HTTP("Streamable HTTP");

    private final String label;

    Transport(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
