package dev.statamcp.mcp.interop;

import java.nio.file.Path;
import java.util.List;

/** The command line that runs the conformance fixture over stdio in a separate JVM, from the test class path. */
final class FixtureProcess {
    private FixtureProcess() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** Arguments after the java executable. */
    static List<String> stdioArgs() {
        return List.of("-cp", classPath(), "dev.statamcp.mcp.fixture.FixtureMain", "--stdio");
    }
}
