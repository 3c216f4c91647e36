package dev.statamcp.fakestata.ado;

import dev.statamcp.fakestata.env.Switches;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulated installation's system folders ({@code sysdir}): STATA, BASE = STATA/ado/base/, SITE =
 * STATA/ado/site/, and PLUS, PERSONAL, OLDPLACE under the home folder as on Unix. STATA is FAKESTATA_SYSDIR when
 * set, otherwise a per-build folder of the user's cache ({@code $XDG_CACHE_HOME} or {@code ~/.cache}, then the
 * system temp folder when that cannot be written): {@code fakestata/<digest of the bundled files>/}. The bundled
 * files are written there on first use ({@link #extract()}), each atomically, so emulators started side by side
 * never see half a file and need no set-up.
 */
public final class SystemDirs {
    private static final Map<String, SystemDirs> BY_ROOT = new ConcurrentHashMap<>();

    private final Path stata;
    private volatile boolean extracted;

    private SystemDirs(Path stata) {
        this.stata = stata;
    }

    public static SystemDirs of(Switches switches) {
        Path root = switches.sysDir() != null ? Path.of(switches.sysDir()).toAbsolutePath().normalize()
                : defaultRoot();
        return BY_ROOT.computeIfAbsent(root.toString(), k -> new SystemDirs(root));
    }

    private static Path defaultRoot() {
        String hash = BundledFiles.get().hash();
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home", "");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.isEmpty() ? null : Path.of(home, ".cache");
        if (cache != null && creatable(cache)) {
            return cache.resolve("fakestata").resolve(hash).toAbsolutePath();
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "fakestata-" + user, hash).toAbsolutePath();
    }

    /** Whether the folder exists and is writable, or could be created (its nearest existing parent is). */
    private static boolean creatable(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p != null && Files.isDirectory(p) && Files.isWritable(p);
    }

    public Path stata() {
        return stata;
    }

    public Path base() {
        return stata.resolve("ado").resolve("base");
    }

    /** A system folder by its codeword (STATA, BASE, SITE, PLUS, PERSONAL, OLDPLACE), or null. */
    public Path codeword(String word) {
        String home = System.getProperty("user.home", "");
        return switch (word) {
            case "STATA" -> stata;
            case "BASE" -> base();
            case "SITE" -> stata.resolve("ado").resolve("site");
            case "PLUS" -> Path.of(home, "ado", "plus");
            case "PERSONAL" -> Path.of(home, "ado", "personal");
            case "OLDPLACE" -> Path.of(home, "ado");
            default -> null;
        };
    }

    /** A folder as Stata shows it: absolute, ending with a slash. */
    public static String shown(Path dir) {
        String s = dir.toString();
        return s.endsWith("/") ? s : s + "/";
    }

    /**
     * Writes the bundled files into BASE unless they are there already (checked once per process). Returns false
     * when the folder cannot be written; the caller then treats BASE as empty.
     */
    public boolean extract() {
        if (extracted) {
            return true;
        }
        synchronized (this) {
            if (extracted) {
                return true;
            }
            BundledFiles bundle = BundledFiles.get();
            Path ado = stata.resolve("ado");
            try {
                for (String rel : bundle.paths()) {
                    byte[] bytes = bundle.read(rel);
                    Path target = ado.resolve(rel);
                    if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    Path tmp = Files.createTempFile(target.getParent(), ".fakestata-", ".tmp");
                    try {
                        Files.write(tmp, bytes);
                        move(tmp, target);
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                }
            } catch (IOException | SecurityException e) {
                return false;
            }
            extracted = true;
            return true;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
