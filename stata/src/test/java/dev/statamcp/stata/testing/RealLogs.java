package dev.statamcp.stata.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The batch logs a real StataNow 19 wrote (copied from the project's reference data into test resources). */
public final class RealLogs {

    public static final String NESTED_SUCCESS = "stata19-batch-nested-success.log";
    public static final String NESTED_ERROR = "stata19-batch-nested-error.log";

    private RealLogs() {
    }

    public static List<String> lines(String name) {
        try (InputStream in = RealLogs.class.getResourceAsStream("/real-logs/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource real-logs/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
