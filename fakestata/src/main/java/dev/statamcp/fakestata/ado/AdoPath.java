package dev.statamcp.fakestata.ado;

import dev.statamcp.fakestata.session.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ado-path: the folders Stata searches for ado-files, help files and {@code findfile}, kept as Stata keeps it
 * in the global {@code S_ADO} ({@code BASE;SITE;.;PERSONAL;PLUS;OLDPLACE}), codewords naming system folders. In
 * each folder a file is looked for directly and then in the subfolder named by its first letter
 * ({@code ado/base/s/summarize.sthlp}), as Stata does.
 */
public final class AdoPath {
    /** One element: as written in the path, and the folder it means. */
    public record Entry(String written, Path dir, boolean codeword) {
    }

    private AdoPath() {
    }

    /** The session's ado-path in search order. */
    public static List<Entry> of(Session s) {
        String path = s.globals().getOrDefault("S_ADO", "");
        return parse(s, path);
    }

    /** A path given as {@code dir1;dir2;CODEWORD} (the {@code path()} option of findfile). */
    public static List<Entry> parse(Session s, String path) {
        SystemDirs sys = SystemDirs.of(s.switches());
        List<Entry> out = new ArrayList<>();
        for (String part : path.split(";")) {
            String p = part.strip();
            if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
                p = p.substring(1, p.length() - 1);
            }
            if (p.isEmpty()) {
                continue;
            }
            Path dir = sys.codeword(p.toUpperCase(Locale.ROOT).equals(p) ? p : "");
            out.add(dir != null ? new Entry(p, dir, true) : new Entry(p, s.resolve(p), false));
        }
        return out;
    }

    /**
     * The files named {@code file} along the path, as Stata shows them (BASE files are written to disk first);
     * only the first unless {@code all}. {@code descend} also looks in the first-letter subfolders.
     */
    public static List<String> find(Session s, List<Entry> path, String file, boolean descend, boolean all) {
        List<String> found = new ArrayList<>();
        SystemDirs sys = SystemDirs.of(s.switches());
        String letter = letterOf(file);
        for (Entry e : path) {
            List<String> candidates = descend ? List.of(file, letter + "/" + file) : List.of(file);
            for (String rel : candidates) {
                if (exists(sys, e, rel)) {
                    found.add(shown(e) + rel);
                    break;
                }
            }
            if (!found.isEmpty() && !all) {
                break;
            }
        }
        return found;
    }

    /** The content of a help or other file along the ado-path: bundled BASE files are read from the jar. */
    public static byte[] read(Session s, String file) {
        SystemDirs sys = SystemDirs.of(s.switches());
        String letter = letterOf(file);
        for (Entry e : of(s)) {
            for (String rel : List.of(file, letter + "/" + file)) {
                if (isBase(sys, e)) {
                    byte[] bundled = BundledFiles.get().read("base/" + rel);
                    if (bundled != null) {
                        return bundled;
                    }
                }
                Path p = e.dir().resolve(rel);
                if (Files.isRegularFile(p)) {
                    try {
                        return Files.readAllBytes(p);
                    } catch (java.io.IOException ex) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    private static boolean exists(SystemDirs sys, Entry e, String rel) {
        if (isBase(sys, e) && BundledFiles.get().read("base/" + rel) != null && sys.extract()) {
            return true;
        }
        return Files.isRegularFile(e.dir().resolve(rel));
    }

    private static boolean isBase(SystemDirs sys, Entry e) {
        return e.dir().equals(sys.base());
    }

    /** How a found file's folder is shown: {@code ./} for the working folder, else the absolute folder. */
    private static String shown(Entry e) {
        if (e.written().equals(".")) {
            return "./";
        }
        return SystemDirs.shown(e.dir());
    }

    /** The first-letter subfolder: the lower-case first letter, {@code _} for anything else. */
    static String letterOf(String file) {
        char c = file.isEmpty() ? '_' : Character.toLowerCase(file.charAt(0));
        return c >= 'a' && c <= 'z' ? String.valueOf(c) : "_";
    }
}
