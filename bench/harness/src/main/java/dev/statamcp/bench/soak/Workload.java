package dev.statamcp.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.bench.app.Tools;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What each kind of job sends and what its answers must show, for one client in its own Stata session. Every call's
 * answer is checked; the first that is not as expected ends the job with a {@link WrongAnswer}. Jobs that need data
 * load it themselves, so a job's outcome depends on nothing another kind left behind.
 */
final class Workload {
    private static final List<String> HELP_TOPICS = List.of("regress", "summarize", "generate", "display",
            "describe", "list", "codebook");
    /** The auto data's mean price and mpg (the emulator's figures are Stata's). */
    private static final double PRICE_MEAN = 6165.256756756757;
    private static final double MPG_MEAN = 21.2972972972973;
    /** How long a background job may take to start, and {@code stata_job_wait}'s wait (the jobs take < 1 s). */
    private static final int WAIT_SECONDS = 30;

    private final SoakSession session;
    private final ClientTally tally;
    private final int client;
    private final String stataSession;
    private final Random random;
    private String lastJobId;
    private int number;

    Workload(SoakSession session, ClientTally tally, Random random) {
        this.session = session;
        this.tally = tally;
        this.client = tally.client();
        this.stataSession = "soak" + client;
        this.random = random;
    }

    /** One call and its answer. */
    private record Answer(String tool, ObjectNode args, JsonNode result) {
        String text() {
            return Tools.text(result);
        }

        JsonNode structured() {
            return Tools.structured(result);
        }

        String status() {
            return Tools.status(result);
        }

        int rc() {
            return structured().path("rc").asInt(-1);
        }

        boolean isError() {
            return Tools.isError(result);
        }

        /** What came back, short enough for a report line. */
        String describe() {
            StringBuilder text = new StringBuilder();
            for (JsonNode block : result.path("content")) {
                if (block.has("text")) {
                    text.append(text.length() == 0 ? "" : " | ").append(block.path("text").asText());
                }
            }
            String flat = text.toString().replace("\n", "⏎");
            return "isError " + isError() + ", status " + (status().isEmpty() ? "-" : status()) + ", rc "
                    + (structured().hasNonNull("rc") ? rc() : "-") + ", text: "
                    + (flat.length() > 300 ? flat.substring(0, 300) + "…" : flat);
        }
    }

    void run(JobKind kind) throws WrongAnswer, InterruptedException {
        number++;
        switch (kind) {
            case DISPLAY -> display();
            case SUMMARIZE -> contains(succeeded("sysuse auto, clear\nsummarize price"), "6165.257");
            case REGRESS -> contains(succeeded("sysuse auto, clear\nregress price mpg"), "-238.8943");
            case GENERATE -> contains(succeeded("sysuse auto, clear\ngenerate double twice = price * 2\n"
                    + "summarize twice"), "12330.51");
            case LOOP -> loop();
            case ERROR -> error();
            case BACKGROUND -> background();
            case CANCEL -> cancel();
            case DATA -> data();
            case RESULTS -> results();
            case GRAPH -> graph();
            case HELP -> help();
            case JOBS -> jobs();
        }
    }

    private void display() throws WrongAnswer {
        int a = random.nextInt(1000);
        int b = random.nextInt(1000);
        String mark = "SOAK c" + client + " n" + number;
        Answer r = succeeded("display \"" + mark + "\"\ndisplay " + a + " + " + b);
        expect(r, lines(r.text()).contains(mark) && lines(r.text()).contains(Integer.toString(a + b)),
                "the lines " + mark + " and " + (a + b));
    }

    private void loop() throws WrongAnswer {
        int count = 200 + random.nextInt(301);
        String tag = "L" + client + "_";
        Answer r = succeeded("forvalues i = 1/" + count + " {\n    display \"" + tag + "`i'\"\n}");
        Set<String> seen = new HashSet<>();
        int printed = 0;
        for (String line : lines(r.text())) {
            if (line.startsWith(tag)) {
                printed++;
                seen.add(line);
            }
        }
        expect(r, printed == count && seen.contains(tag + 1) && seen.contains(tag + count)
                        && !r.structured().path("truncated").asBoolean(true),
                count + " distinct lines " + tag + "1.." + count + ", not truncated (saw " + printed + ")");
    }

