package dev.statamcp.mcp.session;

import java.util.List;

/** The MCP revisions this server speaks, and what differs between them that the transports care about. */
public final class ProtocolVersion {
    public static final String V2024_11_05 = "2024-11-05";
    public static final String V2025_03_26 = "2025-03-26";
    public static final String V2025_06_18 = "2025-06-18";
    public static final String V2025_11_25 = "2025-11-25";
    public static final String LATEST = V2025_11_25;
    /** Newest first. */
    public static final List<String> SUPPORTED = List.of(V2025_11_25, V2025_06_18, V2025_03_26, V2024_11_05);

    private ProtocolVersion() {
    }

    /** The client's version when this server speaks it, else the newest this server speaks (the client decides). */
    public static String negotiate(String requested) {
        return requested != null && SUPPORTED.contains(requested) ? requested : LATEST;
    }

    public static boolean isSupported(String version) {
        return SUPPORTED.contains(version);
    }

    /** JSON-RPC batches were part of MCP up to 2025-03-26 and removed in 2025-06-18. */
    public static boolean allowsBatches(String version) {
        return V2024_11_05.equals(version) || V2025_03_26.equals(version);
    }

    /** SSE priming events (an id with empty data) and server-side stream closing arrived in 2025-11-25. */
    public static boolean supportsSsePolling(String version) {
        return version != null && version.compareTo(V2025_11_25) >= 0;
    }
}
