package dev.statamcp.stata.discovery;

import dev.statamcp.stata.process.Platform;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where Stata keeps its binaries on each platform (versions 15 to 19 and StataNow):
 * Linux {@code /usr/local/stata19/stata-mp}; macOS {@code /Applications/Stata/StataMP.app/Contents/MacOS/stata-mp};
 * Windows {@code C:\Program Files\Stata19\StataMP-64.exe} (no console binary there: batch mode only).
 */
final class InstallLayout {

    private static final List<String> UNIX_NAMES = List.of("stata-mp", "stata-se", "stata");
    private static final List<String> WINDOWS_NAMES = List.of("StataMP-64.exe", "StataSE-64.exe", "StataBE-64.exe",
            "StataIC-64.exe", "StataMP.exe", "StataSE.exe", "StataBE.exe", "StataIC.exe", "Stata-64.exe",
            "Stata.exe");
    private static final List<String> MAC_APPS = List.of("StataMP.app", "StataSE.app", "StataBE.app", "StataIC.app",
            "Stata.app");

    private final Platform platform;

    InstallLayout(Platform platform) {
        this.platform = platform;
    }

    /** Names of runnable binaries, best edition first. */
    List<String> binaryNames() {
        return platform == Platform.WINDOWS ? WINDOWS_NAMES : UNIX_NAMES;
    }

    /** Binaries inside an install folder (or its {@code bin/}, or its macOS app bundles). */
    List<Path> binariesIn(Path dir) {
        List<Path> found = new ArrayList<>();
        List<Path> places = new ArrayList<>(List.of(dir, dir.resolve("bin")));
        if (dir.getFileName() != null && dir.getFileName().toString().endsWith(".app")) {
            places.add(dir.resolve("Contents").resolve("MacOS"));
        }
        for (String app : MAC_APPS) {
            places.add(dir.resolve(app).resolve("Contents").resolve("MacOS"));
        }
        for (Path place : places) {
            for (String name : binaryNames()) {
                Path p = place.resolve(name);
                if (Files.isRegularFile(p) && !found.contains(p)) {
                    found.add(p);
                }
            }
        }
        return found;
    }

    /**
     * The console binary for an explicitly named file: a GUI binary ({@code xstata-mp}) is swapped for its console
     * sibling ({@code stata-mp}) when that exists.
     */
    Path consoleFor(Path file) {
        String name = file.getFileName().toString();
        if (platform != Platform.WINDOWS && name.startsWith("x")) {
            Path sibling = file.resolveSibling(name.substring(1));
            if (Files.isRegularFile(sibling)) {
                return sibling;
            }
        }
        return file;
    }

    /** Install folders under a standard root: children named {@code stata*} (and, on Windows, grandchildren). */
    List<Path> installFolders(Path root) {
        List<Path> out = new ArrayList<>();
        for (Path child : stataChildren(root)) {
            out.add(child);
            if (platform == Platform.WINDOWS || platform == Platform.MACOS) {
                out.addAll(stataChildren(child));
            }
        }
        return out;
    }

    private static List<Path> stataChildren(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, p -> Files.isDirectory(p)
                && p.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("stata"))) {
            children.forEach(out::add);
        } catch (IOException | SecurityException e) {
            // unreadable folder: nothing to find there
        }
        out.sort(null);
        return out;
    }
}
