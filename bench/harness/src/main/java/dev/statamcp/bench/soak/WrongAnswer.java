package dev.statamcp.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;

/** A checked call that did not answer as expected: ends the job, which is then counted as failed. */
final class WrongAnswer extends Exception {
    private static final long serialVersionUID = 1L;

    private final String tool;
    private final String arguments;
    private final String answer;

    WrongAnswer(String tool, JsonNode arguments, String problem, String answer) {
        super(problem);
        this.tool = tool;
        this.arguments = arguments == null ? "" : arguments.toString();
        this.answer = answer;
    }

    Failure toFailure(int client, JobKind kind, double atSeconds) {
        return new Failure(client, kind.label(), tool, arguments, getMessage(), answer, atSeconds);
    }
}