    private void error() throws WrongAnswer {
        boolean missingVariable = random.nextBoolean();
        String code = missingVariable ? "sysuse auto, clear\nsummarize nosuchvar" : "soakunknowncmd 1";
        int rc = missingVariable ? 111 : 199;
        String message = missingVariable ? "variable nosuchvar not found" : "command soakunknowncmd is unrecognized";
        Answer r = call("stata_run", Tools.args("code", code, "session", stataSession));
        remember(r);
        expect(r, r.isError() && r.status().equals("failed") && r.rc() == rc
                        && r.structured().path("message").asText().contains(message)
                        && r.text().contains("r(" + rc + ")"),
                "an error answer: failed, rc " + rc + ", \"" + message + "\" and r(" + rc + ") in the output");
    }

    private void background() throws WrongAnswer {
        String mark = "BG c" + client + " n" + number;
        String end = "BG END n" + number;
        String id = submit("display \"" + mark + "\"\n"
                + "forvalues j = 1/5 {\n    sleep 100\n    display \"BG step `j'\"\n}\n"
                + "display \"" + end + "\"");
        Answer waited = call("stata_job_wait", Tools.args("job_id", id, "seconds", WAIT_SECONDS));
        expect(waited, !waited.isError() && waited.status().equals("succeeded"),
                "the job succeeded within " + WAIT_SECONDS + " s");
        Answer result = call("stata_job_result", Tools.args("job_id", id));
        List<String> lines = lines(result.text());
        expect(result, !result.isError() && result.status().equals("succeeded") && result.rc() == 0
                        && lines.contains(mark) && lines.contains("BG step 5") && lines.contains(end),
                "status succeeded, rc 0, and the lines " + mark + ", BG step 5 and " + end);
    }

    private void cancel() throws WrongAnswer, InterruptedException {
        String never = "NOT REACHED n" + number;
        String id = submit("sleep 10000\ndisplay \"" + never + "\"");
        long deadline = System.nanoTime() + WAIT_SECONDS * 1_000_000_000L;
        while (true) {
            Answer status = call("stata_job_status", Tools.args("job_id", id));
            expect(status, !status.isError() && (status.status().equals("queued") || status.status().equals("running")),
                    "queued or running (the job sleeps 10 s)");
            if (status.status().equals("running")) {
                break;
            }
            expect(status, System.nanoTime() < deadline, "running within " + WAIT_SECONDS + " s");
            Thread.sleep(100);
        }
        Answer cancelled = call("stata_job_cancel", Tools.args("job_id", id));
        expect(cancelled, !cancelled.isError() && cancelled.status().equals("cancelled"), "status cancelled");
        Answer waited = call("stata_job_wait", Tools.args("job_id", id, "seconds", WAIT_SECONDS));
        expect(waited, waited.status().equals("cancelled") && !waited.text().contains(never),
                "status cancelled, without the line after the sleep");
        // Stopped by Break, Stata prints --Break-- and r(1); killed after the grace, it printed nothing more.
        if (!(waited.rc() == 1 && waited.text().contains("--Break--"))) {
            tally.cancelledByKill();
        }
    }

    private void data() throws WrongAnswer {
        succeeded("sysuse auto, clear");
        switch (random.nextInt(3)) {
            case 0 -> {
                Answer r = call("stata_data", Tools.args("action", "summarize", "varlist", "price mpg", "session",
                        stataSession));
                JsonNode price = r.structured().path("summaries").path(0);
                expect(r, !r.isError() && price.path("name").asText().equals("price") && price.path("n").asInt() == 74
                                && Math.abs(price.path("mean").asDouble() - PRICE_MEAN) < 1e-6
                                && r.structured().path("summaries").path(1).path("name").asText().equals("mpg"),
                        "summaries of price (n 74, mean " + PRICE_MEAN + ") and mpg");
            }
            case 1 -> {
                Answer r = call("stata_data", Tools.args("action", "list", "varlist", "make price", "in", "1/3",
                        "session", stataSession));
                JsonNode rows = r.structured().path("rows");
                expect(r, !r.isError() && rows.size() == 3 && rows.path(0).path("make").asText().equals("AMC Concord")
                                && rows.path(0).path("price").asDouble() == 4099,
                        "3 rows, the first AMC Concord at 4099");
            }
            default -> {
                Answer r = call("stata_data", Tools.args("action", "describe", "session", stataSession));
                boolean hasPrice = false;
                for (JsonNode v : r.structured().path("variables")) {
                    hasPrice |= v.path("name").asText().equals("price");
                }
                expect(r, !r.isError() && r.structured().path("observations").asInt() == 74
                                && r.structured().path("variable_count").asInt() == 12 && hasPrice,
                        "74 observations, 12 variables, price among them");
            }
        }
    }

