package dev.statamcp.server.cli.clients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** Backups and all-or-nothing writes of client config files. */
public final class ConfigFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private ConfigFiles() {
    }

    /** Copies {@code file} to {@code <file>.bak-<yyyyMMdd-HHmmss>} (a suffix -2, -3... if taken); returns the copy. */
    public static Path backup(Path file, Clock clock) throws IOException {
        String stamp = STAMP.format(clock.instant().atZone(ZoneId.systemDefault()));
        Path target = file.resolveSibling(file.getFileName() + ".bak-" + stamp);
        for (int n = 2; Files.exists(target); n++) {
            target = file.resolveSibling(file.getFileName() + ".bak-" + stamp + "-" + n);
        }
        return Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
    }

    /**
     * Writes through a temporary file in the same folder and a rename, so a crash leaves the old file or the new.
     * The file keeps its permissions; a new one gets the usual ones (the umask's).
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            if (Files.exists(file) && Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
