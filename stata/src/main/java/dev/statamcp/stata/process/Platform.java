package dev.statamcp.stata.process;

import java.util.Locale;

/** The operating-system family, which decides binaries, command-line flags and how process groups are made. */
public enum Platform {
    LINUX,
    MACOS,
    WINDOWS,
    /** Another Unix (BSD, Solaris): treated like Linux where possible. */
    OTHER_UNIX;

    public static Platform current() {
        return of(System.getProperty("os.name", ""));
    }

    public static Platform of(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return WINDOWS;
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return MACOS;
        }
        if (os.startsWith("linux")) {
            return LINUX;
        }
        return OTHER_UNIX;
    }

    public boolean isUnix() {
        return this != WINDOWS;
    }
}
