package dev.statamcp.bench.subject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A server under test and how to start it. The HTTP command holds {@code {port}} where the port goes; a server
 * without an HTTP mode has none.
 *
 * @param name        short name used in tables ("ours", "java-sdk", ...)
 * @param role        ours or a peer: ratios are always ours over a peer
 * @param description one line for the report (what it is, version)
 */
public record ServerSubject(String name, Role role, String description, List<String> stdioCommand,
                            List<String> httpCommand, Path workDir) {

    public enum Role { OURS, PEER }

    public ServerSubject {
        stdioCommand = List.copyOf(stdioCommand);
        httpCommand = httpCommand == null ? List.of() : List.copyOf(httpCommand);
    }

    public boolean hasHttp() {
        return !httpCommand.isEmpty();
    }

    public List<String> httpCommand(int port) {
        List<String> command = new ArrayList<>(httpCommand.size());
        for (String part : httpCommand) {
            command.add(part.replace("{port}", Integer.toString(port)));
        }
        return command;
    }

    public boolean isOurs() {
        return role == Role.OURS;
    }
}
