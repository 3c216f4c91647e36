package dev.statamcp.bench.soak;

/**
 * A call whose answer was wrong, an error where none was expected, or no answer in time.
 *
 * @param atSeconds when, since the clients started
 * @param arguments the call's arguments as JSON
 * @param problem   what was expected and not found
 * @param answer    what came back (status, rc, the start of the text), or "" when nothing did
 */
public record Failure(int client, String kind, String tool, String arguments, String problem, String answer,
                      double atSeconds) {
}
