package dev.statamcp.server.exec;

import dev.statamcp.server.jobs.ExecutionHandle;
import dev.statamcp.server.jobs.ExecutionListener;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobExecutor;
import dev.statamcp.server.jobs.JobKind;
import dev.statamcp.server.jobs.JobSpec;
import dev.statamcp.stata.pool.SessionPool;
import dev.statamcp.stata.run.GraphExport;
import dev.statamcp.stata.run.RunHandle;
import dev.statamcp.stata.run.RunRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs code and do-files in the pool's persistent console sessions. Stata writes the run's log straight into the
 * job's folder, and graphs the run drew are exported there as PNG in the same turn of the session, before any
 * later run can change them.
 */
public final class ConsoleSessionExecutor implements JobExecutor {
    private final Supplier<SessionPool> pool;
    private final int graphWidth;

    /** @param pool the session pool, created on first use (finding Stata may fail with a clear message) */
    public ConsoleSessionExecutor(Supplier<SessionPool> pool, int graphWidth) {
        this.pool = pool;
        this.graphWidth = graphWidth;
    }

    @Override
    public ExecutionHandle start(Job job, Path folder, ExecutionListener listener) {
        JobSpec spec = job.spec();
        Path log = folder.resolve("stata.log");
        Path graphs = folder.resolve("graphs");
        RunRequest request = spec.kind() == JobKind.CODE
                ? RunRequest.of(spec.code())
                : RunRequest.ofDoFile(Path.of(spec.path()), spec.args(),
                        Optional.ofNullable(spec.cwd()).map(Path::of));
        request = request.withLogFile(log)
                .withGraphExport(new GraphExport(graphs, graphWidth))
                .withListener(new ListenerBridge(listener, log));
        RunHandle run = pool.get().submit(spec.session(), request);
        return new EngineHandle(run, r -> OutcomeMapper.map(r, files(graphs, r.graphs()), log));
    }

    private static List<Path> files(Path dir, List<String> names) {
        List<Path> files = new ArrayList<>(names.size());
        for (String name : names) {
            files.add(dir.resolve(GraphExport.fileName(name)));
        }
        return files;
    }
}
