package dev.statamcp.bench.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** Entry point of the soak: one run (its record, {@link SoakRecord}, renders the Markdown block). */
public final class Soak {
    /** Runs shorter than this are sampled every 2 s (a smoke run needs enough samples), longer ones every 10 s. */
    static final Duration SHORT_RUN = Duration.ofMinutes(5);

    private Soak() {
    }

    /**
     * {@code clients} clients doing jobs against one server for {@code duration}, in a new folder under
     * {@code bench/target/soak}; {@code say} gets a progress line now and then.
     */
    public static SoakOutcome run(Path root, Duration duration, int clients, long seed, Consumer<String> say) {
        Duration period = duration.compareTo(SHORT_RUN) < 0 ? Duration.ofSeconds(2) : Duration.ofSeconds(10);
        return new SoakRun(root, duration, clients, seed, period, say).run();
    }
}
