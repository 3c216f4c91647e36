package dev.statamcp.stata.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch script and sweep wrappers, checked by reading them and by running them with bash (no Slurm needed)
 * against a stand-in "Stata" that records the directory it runs in and the command line it got.
 */
class BatchScriptTest {

    @TempDir
    Path tmp;

    private static final SlurmResources ALL = new SlurmResources("short", "00:10:00", 2, "1G", "econ",
            List.of("--qos=low"));

    @Test
    void singleJobScriptCarriesOptionsAndRunsStataInTheWorkingDirectory() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("my project"));
        SlurmJobRequest req = SlurmJobRequest.single("job-1", work.resolve("main.do"), work,
                List.of("alpha", "two words"), ALL);
        SlurmJob job = job(req);
        String script = BatchScript.render(job, req, ALL, recorder().toString());

        assertThat(script).startsWith("#!/bin/bash\n").contains(
                "#SBATCH --job-name=stata-mcp-job-1\n",
                "#SBATCH --partition=short\n", "#SBATCH --time=00:10:00\n", "#SBATCH --cpus-per-task=2\n",
                "#SBATCH --mem=1G\n", "#SBATCH --account=econ\n", "#SBATCH --qos=low\n",
                "#SBATCH --output=\"" + job.runDir() + "/slurm.out\"\n")
                .doesNotContain("--array");

        Files.createDirectories(job.runDir());
        Files.writeString(job.script(), script);
        assertThat(bash(job.script(), Map.of())).isZero();
        assertThat(Files.readString(job.logPath(0))).isEqualTo("cwd=" + work + "\nargs=-b -q do \""
                + work.resolve("main.do") + "\" alpha \"two words\"\n");
        assertThat(Files.readString(job.exitMarker(0)).strip()).isEqualTo("0");
        assertThat(Files.readString(job.startedMarker(0))).matches("\\S+ \\d+\\n");
    }

    @Test
    void sweepTaskRunsItsOwnWrapperInItsOwnFolder() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("w"));
        SlurmJobRequest req = SlurmJobRequest.sweep("sw", work.resolve("sim.do"), work,
                List.of(List.of("1", "0.5"), List.of("2", "0.9"), List.of("3", "x y")), 2, SlurmResources.NONE);
        SlurmJob job = job(req);
        String script = BatchScript.render(job, req, SlurmResources.NONE, recorder().toString());
        assertThat(script).contains("#SBATCH --array=0-2%2\n",
                "#SBATCH --output=\"" + job.runDir() + "/task-%a/slurm.out\"\n");

        Files.createDirectories(job.runDir());
        Files.writeString(job.script(), script);
        for (int task = 0; task < 3; task++) {
            Files.createDirectories(job.taskDir(task));
            Files.writeString(job.wrapperDoFile(task), BatchScript.wrapperDoFile(job, task, req.argLists().get(task)));
        }
        assertThat(bash(job.script(), Map.of("SLURM_ARRAY_TASK_ID", "2"))).isZero();

        assertThat(job.logPath(2)).isEqualTo(job.runDir().resolve("task-2/sim.log"));
        assertThat(Files.readString(job.logPath(2))).isEqualTo("cwd=" + job.taskDir(2) + "\nargs=-b -q do sim.do\n");
        assertThat(Files.readString(job.wrapperDoFile(2))).endsWith("cd \"" + work + "\"\ndo \"" + work.resolve("sim.do")
                + "\" 3 \"x y\"\n");
        assertThat(Files.readString(job.exitMarker(2)).strip()).isEqualTo("0");
        assertThat(job.exitMarker(0)).doesNotExist();
    }

    @Test
    void missingWorkingDirectoryFailsTheScriptWithAMessage() throws Exception {
        Path work = tmp.resolve("not-mounted");
        SlurmJobRequest req = SlurmJobRequest.single("j", work.resolve("a.do"), work, List.of(), null);
        SlurmJob job = job(req);
        Files.createDirectories(job.runDir());
        Files.writeString(job.script(), BatchScript.render(job, req, SlurmResources.NONE, recorder().toString()));
        Path err = tmp.resolve("err.txt");
        assertThat(bash(job.script(), Map.of(), err)).isEqualTo(2);
        assertThat(Files.readString(err)).contains("cannot enter working directory " + work + " on ", "shared");
        assertThat(Files.readString(job.exitMarker(0)).strip()).isEqualTo("2");
    }

    @Test
    void logNameIsTheStemCutAtTheFirstSpace() {
        assertThat(StataCommandLine.logName(Path.of("/a/b/analysis.do"))).isEqualTo("analysis.log");
        assertThat(StataCommandLine.logName(Path.of("/a/foo bar.do"))).isEqualTo("foo.log");
        assertThat(StataCommandLine.logName(Path.of("/a/v1.2.DO"))).isEqualTo("v1.2.log");
    }

    @Test
    void macroCharactersAreEscapedNotExpanded() {
        Path d = Path.of("/w");
        assertThat(StataCommandLine.doArguments(d.resolve("a.do"), List.of("$HOME", "plain", "`x'")))
                .isEqualTo("\"/w/a.do\" \"\\$HOME\" plain \"\\`x'\"");
    }

    @Test
    void requestsStataCannotExpressAreRefused() {
        Path d = Path.of("/w");
        assertThatThrownBy(() -> SlurmJobRequest.single("j", d.resolve("a.do"), d, List.of("two\nlines"), null))
                .hasMessageContaining("line break");
        assertThatThrownBy(() -> SlurmJobRequest.single("bad id", d.resolve("a.do"), d, List.of(), null))
                .hasMessageContaining("job id");
        assertThatThrownBy(() -> SlurmJobRequest.sweep("j", d.resolve("a.do"), d, List.of(), null, null))
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> StataCommandLine.checkSbatchPath(Path.of("/runs/a\"b")))
                .hasMessageContaining("slurm_run_dir");
    }

    private SlurmJob job(SlurmJobRequest req) {
        return new SlurmJob(req.jobId(), null, tmp.resolve("runs").resolve(req.jobId()), req.doFile(),
                req.workingDir(), req.taskCount(), req.sweep(), 0);
    }

    /** A "Stata" that writes <stem>.log in its cwd with the cwd and its arguments. */
    private Path recorder() throws IOException {
        Path bin = tmp.resolve("fake-stata");
        Files.writeString(bin, "#!/bin/bash\n"
                + "f=${4//\\\"/}; stem=$(basename \"$f\" .do)\n"
                + "printf 'cwd=%s\\nargs=%s\\n' \"$PWD\" \"$*\" > \"$stem.log\"\n");
        Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private int bash(Path script, Map<String, String> env) throws Exception {
        return bash(script, env, tmp.resolve("stderr.txt"));
    }

    private int bash(Path script, Map<String, String> env, Path err) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString())
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("SLURM_ARRAY_TASK_ID");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
