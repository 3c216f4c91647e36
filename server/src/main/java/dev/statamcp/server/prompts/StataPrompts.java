package dev.statamcp.server.prompts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.mcp.content.Content;
import dev.statamcp.mcp.prompts.Prompt;
import dev.statamcp.mcp.prompts.PromptArgument;
import dev.statamcp.mcp.prompts.PromptMessage;
import dev.statamcp.mcp.prompts.PromptResult;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobId;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.output.LogFiles;
import dev.statamcp.server.store.JobStore.JobFilter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Prompts people reach for: explore a dataset, debug the last error, replicate a regression table. */
public final class StataPrompts {
    private StataPrompts() {
    }

    public static List<Prompt> all(Supplier<JobManager> jobs) {
        return List.of(explore(), debug(jobs), replicate());
    }

    static Prompt explore() {
        return new Prompt("explore_dataset", "Explore a dataset",
                "Load a dataset (or use the one in memory) and get to know it: variables, labels, missing values,"
                        + " distributions, and what to watch out for.",
                List.of(new PromptArgument("dataset", "Dataset", "A .dta file, `sysuse auto`, or empty for the data"
                        + " already in memory.", false),
                        new PromptArgument("session", "Session", "Stata session to use (default: default).", false)),
                (args, ctx) -> {
                    String dataset = args.getOrDefault("dataset", "").strip();
                    String session = args.getOrDefault("session", "default").strip();
                    String load = dataset.isEmpty() ? "Use the data already in memory in session `" + session + "`."
                            : dataset.startsWith("sysuse") || dataset.startsWith("use")
                            ? "Load it with stata_run: `" + dataset + ", clear` in session `" + session + "`."
                            : "Load it with stata_run: `use \"" + dataset + "\", clear` in session `" + session + "`.";
                    String text = "Explore a Stata dataset step by step. " + load + "\n"
                            + "1. stata_data action=describe: list the variables with their types, labels and value"
                            + " labels; note the unit of observation and any identifier.\n"
                            + "2. stata_data action=summarize for the numeric variables and action=codebook for"
                            + " categorical ones; report missing values and implausible ranges.\n"
                            + "3. stata_data action=list with max_rows=10 to look at a few rows.\n"
                            + "4. stata_data action=tabulate for the key categorical variables.\n"
                            + "5. Draw one or two graphs that show the main variables' distributions (stata_run with"
                            + " histogram or scatter); they come back as images.\n"
                            + "Finish with a short summary: what the data are, their quality problems, and questions"
                            + " worth asking of them. Do not change or save the data.";
                    return new PromptResult("Explore " + (dataset.isEmpty() ? "the data in memory" : dataset),
                            List.of(PromptMessage.user(Content.text(text))));
                });
    }

    static Prompt debug(Supplier<JobManager> jobs) {
        return new Prompt("debug_last_error", "Debug the last Stata error",
                "Explain the most recent failed job (or the one named) and fix it: the error, where it happened,"
                        + " the log around it, and a corrected version of the code.",
                List.of(new PromptArgument("job_id", "Job", "A failed job's id; default: the most recent failure.",
                        false)),
                (args, ctx) -> {
                    JobManager manager = jobs.get();
                    Optional<Job> job = Optional.ofNullable(args.get("job_id")).filter(JobId::isWellFormed)
                            .flatMap(id -> manager.find(new JobId(id)))
                            .or(() -> manager.list(JobFilter.newest(1, JobStatus.FAILED)).stream().findFirst());
                    if (job.isEmpty()) {
                        return new PromptResult("No failed job", List.of(PromptMessage.user(Content.text(
                                "There is no failed Stata job to debug yet. Run the code with stata_run or"
                                        + " stata_run_file first."))));
                    }
                    Job j = job.get();
                    JsonNode e = j.error();
                    StringBuilder text = new StringBuilder("Debug this failed Stata job and propose a fix.\n\n")
                            .append("Job ").append(j.id()).append(" (").append(j.spec().describe()).append(")\n");
                    if (e != null) {
                        text.append("Error: r(").append(e.path("rc").asText()).append(") ")
                                .append(e.path("message").asText()).append('\n');
                        if (e.hasNonNull("line")) {
                            text.append("Line: ").append(e.get("line").asText()).append('\n');
                        }
                        text.append("Command: ").append(e.path("command").asText()).append('\n')
                                .append("Hint: ").append(e.path("hint").asText()).append('\n');
                    }
                    text.append("\nEnd of the log:\n```\n")
                            .append(String.join("\n", LogFiles.tail(j.logPath(), 40))).append("\n```\n\n")
                            .append("Explain the cause in one or two sentences, check your explanation against the"
                                    + " data with stata_data (e.g. describe to see variable names) when it helps,"
                                    + " then give the corrected code and run it with stata_run.");
                    return new PromptResult("Debug job " + j.id(), List.of(PromptMessage.user(Content.text(
                            text.toString()))));
                });
    }

    static Prompt replicate() {
        return new Prompt("replicate_regression_table", "Replicate a regression table",
                "Reproduce a published regression table: specify each column's model, run them, and lay the"
                        + " estimates out side by side with standard errors and fit statistics.",
                List.of(new PromptArgument("table", "Table", "The table to replicate: paste it, or describe its"
                                + " columns (outcome, regressors, sample, standard errors).", true),
                        new PromptArgument("dataset", "Dataset", "The data to use (a .dta path or sysuse name).",
                                false)),
                (args, ctx) -> {
                    String data = args.getOrDefault("dataset", "").strip();
                    String text = "Replicate this regression table in Stata.\n\n" + args.get("table") + "\n\n"
                            + (data.isEmpty() ? "" : "Data: " + data + " (load it with stata_run).\n")
                            + "1. Write down each column's specification: dependent variable, regressors, sample"
                            + " restrictions, fixed effects and the standard errors (robust, clustered by what).\n"
                            + "2. Run each column with stata_run, storing it with `estimates store colN`.\n"
                            + "3. Read each model's coefficients and standard errors with stata_results kind=e"
                            + " (e(b) and e(V) come with their row and column names).\n"
                            + "4. Lay the columns out side by side (coefficients, standard errors in parentheses,"
                            + " N and R-squared) and compare with the original number by number; explain every"
                            + " difference larger than rounding.";
                    return new PromptResult("Replicate a regression table", List.of(PromptMessage.user(
                            Content.text(text))));
                });
    }
}
