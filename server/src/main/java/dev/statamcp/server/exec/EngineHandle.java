package dev.statamcp.server.exec;

import dev.statamcp.server.jobs.ExecutionHandle;
import dev.statamcp.server.jobs.ExecutionOutcome;
import dev.statamcp.stata.run.RunHandle;
import dev.statamcp.stata.run.RunResult;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** An engine run seen as a job execution. */
final class EngineHandle implements ExecutionHandle {
    private final RunHandle run;
    private final CompletableFuture<ExecutionOutcome> outcome;

    EngineHandle(RunHandle run, Function<RunResult, ExecutionOutcome> mapper) {
        this.run = run;
        // The engine's future never fails; mapping it must not either, or the job would never end.
        this.outcome = run.result().thenApply(r -> {
            try {
                return mapper.apply(r);
            } catch (RuntimeException e) {
                return new ExecutionOutcome(ExecutionOutcome.Ending.CRASHED, null,
                        "the run ended but its result could not be read: " + e.getMessage(), null, null, null, null,
                        r.duration(), null);
            }
        });
    }

    @Override
    public void requestBreak() {
        run.breakRun();
    }

    @Override
    public void kill() {
        run.kill();
    }

    @Override
    public CompletableFuture<ExecutionOutcome> outcome() {
        return outcome;
    }
}