    private void results() throws WrongAnswer {
        if (random.nextBoolean()) {
            succeeded("sysuse auto, clear\nquietly regress price mpg");
            Answer r = call("stata_results", Tools.args("kind", "e", "session", stataSession));
            JsonNode e = r.structured();
            JsonNode b = null;
            for (JsonNode m : e.path("matrices")) {
                if (m.path("name").asText().equals("b")) {
                    b = m;
                }
            }
            expect(r, !r.isError() && e.path("scalars").path("N").asDouble() == 74
                            && e.path("macros").path("cmd").asText().equals("regress") && b != null
                            && b.path("col_names").toString().equals("[\"mpg\",\"_cons\"]"),
                    "e(N) 74, e(cmd) regress, e(b) with columns mpg and _cons");
        } else {
            succeeded("sysuse auto, clear\nquietly summarize mpg");
            Answer r = call("stata_results", Tools.args("kind", "r", "session", stataSession));
            JsonNode scalars = r.structured().path("scalars");
            expect(r, !r.isError() && scalars.path("N").asDouble() == 74
                            && Math.abs(scalars.path("mean").asDouble() - MPG_MEAN) < 1e-9,
                    "r(N) 74, r(mean) " + MPG_MEAN);
        }
    }

    private void graph() throws WrongAnswer {
        Answer run = succeeded("sysuse auto, clear\nscatter price mpg");
        String name = run.structured().path("graphs").path(0).path("name").asText("");
        boolean image = false;
        for (JsonNode block : run.result().path("content")) {
            image |= block.path("type").asText().equals("image");
        }
        expect(run, !name.isEmpty() && image, "a graph in the result, with its image");
        Answer list = call("stata_graphs", Tools.args("action", "list", "session", stataSession));
        boolean listed = false;
        for (JsonNode g : list.structured().path("graphs")) {
            listed |= g.asText().equals(name);
        }
        expect(list, !list.isError() && listed, "graph " + name + " listed");
    }

    private void help() throws WrongAnswer {
        String topic = HELP_TOPICS.get(random.nextInt(HELP_TOPICS.size()));
        Answer r = call("stata_help", Tools.args("topic", topic));
        expect(r, !r.isError() && r.structured().path("topic").asText().equals(topic)
                        && r.structured().path("sections").size() > 0 && r.text().contains(topic),
                "the help of " + topic + " with its sections");
    }

    private void jobs() throws WrongAnswer {
        Answer r = call("stata_jobs", Tools.args("session", stataSession, "limit", 5));
        boolean listed = lastJobId == null;
        for (JsonNode job : r.structured().path("jobs")) {
            listed |= job.path("job_id").asText().equals(lastJobId);
        }
        expect(r, !r.isError() && r.structured().path("jobs").isArray() && listed,
                lastJobId == null ? "a job list" : "the latest job " + lastJobId + " among the session's 5 latest");
    }

    /** Runs code in the client's session and expects it to succeed with rc 0. */
    private Answer succeeded(String code) throws WrongAnswer {
        Answer r = call("stata_run", Tools.args("code", code, "session", stataSession));
        remember(r);
        expect(r, !r.isError() && r.status().equals("succeeded") && r.rc() == 0, "status succeeded, rc 0");
        return r;
    }

    /** Submits code in the background and returns the job id. */
    private String submit(String code) throws WrongAnswer {
        Answer r = call("stata_run", Tools.args("code", code, "session", stataSession, "background", true));
        remember(r);
        String id = Tools.jobId(r.result());
        expect(r, !r.isError() && id != null && (r.status().equals("queued") || r.status().equals("running")),
                "a job id, queued or running");
        return id;
    }

    private void remember(Answer r) {
        String id = Tools.jobId(r.result());
        if (id != null) {
            lastJobId = id;
        }
    }

    private static void contains(Answer r, String expected) throws WrongAnswer {
        expect(r, r.text().contains(expected), "\"" + expected + "\" in the output");
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).toList();
    }

    private Answer call(String tool, ObjectNode args) throws WrongAnswer {
        try {
            return new Answer(tool, args, session.call(tool, args));
        } catch (SocketTimeoutException e) {
            throw new WrongAnswer(tool, args, "no answer within " + SoakSession.ANSWER_SECONDS + " s", "");
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            throw new WrongAnswer(tool, args, "no answer: " + (message.length() > 300 ? message.substring(0, 300)
                    + "…" : message), "");
        }
    }

    private static void expect(Answer r, boolean ok, String expected) throws WrongAnswer {
        if (!ok) {
            throw new WrongAnswer(r.tool(), r.args(), "expected " + expected, r.describe());
        }
    }
}
