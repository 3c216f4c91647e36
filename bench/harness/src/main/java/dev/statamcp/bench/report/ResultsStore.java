package dev.statamcp.bench.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures behind a report, as JSON next to it ({@code RESULTS.md} → {@code RESULTS.json}): a run replaces the
 * figures it measured and keeps the rest, and the report is rendered again from all of them.
 */
public final class ResultsStore {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsStore() {
    }

    public static Path beside(Path report) {
        String name = report.getFileName().toString();
        String stem = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        return report.resolveSibling(stem + ".json");
    }

    /** The stored figures by id, in stored order; empty when there is no store yet. */
    public static Map<String, StoredFigure> load(Path store) throws IOException {
        Map<String, StoredFigure> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(store)) {
            return out;
        }
        List<StoredFigure> figures = MAPPER.readValue(store.toFile(), new TypeReference<List<StoredFigure>>() { });
        figures.forEach(f -> out.put(f.id(), f));
        return out;
    }

    public static void save(Path store, List<StoredFigure> figures) throws IOException {
        Files.createDirectories(store.toAbsolutePath().getParent());
        Files.writeString(store, MAPPER.writeValueAsString(figures) + "\n");
    }
}
