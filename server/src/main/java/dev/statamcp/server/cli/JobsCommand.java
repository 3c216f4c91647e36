package dev.statamcp.server.cli;

import dev.statamcp.server.config.Key;
import dev.statamcp.server.config.Settings;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobFolders;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.store.Database;
import dev.statamcp.server.store.JobStore;
import dev.statamcp.server.store.ProcessOwner;
import java.nio.file.Files;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code stata-mcp jobs}: the jobs in the data directory's store, whoever started them (MCP clients, the REST API,
 * {@code run}); several server processes may share the store.
 */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "Lists, shows, follows and cancels jobs in the job store of the data directory.",
        subcommands = {JobsListCommand.class, JobsShowCommand.class, JobsLogCommand.class, JobsCancelCommand.class})
final class JobsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The job store of the data directory, opened for reading and small updates (no recovery, no executors). */
    record Store(Settings settings, JobFolders folders, Database db, JobStore jobs) implements AutoCloseable {

        /** Empty when the data directory has no store yet (nothing ever ran there). */
        static Optional<Store> open(CommandSpec spec) {
            Settings settings = CliSettings.load(spec);
            JobFolders folders = new JobFolders(settings.path(Key.DATA_DIR));
            if (!Files.isRegularFile(folders.database())) {
                return Optional.empty();
            }
            Database db = Database.open(folders.database());
            return Optional.of(new Store(settings, folders, db, new JobStore(db)));
        }

        /** Like {@link #open}, for commands that need a job: when there is no store, says so on stderr. */
        static Optional<Store> openOrSay(CommandSpec spec) {
            Optional<Store> opened = open(spec);
            if (opened.isEmpty()) {
                System.err.println("stata-mcp: " + none(spec));
            }
            return opened;
        }

        static String none(CommandSpec spec) {
            return "no jobs yet: there is no job store in " + CliSettings.load(spec).path(Key.DATA_DIR)
                    + " (give another data directory with --data-dir)";
        }

        Job require(String id) {
            JobId jobId = new JobId(id.trim());
            return jobs.find(jobId).orElseThrow(() -> new IllegalArgumentException("there is no job " + id
                    + " in " + folders.database() + "; `stata-mcp jobs list` shows the jobs there"));
        }

        /** The process running an unfinished job, as the store recorded it. */
        Optional<ProcessOwner> owner(JobId id) {
            return jobs.unfinished().stream().filter(o -> o.job().id().equals(id)).map(JobStore.OwnedJob::owner)
                    .findFirst();
        }

        @Override
        public void close() {
            db.close();
        }
    }

    /** The id, or an error saying what ids look like (printed in one line by Main, exit status 1). */
    static JobId parse(String id, CommandSpec spec) {
        return new JobId(id.trim());
    }
}
