package dev.statamcp.server.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.server.jobs.ExecutionHandle;
import dev.statamcp.server.jobs.ExecutionListener;
import dev.statamcp.server.jobs.ExecutionOutcome;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobExecutor;
import dev.statamcp.server.jobs.JobSpec;
import dev.statamcp.server.json.Json;
import dev.statamcp.stata.batch.BatchRecord;
import dev.statamcp.stata.batch.BatchRequest;
import dev.statamcp.stata.batch.BatchRun;
import dev.statamcp.stata.batch.BatchRunner;
import dev.statamcp.stata.run.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a do-file as its own detached Stata batch process. The process survives the server; its record (pid, start
 * time, log location) is stored with the job so a later server re-adopts it. When it ends, Stata's log (written in
 * the working directory, where Stata always puts it) is copied into the job's folder, so a later run of the same
 * do-file cannot change what this job's log says.
 */
public final class BatchExecutor implements JobExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(BatchExecutor.class);

    private final Supplier<BatchRunner> runner;

    public BatchExecutor(Supplier<BatchRunner> runner) {
        this.runner = runner;
    }

    @Override
    public ExecutionHandle start(Job job, Path folder, ExecutionListener listener) {
        JobSpec spec = job.spec();
        Path doFile = Path.of(spec.path());
        Path cwd = spec.cwd() != null ? Path.of(spec.cwd()) : doFile.toAbsolutePath().getParent();
        BatchRun run;
        try {
            run = runner.get().start(BatchRequest.of(doFile, cwd, folder).withArgs(spec.args()));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        listener.onExecutorFacts(facts(run.record()));
        return follow(run, folder, listener);
    }

    @Override
    public ExecutionHandle adopt(Job job, Path folder, ExecutionListener listener) {
        JsonNode record = job.executor() == null ? null : job.executor().get("batch_record");
        if (record == null) {
            throw new IllegalStateException("job " + job.id() + " has no batch record to re-adopt");
        }
        try {
            return follow(runner.get().adopt(BatchRecord.fromJson(Json.write(record))), folder, listener);
        } catch (IOException e) {
            throw new UncheckedIOException("the batch record of job " + job.id() + " is unreadable: "
                    + e.getMessage(), e);
        }
    }

    private ExecutionHandle follow(BatchRun run, Path folder, ExecutionListener listener) {
        Path live = run.record().primaryLog();
        run.addListener(new ListenerBridge(listener, live));
        Path kept = folder.resolve("stata.log");
        return new EngineHandle(run, r -> finish(r, live, kept));
    }

    private static ExecutionOutcome finish(RunResult result, Path live, Path kept) {
        Path log = live;
        try {
            if (Files.isRegularFile(live)) {
                Files.copy(live, kept, StandardCopyOption.REPLACE_EXISTING);
                log = kept;
            }
        } catch (IOException e) {
            LOG.warn("could not keep a copy of the batch log {}: {}", live, e.getMessage());
        }
        return OutcomeMapper.map(result, List.of(), log);
    }

    private static ObjectNode facts(BatchRecord record) {
        ObjectNode facts = Json.object();
        try {
            facts.set("batch_record", Json.parse(record.toJson()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the batch run: " + e.getMessage(), e);
        }
        facts.put("pid", record.pid());
        facts.put("log", record.primaryLog().toString());
        return facts;
    }
}
