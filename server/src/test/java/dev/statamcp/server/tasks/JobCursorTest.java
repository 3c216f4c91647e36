package dev.statamcp.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statamcp.server.jobs.JobId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobCursorTest {
    @Test
    void aCursorRoundTripsAndLooksOpaque() {
        JobCursor cursor = new JobCursor(Instant.parse("2026-11-24T10:00:00.123Z"), JobId.next(1_790_000_000_000L));
        String encoded = cursor.encode();
        assertThat(encoded).doesNotContain(cursor.id().value()).matches("[A-Za-z0-9_-]+");
        assertThat(JobCursor.decode(encoded)).isEqualTo(cursor);
    }

    @Test
    void foreignCursorsAreRefused() {
        for (String bad : new String[] {"bogus", "", "!!!", JobCursor.class.getName(), "MTIzOm5vdGFqb2I"}) {
            assertThatThrownBy(() -> JobCursor.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a cursor");
        }
    }
}
