package dev.statamcp.server.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.stata.process.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenceCheckTest {
    @TempDir
    Path dir;

    @Test
    void theOneMustFollowTheEchoedCommand() {
        assertThat(LicenceCheck.printedOne(List.of("", ". display 1", "1", "", "end of do-file"))).isTrue();
        assertThat(LicenceCheck.printedOne(List.of("1", ". display 1", "r(198);"))).isFalse();
        assertThat(LicenceCheck.printedOne(List.of())).isFalse();
    }

    @Test
    void whatAFailingBinarySaysIsReported() throws Exception {
        Path fake = dir.resolve("stata-mp");
        Files.writeString(fake, "#!/bin/sh\necho 'Cannot find license file' >&2\nexit 3\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Check c = LicenceCheck.run(fake, Platform.LINUX, Duration.ofSeconds(20));
        assertThat(c.level()).isEqualTo(Check.Level.FAIL);
        assertThat(c.summary()).startsWith("licence problem").contains("exit status 3");
        assertThat(c.details()).contains("  Cannot find license file");

        Path hangs = dir.resolve("hangs");
        Files.writeString(hangs, "#!/bin/sh\nexec sleep 30\n");
        Files.setPosixFilePermissions(hangs, PosixFilePermissions.fromString("rwxr-xr-x"));
        Check slow = LicenceCheck.run(hangs, Platform.LINUX, Duration.ofSeconds(1));
        assertThat(slow.level()).isEqualTo(Check.Level.FAIL);
        assertThat(slow.summary()).contains("did not finish within 1 s");
    }
}
