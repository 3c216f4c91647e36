package dev.statamcp.server.cli.doctor;

import dev.statamcp.server.jobs.JobFolders;
import dev.statamcp.server.store.Database;
import dev.statamcp.server.store.JobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The data directory: there or creatable, writable, and its job store opens at a schema this build knows. */
final class DataDirCheck {
    static final String TITLE = "Data directory";

    private DataDirCheck() {
    }

    static Check run(Path dataDir) {
        JobFolders folders = new JobFolders(dataDir);
        List<String> details = new ArrayList<>();
        try {
            Files.createDirectories(folders.dataDir());
        } catch (IOException e) {
            return Check.fail(TITLE, folders.dataDir() + " does not exist and cannot be created: " + e.getMessage(),
                    details);
        }
        try {
            Path probe = Files.createTempFile(folders.dataDir(), ".doctor-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            return Check.fail(TITLE, folders.dataDir() + " is not writable: " + e.getMessage(), details);
        }
        boolean existed = Files.isRegularFile(folders.database());
        try (Database db = Database.open(folders.database())) {
            JobStore store = new JobStore(db);
            int unfinished = store.unfinished().size();
            long live = store.unfinished().stream().filter(o -> o.owner().isAlive()).count();
            details.add("job store " + folders.database() + (existed ? "" : " (created now)") + ", schema version "
                    + db.schemaVersion());
            if (unfinished > 0) {
                details.add(live + " job(s) running in live stata-mcp processes"
                        + (unfinished > live ? ", " + (unfinished - live) + " left by processes that are gone"
                        + " (taken over or marked interrupted when stata-mcp next starts)" : ""));
            }
            return Check.ok(TITLE, folders.dataDir() + " is writable and its job store opens", details);
        } catch (RuntimeException e) {
            return Check.fail(TITLE, e.getMessage(), details);
        }
    }
}
