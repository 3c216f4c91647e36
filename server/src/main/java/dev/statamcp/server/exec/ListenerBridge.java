package dev.statamcp.server.exec;

import dev.statamcp.server.jobs.ExecutionListener;
import dev.statamcp.stata.log.OutputLine;
import dev.statamcp.stata.run.RunListener;
import dev.statamcp.stata.run.RunProgress;
import java.nio.file.Path;
import java.time.Instant;

/** Passes the engine's run events on to the job system. */
final class ListenerBridge implements RunListener {
    private final ExecutionListener target;
    private final Path log;

    ListenerBridge(ExecutionListener target, Path log) {
        this.target = target;
        this.log = log;
    }

    @Override
    public void started(String runId) {
        target.onStarted(Instant.now(), log);
    }

    @Override
    public void line(OutputLine line) {
        target.onLine(line.text(), line.isEcho(), line.at());
    }

    @Override
    public void progress(RunProgress progress) {
        target.onPosition(progress.commandsStarted(), progress.totalCommands() > 0
                ? Long.valueOf(progress.totalCommands()) : null);
    }
}
