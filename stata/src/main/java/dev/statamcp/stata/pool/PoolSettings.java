package dev.statamcp.stata.pool;

import dev.statamcp.stata.session.SessionSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and defaults of a {@link SessionPool}.
 *
 * @param maxSessions most sessions at once (each running Stata takes a licence seat)
 * @param idleTimeout a session with nothing to do for this long is closed (its Stata stops; {@code default} keeps
 *        its name and settings, others are removed); zero disables idle closing
 * @param sessionDefaults settings for new sessions (working directory, queue limit, line size...)
 */
public record PoolSettings(int maxSessions, Duration idleTimeout, SessionSettings sessionDefaults) {

    public PoolSettings {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(sessionDefaults, "sessionDefaults");
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1");
        }
    }
}
