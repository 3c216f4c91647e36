package dev.statamcp.stata.discovery;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What discovery concluded about one candidate.
 *
 * @param binary the file looked at
 * @param source where it was found
 * @param status accepted, rejected, or not checked (a better one was accepted first)
 * @param reason why, in words ("licence problem: ...", "not executable", "verified (cached)")
 * @param installation the verified installation, when accepted
 */
public record CandidateReport(Path binary, CandidateSource source, Status status, String reason,
                              Optional<StataInstallation> installation) {

    public enum Status { ACCEPTED, REJECTED, NOT_CHECKED }
}
