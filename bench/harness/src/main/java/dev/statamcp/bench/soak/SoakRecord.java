package dev.statamcp.bench.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.statamcp.bench.report.MachineInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A soak as saved next to its run ({@code soak.json} in the soak's folder): the outcome with the machine and the load
 * around it, everything the report block is rendered from. A block lost to another writer, or new hand notes, can be
 * rendered again without running the half hour again.
 */
public record SoakRecord(MachineInfo machine, String loadBefore, String loadAfter, SoakOutcome outcome) {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Where a run saves its record: in its folder, beside the server's log. */
    public Path file() {
        return outcome.serverLog().resolveSibling("soak.json");
    }

    public Path save() throws IOException {
        Path file = file();
        Files.createDirectories(file.getParent());
        MAPPER.writeValue(file.toFile(), this);
        return file;
    }

    public static SoakRecord load(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), SoakRecord.class);
    }

    /** The soak block of RELIABILITY.md. */
    public String render() {
        return SoakReport.render(machine, outcome, loadBefore, loadAfter);
    }
}
