package dev.statamcp.stata.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX)
class LeaderlessGroupTest {

    /** A group whose leader exits at once and leaves a sleeping child, as Stata leaves its engine process. */
    private static ProcessGroup leaderlessGroup(String marker) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "sleep 600 & exit 0");
        pb.environment().put("STATATMP", marker);
        LaunchedProcess launched = ProcessGroupLauncher.forCurrentPlatform().start(pb);
        ProcessGroup group = launched.group().orElseThrow();
        launched.process().waitFor();
        await().atMost(Duration.ofSeconds(5)).until(() -> !group.livingMembers().isEmpty());
        return group;
    }

    @Test
    void aGroupWhoseMembersCarryTheRunsMarkerIsStopped() throws Exception {
        ProcessGroup group = leaderlessGroup("/tmp/run-a/tmp");
        assertThat(LeaderlessGroup.stop(group.pgid(), "STATATMP=/tmp/run-a/tmp", Duration.ofSeconds(1))).isTrue();
        assertThat(group.isEmpty()).isTrue();
    }

    @Test
    void aGroupOfAnotherRunIsLeftAlone() throws Exception {
        ProcessGroup group = leaderlessGroup("/tmp/run-b/tmp");
        try {
            assertThat(LeaderlessGroup.stop(group.pgid(), "STATATMP=/tmp/run-a/tmp", Duration.ofSeconds(1)))
                    .isFalse();
            assertThat(group.livingMembers()).isNotEmpty();
        } finally {
            group.signal(Signal.KILL);
        }
    }
}
