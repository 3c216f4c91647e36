package dev.statamcp.stata.discovery;

import java.util.List;
import java.util.Optional;

/**
 * The result of discovery, able to explain itself: the installation chosen (if any), every candidate looked at
 * with what was decided about it, and the places searched.
 */
public record DiscoveryReport(Optional<StataInstallation> chosen, List<CandidateReport> candidates,
                              List<String> searched, List<String> notes) {

    public DiscoveryReport {
        candidates = List.copyOf(candidates);
        searched = List.copyOf(searched);
        notes = List.copyOf(notes);
    }

    /** The chosen installation, or an exception whose message explains what was tried. */
    public StataInstallation require() {
        return chosen.orElseThrow(() -> new StataNotFoundException(explain()));
    }

    /** A plain-text explanation for people (what {@code stata-mcp doctor} prints). */
    public String explain() {
        StringBuilder b = new StringBuilder();
        if (chosen.isPresent()) {
            StataInstallation s = chosen.get();
            b.append("Using ").append(s.describe()).append(".\n");
            if (s.emulator()) {
                b.append("This is the emulator shipped for tests and demos: its results are not Stata's. Set "
                        + "STATA_PATH to a real Stata to use it.\n");
            }
            if (!s.supportsConsole()) {
                b.append("No console binary on this platform: runs use batch mode (no persistent session state).\n");
            }
        } else {
            b.append("Stata not found. Set STATA_PATH to Stata's folder or to its console binary (for example "
                    + "/usr/local/stata19/stata-mp), or run `stata-mcp doctor` after installing Stata.\n");
        }
        if (!candidates.isEmpty()) {
            b.append("Candidates:\n");
            for (CandidateReport c : candidates) {
                b.append("  ").append(switch (c.status()) {
                    case ACCEPTED -> "[ok]      ";
                    case REJECTED -> "[rejected]";
                    case NOT_CHECKED -> "[skipped] ";
                }).append(' ').append(c.binary()).append(" (").append(c.source().label()).append("): ")
                        .append(c.reason()).append('\n');
            }
        }
        if (!searched.isEmpty()) {
            b.append("Searched: ").append(String.join("; ", searched)).append('\n');
        }
        for (String note : notes) {
            b.append(note).append('\n');
        }
        return b.toString();
    }
}
