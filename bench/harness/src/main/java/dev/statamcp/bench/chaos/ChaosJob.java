package dev.statamcp.bench.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One job of a chaos run: where it runs and what it prints. Every job prints {@code J<n> START} first and
 * {@code J<n> END} last, so a result that holds its END is complete and a partial log shows how far it got.
 *
 * @param number  the job's number within the run
 * @param session the console session it runs in, or null for a batch job
 * @param lines   lines printed between START and END, one every {@code pauseMs}
 */
public record ChaosJob(int number, String session, int lines, int pauseMs) {

    public String start() {
        return "J" + number + " START";
    }

    public String end() {
        return "J" + number + " END";
    }

    public boolean batch() {
        return session == null;
    }

    /** The Stata code of the job. */
    public String code() {
        StringBuilder code = new StringBuilder("display \"").append(start()).append("\"\n");
        if (lines > 0) {
            code.append("forvalues i = 1/").append(lines).append(" {\n")
                    .append("    display \"J").append(number).append(" line `i'\"\n")
                    .append("    sleep ").append(pauseMs).append("\n}\n");
        }
        return code.append("display \"").append(end()).append("\"\n").toString();
    }

    /** A batch job's do-file, written into the run's working folder. */
    public Path writeDoFile(Path work) throws IOException {
        Files.createDirectories(work);
        return Files.writeString(work.resolve("job" + number + ".do"), code());
    }

    public String describe() {
        return "J" + number + (batch() ? " (batch" : " (session " + session) + ", " + lines + " lines × "
                + pauseMs + " ms)";
    }
}
