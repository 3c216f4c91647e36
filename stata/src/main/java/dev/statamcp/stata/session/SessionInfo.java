package dev.statamcp.stata.session;

import dev.statamcp.stata.discovery.Edition;
import dev.statamcp.stata.log.OutputLine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a started Stata said about itself.
 *
 * @param version {@code c(stata_version)}
 * @param edition from {@code c(edition)} (Stata 17+) or {@code c(MP)}/{@code c(SE)}
 * @param emulator true when {@code c(emulator)} says "fakestata"
 * @param graphDir {@code graph dir, memory} works (graph tracking possible)
 * @param graphList {@code _gr_list} works
 */
public record SessionInfo(String version, Edition edition, boolean emulator, boolean graphDir, boolean graphList) {

    static SessionInfo parse(List<OutputLine> output, String runId) {
        Map<String, String> info = new HashMap<>();
        Map<String, String> probes = new HashMap<>();
        for (OutputLine line : output) {
            ConsoleProtocol.parse(line.text()).filter(m -> m.runId().equals(runId)).ifPresent(m -> {
                if (m.kind() == ConsoleProtocol.Kind.INFO) {
                    int eq = m.value().indexOf('=');
                    if (eq > 0) {
                        info.put(m.value().substring(0, eq), m.value().substring(eq + 1).strip());
                    }
                } else if (m.kind() == ConsoleProtocol.Kind.PROBE) {
                    String[] parts = m.value().split("\\s+");
                    if (parts.length == 2) {
                        probes.put(parts[0], parts[1]);
                    }
                }
            });
        }
        Edition edition = Edition.parse(info.getOrDefault("edition", ""));
        if (edition == Edition.UNKNOWN) {
            if ("1".equals(info.get("mp"))) {
                edition = Edition.MP;
            } else if ("1".equals(info.get("se"))) {
                edition = Edition.SE;
            }
        }
        return new SessionInfo(info.getOrDefault("stata_version", ""), edition,
                "fakestata".equalsIgnoreCase(info.getOrDefault("emulator", "")),
                "0".equals(probes.get("graphdir")), "0".equals(probes.get("grlist")));
    }
}
