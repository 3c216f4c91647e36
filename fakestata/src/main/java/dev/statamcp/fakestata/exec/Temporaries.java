package dev.statamcp.fakestata.exec;

import dev.statamcp.fakestata.session.Session;
import java.nio.file.Path;

/** Names for {@code tempvar}, {@code tempname} and {@code tempfile}; temporary files live in STATATMP. */
public final class Temporaries {
    private static int counter;

    private Temporaries() {
    }

    public static String name(Session s, String kind) {
        String n = String.format("__%06d", counter++);
        if (kind.equals("tempfile")) {
            return Path.of(s.switches().tmpDir()).resolve("St" + ProcessHandle.current().pid() + "." + n.substring(2))
                    .toString();
        }
        return n;
    }
}
