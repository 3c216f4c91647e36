package dev.statamcp.stata.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.stata.process.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery on fake installation trees. The verifier here is a test double that reads what each fake binary
 * "is" from the file's text, so these tests exercise searching, ranking, rejection reasons and caching; the real
 * verifier is tested against the emulator in {@code DiscoveryEmulatorIT}.
 */
class StataDiscoveryTest {

    @TempDir
    Path tmp;

    private final List<Path> verified = new ArrayList<>();
    private final Verifier fakeVerifier = (binary, platform) -> {
        verified.add(binary);
        String text;
        try {
            text = Files.readString(binary);
        } catch (IOException e) {
            return new Verification.Rejected(Verification.Reason.NOT_EXECUTABLE, e.getMessage());
        }
        if (text.startsWith("license-fail")) {
            return new Verification.Rejected(Verification.Reason.LICENSE, "licence problem: no free seats");
        }
        if (text.startsWith("stata ")) {
            String[] p = text.strip().split(" ");
            return new Verification.Accepted(p[1], Edition.parse(p[2]), false);
        }
        return new Verification.Rejected(Verification.Reason.NOT_STATA, "ran but did not report a Stata version");
    };

    private Path cache;

    @BeforeEach
    void setUp() {
        cache = tmp.resolve("cache");
    }

    private Path binary(String relative, String content) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private DiscoveryReport discover(Platform platform, Map<String, String> env, List<Path> roots) {
        return discover(platform, env, roots, Optional.empty());
    }

    private DiscoveryReport discover(Platform platform, Map<String, String> env, List<Path> roots,
                                     Optional<Path> configured) {
        DiscoveryEnvironment e = new DiscoveryEnvironment(platform, env, tmp.resolve("home"), Optional.of(roots));
        return new StataDiscovery(e, fakeVerifier, new StataDiscovery.Options(configured, cache, false)).discover();
    }

    @Test
    void linuxLayoutPrefersNewestVersionThenEdition() throws IOException {
        binary("usr/local/stata17/stata-mp", "stata 17.0 MP");
        binary("usr/local/stata18/stata-se", "stata 18.0 SE");
        Path best = binary("usr/local/stata18/stata-mp", "stata 18.0 MP");
        binary("usr/local/stata18/xstata-mp", "gui");
        binary("opt/other/stata-mp", "stata 19.0 MP"); // not a stata* folder: not an install root
        DiscoveryReport r = discover(Platform.LINUX, Map.of(),
                List.of(tmp.resolve("usr/local"), tmp.resolve("opt"), tmp.resolve("home")));

        assertThat(r.chosen()).hasValueSatisfying(s -> {
            assertThat(s.binary()).isEqualTo(best);
            assertThat(s.version()).isEqualTo("18.0");
            assertThat(s.edition()).isEqualTo(Edition.MP);
            assertThat(s.emulator()).isFalse();
            assertThat(s.supportsConsole()).isTrue();
        });
        assertThat(r.candidates()).extracting(CandidateReport::status).containsExactly(
                CandidateReport.Status.ACCEPTED, CandidateReport.Status.NOT_CHECKED,
                CandidateReport.Status.NOT_CHECKED);
        assertThat(verified).containsExactly(best);
        assertThat(r.explain()).contains("Using Stata 18.0 MP at " + best).contains("[skipped]");
    }

    @Test
    void statanowIsFoundOnLinuxAndWinsAtEqualEdition() throws IOException {
        binary("usr/local/stata19/stata-mp", "stata 19.0 MP");
        Path now = binary("usr/local/statanow19/stata-mp", "stata 19.5 MP");
        DiscoveryReport r = discover(Platform.LINUX, Map.of(), List.of(tmp.resolve("usr/local")));
        assertThat(r.chosen().orElseThrow().binary()).isEqualTo(now);
    }

    @Test
    void macLayoutLooksInsideAppBundles() throws IOException {
        binary("Applications/Stata/StataSE.app/Contents/MacOS/stata-se", "stata 18.0 SE");
        Path mp = binary("Applications/StataNow/StataMP.app/Contents/MacOS/stata-mp", "stata 19.5 MP");
        binary("Applications/StataNow/StataMP.app/Contents/MacOS/StataMP", "gui");
        DiscoveryReport r = discover(Platform.MACOS, Map.of(), List.of(tmp.resolve("Applications")));
        assertThat(r.chosen().orElseThrow().binary()).isEqualTo(mp);
        assertThat(r.candidates()).hasSize(2);
    }

