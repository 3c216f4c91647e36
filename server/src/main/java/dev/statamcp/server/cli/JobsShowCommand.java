package dev.statamcp.server.cli;

import dev.statamcp.server.cli.jobs.JobText;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.json.Json;
import dev.statamcp.server.resources.JobView;
import dev.statamcp.server.store.ProcessOwner;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stata-mcp jobs show ID}: everything the store knows about one job. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Shows one job: status, what it ran, timings, progress, the error with its hint, log and graphs.")
final class JobsShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The job id (as `jobs list` shows it).")
    String id;

    @Option(names = "--json", description = "Print the job as JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        JobsCommand.parse(id, spec);
        Optional<JobsCommand.Store> opened = JobsCommand.Store.openOrSay(spec);
        if (opened.isEmpty()) {
            return 1;
        }
        try (JobsCommand.Store store = opened.get()) {
            Job j = store.require(id);
            Instant now = Instant.now();
            if (json) {
                out.println(Json.write(JobView.of(j, now)));
                return 0;
            }
            out.println(JobText.outcome(j, now));
            row(out, "status", j.status().wireName());
            row(out, "what", j.spec().describe());
            row(out, "kind", j.spec().kind().wireName() + (j.spec().session() == null ? ""
                    : ", session " + j.spec().session()));
            if (j.spec().cwd() != null) {
                row(out, "folder", j.spec().cwd());
            }
            row(out, "origin", j.origin());
            row(out, "created", JobText.local(j.createdAt()));
            row(out, "started", JobText.local(j.startedAt()));
            row(out, "finished", JobText.local(j.finishedAt()));
            row(out, "time", JobText.seconds(JobText.duration(j, now)));
            row(out, "progress", JobText.commands(j));
            row(out, "rc", j.rc() == null ? "-" : j.rc().toString());
            if (j.progress().lastLine() != null) {
                row(out, "last line", j.progress().lastLine());
            }
            if (j.cancelReason() != null) {
                row(out, "reason", j.cancelReason());
            }
            if (!j.isTerminal()) {
                Optional<ProcessOwner> owner = store.owner(j.id());
                row(out, "run by", "stata-mcp process " + j.ownerPid()
                        + (owner.map(ProcessOwner::isAlive).orElse(false) ? ""
                        : " (gone: the job is marked interrupted when stata-mcp next starts on this data directory)"));
            }
            JobText.errorFacts(j).forEach(out::println);
            if (JobText.ranOnEmulator(j)) {
                out.println("  note:    ran on the emulator fakestata: the results are the emulator's, not Stata's");
            }
            JobText.files(j, store.folders()).forEach(out::println);
            return 0;
        }
    }

    private static void row(PrintStream out, String name, String value) {
        out.printf("  %-9s %s%n", name + ":", value);
    }
}
