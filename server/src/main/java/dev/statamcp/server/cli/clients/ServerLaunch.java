package dev.statamcp.server.cli.clients;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a client starts the stdio server: a command, its arguments and extra environment variables.
 *
 * <p>On Linux and macOS clients run the checkout's {@code bin/stata-mcp} launcher (it adds the class-data archive
 * and fast-start JVM flags, so the server answers sooner), with {@code JAVA_HOME} pinned to the Java running now:
 * desktop apps start servers with a minimal PATH on which {@code java} is often missing. On Windows a bash script
 * cannot be a client's command, and without a checkout there is no launcher: the client then runs that Java with the
 * launcher's flags and {@code -jar}. {@code STATA_PATH} is passed on when it is set here, because clients do not
 * see the shell's variables.
 *
 * @param explanation why this form, for the person reading the output
 */
public record ServerLaunch(String command, List<String> args, Map<String, String> env, String explanation) {

    /** The JVM flags bin/stata-mcp uses; repeated for clients that run java directly. */
    static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
            "-Xlog:disable", "-Xlog:all=warning:stderr");

    /** A tool call returns a job id (and the model polls with stata_job_wait) after this long, for Codex. */
    static final int CODEX_MAX_CALL_SECONDS = 300;

    public ServerLaunch {
        args = List.copyOf(args);
        env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    public static ServerLaunch forClient(Client client, SelfLocation self, ClientEnv e) {
        List<String> serveArgs = new ArrayList<>(List.of("serve"));
        if (client == Client.CODEX) {
            // Codex ends a tool call after tool_timeout_sec; a run must come back with its job id before that.
            serveArgs.addAll(List.of("--max-call-seconds", String.valueOf(CODEX_MAX_CALL_SECONDS)));
        }
        Map<String, String> env = new LinkedHashMap<>();
        String stataPath = e.variable("STATA_PATH");
        if (self.launcher().isPresent() && !Client.isWindows(e)) {
            env.put("JAVA_HOME", self.java().getParent().getParent().toString());
            if (stataPath != null) {
                env.put("STATA_PATH", stataPath);
            }
            return new ServerLaunch(self.launcher().get().toString(), serveArgs, env, "Runs " + self.launcher().get()
                    + ", the launcher of this checkout (fast-start JVM flags), with JAVA_HOME set to the Java that"
                    + " runs this command, because " + client.title() + " may start servers without your shell's PATH.");
        }
        List<String> args = new ArrayList<>(JVM_FLAGS);
        self.cdsArchive().ifPresent(a -> args.add("-XX:SharedArchiveFile=" + a));
        args.add("-jar");
        args.add(self.jar().toString());
        args.addAll(serveArgs);
        if (stataPath != null) {
            env.put("STATA_PATH", stataPath);
        }
        String why = Client.isWindows(e) ? "a bash launcher cannot be a Windows client's command"
                : "there is no bin/stata-mcp launcher beside " + self.jar();
        return new ServerLaunch(self.java().toString(), args, env, "Runs Java (" + self.java() + ") with the jar "
                + self.jar() + " and the launcher's JVM flags: " + why + ".");
    }

    /** Every path this launch names (the command and, for java, the jar), for checks. */
    public List<String> commandLine() {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.addAll(args);
        return all;
    }
}