    @Test
    void windowsLayoutFindsExecutablesUnderProgramFiles() throws IOException {
        binary("Program Files/Stata18/StataSE-64.exe", "stata 18.0 SE");
        Path mp = binary("Program Files/Stata19/StataMP-64.exe", "stata 19.0 MP");
        binary("Program Files/StataNow19/StataBE-64.exe", "stata 19.5 BE");
        Map<String, String> env = Map.of("ProgramFiles", tmp.resolve("Program Files").toString());
        DiscoveryEnvironment e = new DiscoveryEnvironment(Platform.WINDOWS, env, tmp.resolve("home"),
                Optional.empty());
        assertThat(e.roots()).first().isEqualTo(tmp.resolve("Program Files"));

        DiscoveryReport r = new StataDiscovery(e, fakeVerifier,
                new StataDiscovery.Options(Optional.empty(), cache, true)).discover();

        StataInstallation chosen = r.chosen().orElseThrow();
        assertThat(chosen.binary()).isEqualTo(mp);
        assertThat(chosen.supportsConsole()).isFalse();
        assertThat(r.explain()).contains("batch mode");
        assertThat(r.candidates()).extracting(CandidateReport::status)
                .containsOnly(CandidateReport.Status.ACCEPTED); // checkAll verifies every candidate
    }

    @Test
    void stataPathAsFileIsTheOnlyPlaceLookedAt() throws IOException {
        binary("usr/local/stata19/stata-mp", "stata 19.0 MP");
        Path mine = binary("custom/stata-se", "stata 17.0 SE");
        DiscoveryReport r = discover(Platform.LINUX, Map.of("STATA_PATH", mine.toString()),
                List.of(tmp.resolve("usr/local")));
        assertThat(r.chosen().orElseThrow().binary()).isEqualTo(mine);
        assertThat(r.candidates()).hasSize(1);
        assertThat(r.candidates().get(0).source()).isEqualTo(CandidateSource.STATA_PATH);
        assertThat(r.notes()).anyMatch(n -> n.contains("STATA_PATH is set"));
    }

    @Test
    void stataPathAsFolderTakesItsBestBinary() throws IOException {
        binary("custom/stata-se", "stata 17.0 SE");
        Path mp = binary("custom/stata-mp", "stata 17.0 MP");
        DiscoveryReport r = discover(Platform.LINUX, Map.of("STATA_PATH", tmp.resolve("custom").toString()),
                List.of());
        assertThat(r.chosen().orElseThrow().binary()).isEqualTo(mp);
    }

    @Test
    void stataPathToGuiBinaryUsesTheConsoleSibling() throws IOException {
        Path gui = binary("custom/xstata-mp", "gui");
        Path console = binary("custom/stata-mp", "stata 18.0 MP");
        DiscoveryReport r = discover(Platform.LINUX, Map.of("STATA_PATH", gui.toString()), List.of());
        assertThat(r.chosen().orElseThrow().binary()).isEqualTo(console);
    }

