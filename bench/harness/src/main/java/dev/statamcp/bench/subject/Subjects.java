package dev.statamcp.bench.subject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers the benchmark knows, found under the repository root. A server whose build output is missing is left
 * out and named in {@link #missing()}, so the report says what was not measured instead of failing.
 */
public final class Subjects {
    public static final String OURS = "ours";
    public static final String JAVA_SDK = "java-sdk";
    public static final String TYPESCRIPT_SDK = "typescript-sdk";
    public static final String STATA_MCP = "stata-mcp";
    public static final String STATA_MCP_LAUNCHER = "stata-mcp-launcher";

    private final List<ServerSubject> protocol = new ArrayList<>();
    private final List<ServerSubject> startup = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();

    private Subjects() {
    }

    /** Looks for every server's build output under {@code root}; {@code java} runs the Java ones. */
    public static Subjects discover(Path root, String java, String node) {
        Subjects subjects = new Subjects();
        Path oursJar = root.resolve("bench/ours-noop/target/ours-noop.jar");
        Path sdkJar = root.resolve("bench/peer-java-sdk/target/peer-java-sdk.jar");
        Path tsScript = root.resolve("bench/node/noop-server.mjs");
        Path appJar = root.resolve("server/target/stata-mcp.jar");
        Path launcher = root.resolve("bin/stata-mcp");

        ServerSubject ours = subjects.javaJar(OURS, ServerSubject.Role.OURS, oursJar, root, java,
                "no-op tool on this project's `mcp` module (stdio; Streamable HTTP on Jetty 12)");
        ServerSubject sdk = subjects.javaJar(JAVA_SDK, ServerSubject.Role.PEER, sdkJar, root, java,
                "no-op tool on the official Java SDK `io.modelcontextprotocol.sdk:mcp` 2.1.0 "
                        + "(stdio; servlet Streamable HTTP on Jetty 12.1 ee11)");
        ServerSubject ts = null;
        if (Files.isRegularFile(tsScript) && Files.isDirectory(root.resolve("bench/node/node_modules"))) {
            ts = new ServerSubject(TYPESCRIPT_SDK, ServerSubject.Role.PEER,
                    "no-op tool on the official TypeScript SDK `@modelcontextprotocol/sdk` 1.32.2 "
                            + "(stdio; Streamable HTTP on node:http)",
                    List.of(node, tsScript.toString(), "--stdio"),
                    List.of(node, tsScript.toString(), "--http", "--port", "{port}"), root);
        } else {
            subjects.missing.add(TYPESCRIPT_SDK + " (" + tsScript + " or its node_modules not found)");
        }
        for (ServerSubject subject : new ServerSubject[] {ours, sdk, ts}) {
            if (subject != null) {
                subjects.protocol.add(subject);
                subjects.startup.add(subject);
            }
        }
        if (Files.isRegularFile(appJar)) {
            subjects.startup.add(new ServerSubject(STATA_MCP, ServerSubject.Role.OURS,
                    "the real server, `java -jar server/target/stata-mcp.jar serve --stdio`, no extra JVM flags",
                    List.of(java, "-jar", appJar.toString(), "serve", "--stdio"),
                    List.of(java, "-jar", appJar.toString(), "serve", "--http", "--port", "{port}"), root));
        } else {
            subjects.missing.add(STATA_MCP + " (" + appJar + " not built)");
        }
        if (Files.isExecutable(launcher)) {
            subjects.startup.add(new ServerSubject(STATA_MCP_LAUNCHER, ServerSubject.Role.OURS,
                    "the real server through its launcher, `bin/stata-mcp serve --stdio` (with the launcher's JVM flags)",
                    List.of(launcher.toString(), "serve", "--stdio"),
                    List.of(launcher.toString(), "serve", "--http", "--port", "{port}"), root));
        } else {
            subjects.missing.add(STATA_MCP_LAUNCHER + " (" + launcher + " not found)");
        }
        return subjects;
    }

    private ServerSubject javaJar(String name, ServerSubject.Role role, Path jar, Path root, String java,
                                  String description) {
        if (!Files.isRegularFile(jar)) {
            missing.add(name + " (" + jar + " not built)");
            return null;
        }
        return new ServerSubject(name, role, description,
                List.of(java, "-jar", jar.toString(), "--stdio"),
                List.of(java, "-jar", jar.toString(), "--http", "--port", "{port}"), root);
    }

    /** The no-op servers compared like for like on the protocol layer. */
    public List<ServerSubject> protocol() {
        return List.copyOf(protocol);
    }

    /** Everything whose startup is measured: the no-op servers and the real application. */
    public List<ServerSubject> startup() {
        return List.copyOf(startup);
    }

    public List<String> missing() {
        return List.copyOf(missing);
    }
}
