package dev.statamcp.stata.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.stata.process.Platform;
import dev.statamcp.stata.process.ProcessGroupLauncher;
import dev.statamcp.stata.testing.Emulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real verifier (a batch run of a check do-file) against the emulator. */
class DiscoveryEmulatorIntegrationTest {

    @TempDir
    Path tmp;

    private DiscoveryReport discover(Path stataPath, Map<String, String> childEnv) {
        DiscoveryEnvironment env = new DiscoveryEnvironment(Platform.current(),
                Map.of("STATA_PATH", stataPath.toString()), tmp, Optional.of(java.util.List.of()));
        BatchVerifier verifier = new BatchVerifier(tmp.resolve("verify"), childEnv, Duration.ofSeconds(60),
                ProcessGroupLauncher.forCurrentPlatform());
        return new StataDiscovery(env, verifier, new StataDiscovery.Options(Optional.empty(), tmp.resolve("cache"),
                false)).discover();
    }

    @Test
    void theEmulatorIsAcceptedAndSaysSoPlainly() {
        DiscoveryReport r = discover(Emulator.binary().getParent(), Map.of());
        StataInstallation s = r.chosen().orElseThrow(() -> new AssertionError(r.explain()));
        assertThat(s.binary().getFileName().toString()).isEqualTo("stata-mp");
        assertThat(s.emulator()).isTrue();
        assertThat(s.edition()).isEqualTo(Edition.MP);
        assertThat(s.version()).matches("1[5-9](\\.\\d+)?");
        assertThat(r.explain()).contains("emulator").contains("not Stata");
    }

    @Test
    void editionFollowsTheNameTheEmulatorIsStartedUnder() {
        DiscoveryReport r = discover(Emulator.binary().resolveSibling("stata-se"), Map.of());
        assertThat(r.chosen().orElseThrow(() -> new AssertionError(r.explain())).edition()).isEqualTo(Edition.SE);
    }

    @Test
    void licenceFailureIsReportedAsSuch() {
        DiscoveryReport r = discover(Emulator.binary(), Map.of("FAKESTATA_LICENSE_FAIL", "1"));
        assertThat(r.chosen()).isEmpty();
        CandidateReport c = r.candidates().get(0);
        assertThat(c.status()).isEqualTo(CandidateReport.Status.REJECTED);
        assertThat(c.reason()).startsWith("Stata reports a licence problem");
        assertThat(r.explain()).contains("licence problem");
    }
}
