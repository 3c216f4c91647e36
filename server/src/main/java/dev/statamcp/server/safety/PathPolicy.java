package dev.statamcp.server.safety;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which folders tools may read and run files in: the client's MCP roots when it offers them, else the configured
 * workspace folders plus the server's working folder. Paths are compared after symbolic links are resolved, so
 * a link inside a root that points outside it is refused too.
 */
public final class PathPolicy {
    private final List<Path> roots;

    public PathPolicy(List<Path> roots) {
        List<Path> real = new ArrayList<>();
        for (Path r : roots) {
            real.add(realish(r));
        }
        this.roots = List.copyOf(real);
    }

    public List<Path> roots() {
        return roots;
    }

    /**
     * Resolves {@code path} (relative paths against {@code base}) and checks it lies inside a root.
     *
     * @return the absolute path
     * @throws PathRefusedException with a message saying which folders are allowed and how to widen them
     */
    public Path check(String path, Path base, String what) {
        if (path == null || path.isBlank()) {
            throw new PathRefusedException(what + " is empty; give a path to a file inside " + describeRoots());
        }
        Path p;
        try {
            p = base.resolve(path).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new PathRefusedException(what + " '" + path + "' is not a valid path: " + e.getReason());
        }
        Path real = realish(p);
        for (Path root : roots) {
            if (real.startsWith(root)) {
                return p;
            }
        }
        throw new PathRefusedException(what + " " + p + " is outside the folders this server may use ("
                + describeRoots() + "). Move the file into one of them, or add its folder as a root in the client"
                + " (or with --workspace when the client offers no roots).");
    }

    /** The root that contains the path, if any. */
    public Optional<Path> rootOf(Path p) {
        Path real = realish(p);
        return roots.stream().filter(real::startsWith).findFirst();
    }

    private String describeRoots() {
        return roots.isEmpty() ? "no folder is allowed" : String.join(", ", roots.stream().map(Path::toString).toList());
    }

    /**
     * The real path of the longest existing prefix, with the rest appended: a file that does not exist yet
     * (an output) still gets its folder's links resolved.
     */
    static Path realish(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        List<Path> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing)) {
            rest.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            Path real = existing.toRealPath();
            for (Path part : rest) {
                real = real.resolve(part.toString());
            }
            return real;
        } catch (IOException e) {
            return abs;
        }
    }
}
