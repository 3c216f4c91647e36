package dev.statamcp.stata.slurm;

import static dev.statamcp.stata.slurm.StataCommandLine.shellQuote;

import dev.statamcp.stata.paths.StataQuoting;

import java.util.List;

/**
 * The text of the batch script submitted with sbatch, and of the per-task wrapper do-files of a sweep.
 *
 * <p>Single job: {@code cd <workingDir> && <stata> -b -q do <file> args...}, so Stata writes
 * {@code <workingDir>/<stem>.log} exactly as a local batch run would. Sweep: a job array whose task {@code i}
 * picks its own folder {@code task-i} by {@code $SLURM_ARRAY_TASK_ID} and runs the wrapper do-file there; the
 * wrapper changes to the working directory and runs the do-file with task {@code i}'s arguments. The tasks' logs
 * so land in their own folders (Stata always writes the batch log into the directory it was started in), while
 * the do-file still sees the requested working directory, so its relative paths work as in a single run.
 *
 * <p>Both write {@code started} when the task begins and {@code exit} (the Stata binary's exit code) when it
 * returns, next to Slurm's output files: those let the client resolve a job after Slurm has forgotten it and there
 * is no accounting database.
 */
final class BatchScript {

    private BatchScript() {
    }

    /** The script for {@code job} (whose Slurm id is not known yet) with the merged {@code resources}. */
    static String render(SlurmJob job, SlurmJobRequest request, SlurmResources resources, String stataCommand) {
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        sbatch(s, "--job-name=" + jobName(job.jobId()));
        String outputDir = job.sweep() ? job.runDir().resolve("task-%a").toString() : job.runDir().toString();
        sbatch(s, "--output=\"" + outputDir + "/slurm.out\"");
        sbatch(s, "--error=\"" + outputDir + "/slurm.err\"");
        // Where Slurm starts the script; the script then changes to where Stata must run.
        sbatch(s, "--chdir=\"" + job.runDir() + "\"");
        if (resources.partition() != null) {
            sbatch(s, "--partition=" + resources.partition());
        }
        if (resources.timeLimit() != null) {
            sbatch(s, "--time=" + resources.timeLimit());
        }
        if (resources.cpus() != null) {
            sbatch(s, "--cpus-per-task=" + resources.cpus());
        }
        if (resources.memory() != null) {
            sbatch(s, "--mem=" + resources.memory());
        }
        if (resources.account() != null) {
            sbatch(s, "--account=" + resources.account());
        }
        if (job.sweep()) {
            sbatch(s, "--array=0-" + (job.taskCount() - 1)
                    + (request.maxParallel() != null ? "%" + request.maxParallel() : ""));
        }
        resources.extraFlags().forEach(flag -> sbatch(s, flag));
        s.append("#\n# stata-mcp job ").append(job.jobId()).append(": ").append(job.doFile()).append(" in ")
                .append(job.workingDir()).append(job.sweep() ? ", " + job.taskCount() + " array tasks" : "")
                .append('\n');
        s.append("set -u\n");
        s.append("stata=").append(shellQuote(stataCommand)).append('\n');
        s.append("run=").append(shellQuote(job.runDir().toString())).append('\n');
        if (job.sweep()) {
            s.append("task_dir=\"$run/task-${SLURM_ARRAY_TASK_ID:?this script runs as a job array}\"\n");
        } else {
            s.append("task_dir=\"$run\"\n");
        }
        s.append("finish() { printf '%s\\n' \"$1\" > \"$task_dir/exit.tmp\""
                + " && mv -f \"$task_dir/exit.tmp\" \"$task_dir/exit\"; exit \"$1\"; }\n");
        s.append("node=\"${SLURMD_NODENAME:-$(hostname -s)}\"\n");
        s.append("printf '%s %s\\n' \"$node\" \"$(date +%s)\" > \"$task_dir/started\"\n");
        if (job.sweep()) {
            s.append("cd \"$task_dir\" || { echo \"stata-mcp: cannot enter $task_dir on $node\" >&2; finish 2; }\n");
            s.append("\"$stata\" -b -q do ").append(shellQuote(job.wrapperDoFile(0).getFileName().toString()))
                    .append('\n');
        } else {
            String dir = shellQuote(job.workingDir().toString());
            s.append("cd ").append(dir).append(" || { echo \"stata-mcp: cannot enter working directory \"")
                    .append(dir).append("\" on $node: is it on a filesystem shared with this node?\" >&2; finish 2; }\n");
            s.append("\"$stata\" -b -q do ")
                    .append(StataCommandLine.doArgumentsAsShellWords(job.doFile(), request.argLists().get(0)))
                    .append('\n');
        }
        s.append("finish $?\n");
        return s.toString();
    }

    /** The wrapper do-file of sweep task {@code task}, written to {@code job.wrapperDoFile(task)}. */
    static String wrapperDoFile(SlurmJob job, int task, List<String> args) {
        // One short comment line: it is echoed into the task's log, where a long one would wrap.
        return "* stata-mcp sweep task " + task + "\n"
                + "cd " + StataQuoting.quote(job.workingDir()) + "\n"
                + "do " + StataCommandLine.doArguments(job.doFile(), args) + "\n";
    }

    static String jobName(String jobId) {
        return "stata-mcp-" + jobId;
    }

    private static void sbatch(StringBuilder s, String option) {
        s.append("#SBATCH ").append(option).append('\n');
    }
}
