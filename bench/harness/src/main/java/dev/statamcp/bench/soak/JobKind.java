package dev.statamcp.bench.soak;

import java.util.Random;

/**
 * The kinds of job a soak client does, with how often each is drawn. Each kind is a few tool calls of the real
 * server whose every answer is checked (see {@link Workload}).
 */
enum JobKind {
    DISPLAY("display", 3, "`stata_run`: `display` of a marker and a sum; both must be in the output"),
    SUMMARIZE("summarize", 2, "`stata_run`: `sysuse auto, clear` then `summarize price`; the mean 6165.257"),
    REGRESS("regress", 2, "`stata_run`: `sysuse auto, clear` then `regress price mpg`; the slope -238.8943"),
    GENERATE("generate", 2, "`stata_run`: `generate double` of twice the price, summarized; the mean 12330.51"),
    LOOP("loop", 2, "`stata_run`: a `forvalues` loop printing 200–500 numbered lines; every line, once"),
    ERROR("error", 2, "`stata_run` of a failing command (a missing variable, r(111), or an unknown command,"
            + " r(199)); an error answer with that rc, status failed and Stata's message"),
    BACKGROUND("background", 2, "`stata_run` with `background: true` (a marker and 5 lines 100 ms apart),"
            + " collected with `stata_job_wait` and `stata_job_result`; succeeded, whole output"),
    CANCEL("cancel", 1, "`stata_run` of `sleep 10000` in the background, `stata_job_status` until it runs,"
            + " `stata_job_cancel`; status cancelled, and `stata_job_wait` says cancelled without the line after"
            + " the sleep"),
    DATA("data", 2, "`stata_run` of `sysuse auto, clear`, then `stata_data` summarize, list or describe; the"
            + " structured figures (n 74, the mean price, the first rows, the variables)"),
    RESULTS("results", 2, "`stata_run` of a quiet `regress` or `summarize`, then `stata_results` e or r;"
            + " e(N), e(cmd) and e(b)'s columns, or r(N) and r(mean)"),
    GRAPH("graph", 1, "`stata_run` of `sysuse auto, clear` and `scatter price mpg`; a graph in the result, and"
            + " `stata_graphs` lists it"),
    HELP("help", 1, "`stata_help` of one of seven commands; its topic and sections"),
    JOBS("jobs", 1, "`stata_jobs` of the client's session; the client's latest job is listed");

    private final String label;
    private final int weight;
    private final String what;

    JobKind(String label, int weight, String what) {
        this.label = label;
        this.weight = weight;
        this.what = what;
    }

    String label() {
        return label;
    }

    int weight() {
        return weight;
    }

    /** What the kind sends and what its answers must show (for the report). */
    String what() {
        return what;
    }

    /** A kind drawn by weight. */
    static JobKind draw(Random random) {
        int total = 0;
        for (JobKind k : values()) {
            total += k.weight;
        }
        int at = random.nextInt(total);
        for (JobKind k : values()) {
            at -= k.weight;
            if (at < 0) {
                return k;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
