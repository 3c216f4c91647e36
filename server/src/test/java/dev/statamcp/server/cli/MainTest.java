package dev.statamcp.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

    private static String captureStdout(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void versionAndHelp() {
        assertThat(captureStdout(() -> assertThat(Main.execute("--version")).isZero())).startsWith("stata-mcp ");
        String help = captureStdout(() -> assertThat(Main.execute("serve", "--help")).isZero());
        assertThat(help).contains("--stdio", "--http", "--host", "--port", "--token", "STATA_MCP_TOKEN");
        assertThat(captureStdout(() -> assertThat(Main.execute("--help")).isZero()))
                .contains("serve", "run", "jobs", "doctor", "config");
        assertThat(captureStdout(() -> assertThat(Main.execute("run", "--help")).isZero()))
                .contains("--session", "--timeout", "--batch", "--data-dir", "--emulator", "Exit codes:", "251");
        assertThat(captureStdout(() -> assertThat(Main.execute("jobs", "list", "--help")).isZero()))
                .contains("--status", "--limit", "--data-dir");
    }

    @Test
    void recognisesThePlainStdioLaunch() {
        assertThat(Main.isPlainStdioServe(new String[] {"serve"})).isTrue();
        assertThat(Main.isPlainStdioServe(new String[] {"serve", "--stdio"})).isTrue();
        assertThat(Main.isPlainStdioServe(new String[] {"serve", "--http"})).isFalse();
        assertThat(Main.isPlainStdioServe(new String[] {"serve", "--stdio", "--log-level", "debug"})).isFalse();
    }

    @Test
    void conflictingModesAndAnOpenBindWithoutTokenAreRefusedWithAMessage() {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.execute("serve", "--stdio", "--http")).isEqualTo(1);
            assertThat(Main.execute("serve", "--http", "--host", "0.0.0.0", "--port", "0", "--token", "")).isEqualTo(1);
        } finally {
            System.setErr(originalErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("choose one of --stdio and --http")
                .contains("without a token")
                .doesNotContain("\tat ");
    }
}