    @Test
    void wrongStataPathIsReportedNotReplaced() throws IOException {
        binary("usr/local/stata19/stata-mp", "stata 19.0 MP");
        DiscoveryReport r = discover(Platform.LINUX, Map.of("STATA_PATH", tmp.resolve("nope").toString()),
                List.of(tmp.resolve("usr/local")));
        assertThat(r.chosen()).isEmpty();
        assertThat(r.candidates()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(CandidateReport.Status.REJECTED);
            assertThat(c.reason()).contains("does not exist");
        });
        assertThat(r.explain()).contains("Stata not found").contains("STATA_PATH");
    }

    @Test
    void configuredPathIsUsedWhenStataPathIsUnset() throws IOException {
        Path configured = binary("cfg/stata-se", "stata 16.1 SE");
        DiscoveryReport r = discover(Platform.LINUX, Map.of(), List.of(), Optional.of(configured));
        assertThat(r.chosen().orElseThrow().binary()).isEqualTo(configured);
        assertThat(r.candidates().get(0).source()).isEqualTo(CandidateSource.CONFIG);
    }

    @Test
    void licenceFailureIsReportedAsSuchAndTheNextCandidateIsTried() throws IOException {
        Path failing = binary("usr/local/stata19/stata-mp", "license-fail");
        Path ok = binary("usr/local/stata18/stata-mp", "stata 18.0 MP");
        DiscoveryReport r = discover(Platform.LINUX, Map.of(), List.of(tmp.resolve("usr/local")));
        assertThat(r.chosen().orElseThrow().binary()).isEqualTo(ok);
        CandidateReport first = r.candidates().get(0);
        assertThat(first.binary()).isEqualTo(failing);
        assertThat(first.status()).isEqualTo(CandidateReport.Status.REJECTED);
        assertThat(first.reason()).startsWith("Stata reports a licence problem").contains("no free seats");
    }

    @Test
    void nonExecutableAndNonStataBinariesAreRejectedWithReasons() throws IOException {
        Path notExec = binary("usr/local/stata19/stata-mp", "stata 19.0 MP");
        Files.setPosixFilePermissions(notExec, PosixFilePermissions.fromString("rw-r--r--"));
        binary("usr/local/stata18/stata-mp", "#!/bin/sh\necho hello");
        DiscoveryReport r = discover(Platform.LINUX, Map.of(), List.of(tmp.resolve("usr/local")));
        assertThat(r.chosen()).isEmpty();
        assertThat(r.candidates()).extracting(CandidateReport::reason)
                .containsExactly("not executable; check its permissions (chmod +x)",
                        "does not behave like Stata: ran but did not report a Stata version");
    }

    @Test
    void verificationIsCachedByPathAndModificationTime() throws IOException {
        Path mp = binary("usr/local/stata18/stata-mp", "stata 18.0 MP");
        List<Path> roots = List.of(tmp.resolve("usr/local"));
        discover(Platform.LINUX, Map.of(), roots);
        DiscoveryReport second = discover(Platform.LINUX, Map.of(), roots);
        assertThat(verified).hasSize(1);
        assertThat(second.candidates().get(0).reason()).startsWith("verified earlier (cached)");
        assertThat(second.chosen().orElseThrow().version()).isEqualTo("18.0");

        Files.setLastModifiedTime(mp, FileTime.from(Instant.now().plusSeconds(60)));
        discover(Platform.LINUX, Map.of(), roots);
        assertThat(verified).hasSize(2);
    }

    @Test
    void aBinaryOnPathAndInAStandardFolderIsCheckedOnce() throws IOException {
        Path real = binary("usr/local/stata18/stata-mp", "stata 18.0 MP");
        Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(tmp.resolve("bin/stata-mp"), real);
        Map<String, String> env = new HashMap<>();
        env.put("PATH", tmp.resolve("bin").toString());
        DiscoveryReport r = discover(Platform.LINUX, env, List.of(tmp.resolve("usr/local")));
        assertThat(r.candidates()).hasSize(1);
        assertThat(r.chosen()).isPresent();
    }

    @Test
    void aBinaryLinkedUnderAnotherEditionNameIsItsOwnCandidate() throws IOException {
        Path mp = binary("custom/stata-mp", "stata 18.0 MP");
        Files.createSymbolicLink(tmp.resolve("custom/stata-se"), mp);
        DiscoveryEnvironment e = new DiscoveryEnvironment(Platform.LINUX,
                Map.of("STATA_PATH", tmp.resolve("custom").toString()), tmp.resolve("home"), Optional.of(List.of()));
        DiscoveryReport r = new StataDiscovery(e, fakeVerifier,
                new StataDiscovery.Options(Optional.empty(), cache, true)).discover();
        assertThat(r.candidates()).extracting(c -> c.binary().getFileName().toString())
                .containsExactly("stata-mp", "stata-se");
    }

    @Test
    void nothingFoundExplainsWhatToDo() {
        DiscoveryReport r = discover(Platform.LINUX, Map.of(), List.of(tmp.resolve("empty")));
        assertThat(r.chosen()).isEmpty();
        assertThat(r.explain()).contains("Set STATA_PATH").contains("Searched:");
    }

    @Test
    void versionHintsComeFromFolderNames() {
        assertThat(Candidate.of(Path.of("/usr/local/stata18/stata-mp"), CandidateSource.PATH).versionHint())
                .isEqualTo(18);
        assertThat(Candidate.of(Path.of("C:/Program Files/StataNow19/StataSE-64.exe"), CandidateSource.PATH))
                .satisfies(c -> {
                    assertThat(c.versionHint()).isEqualTo(19);
                    assertThat(c.stataNow()).isTrue();
                    assertThat(c.edition()).isEqualTo(Edition.SE);
                });
    }
}
