package dev.statamcp.stata.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessGroupTest {

    @TempDir
    Path dir;

    private static ProcessGroupLauncher launcher(boolean perl) {
        return perl ? ProcessGroupLauncher.perlBased() : ProcessGroupLauncher.forCurrentPlatform();
    }

    private LaunchedProcess start(boolean perl, String script) throws IOException {
        ProcessBuilder b = new ProcessBuilder("sh", "-c", script).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectErrorStream(true);
        return launcher(perl).start(b);
    }

    @ParameterizedTest(name = "perl={0}")
    @ValueSource(booleans = {false, true})
    void childLeadsItsOwnGroupAndKillLeavesNoOrphan(boolean perl) throws Exception {
        // The inner sleep is orphaned (its parent subshell exits) but stays in the group, like Stata's engine.
        LaunchedProcess p = start(perl, "(sleep 60 &) ; exec sleep 61");
        ProcessGroup group = p.group().orElseThrow();
        assertThat(group.pgid()).isEqualTo(p.pid());
        await().atMost(Duration.ofSeconds(5)).until(() -> group.livingMembers().size() >= 2);
        List<Long> members = group.livingMembers();
        assertThat(members).contains(p.pid());

        KillReport report = ProcessKiller.kill(p, Duration.ofSeconds(2));

        assertThat(report.clean()).as("survivors %s", report.survivors()).isTrue();
        assertThat(report.forced()).isFalse();
        for (long pid : members) {
            assertThat(runningAccordingToPs(pid)).as("pid %d still running", pid).isFalse();
        }
    }

    /** Independent of the code under test: asks ps; a zombie (state Z) waiting for its reaper is not running. */
    static boolean runningAccordingToPs(long pid) throws Exception {
        Process ps = new ProcessBuilder("ps", "-o", "stat=", "-p", Long.toString(pid)).start();
        String state = new String(ps.getInputStream().readAllBytes()).strip();
        ps.waitFor();
        return !state.isEmpty() && !state.startsWith("Z");
    }

    @Test
    void processesIgnoringTermAreKilledAfterTheGracePeriod() throws Exception {
        LaunchedProcess p = start(false, "trap '' TERM; sleep 60 & sleep 60 & wait");
        ProcessGroup group = p.group().orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(() -> group.livingMembers().size() >= 3);

        KillReport report = ProcessKiller.kill(p, Duration.ofMillis(300));

        assertThat(report.forced()).isTrue();
        assertThat(report.clean()).isTrue();
        assertThat(group.isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "perl={0}")
    @ValueSource(booleans = {false, true})
    void interruptReachesTheGroup(boolean perl) throws Exception {
        LaunchedProcess p = start(perl, "trap 'echo got-int; exit 3' INT; echo ready; while :; do sleep 0.05; done");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Files.exists(dir.resolve("out.txt")) && Files.readString(dir.resolve("out.txt"))
                        .contains("ready"));
        assertThat(ProcessKiller.interrupt(p)).isTrue();
        assertThat(p.process().waitFor()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("got-int");
        await().atMost(Duration.ofSeconds(5)).until(() -> p.group().orElseThrow().isEmpty());
    }

    @Test
    void signallingAGoneGroupReportsFalse() throws Exception {
        LaunchedProcess p = start(false, "exit 0");
        p.process().waitFor();
        await().atMost(Duration.ofSeconds(5)).until(() -> p.group().orElseThrow().isEmpty());
        assertThat(p.group().orElseThrow().signal(Signal.ZERO)).isFalse();
    }

    @Test
    void theJvmsOwnGroupIsNeverAcceptable() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ProcessGroup(1, Platform.LINUX))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void platformNames() {
        assertThat(Platform.of("Windows 11")).isEqualTo(Platform.WINDOWS);
        assertThat(Platform.of("Mac OS X")).isEqualTo(Platform.MACOS);
        assertThat(Platform.of("Linux")).isEqualTo(Platform.LINUX);
        assertThat(Platform.of("FreeBSD")).isEqualTo(Platform.OTHER_UNIX);
    }
}
