package dev.statamcp.stata.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.stata.discovery.Edition;
import dev.statamcp.stata.discovery.StataInstallation;
import dev.statamcp.stata.process.Platform;
import dev.statamcp.stata.process.ProcessGroupLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCommandLineTest {

    private static BatchRunner runner(Platform platform, String binary) {
        return new BatchRunner(new StataInstallation(Path.of(binary), "19.5", Edition.MP, false, platform),
                ProcessGroupLauncher.forCurrentPlatform(), Duration.ofSeconds(2), 10, 10);
    }

    @Test
    void unixUsesDashBAndDashQAndQuotesOnlyWhatNeedsIt() {
        BatchRequest plain = BatchRequest.of(Path.of("/data/main.do"), Path.of("/data"), Path.of("/runs"))
                .withArgs(List.of("2024", "two words"));
        assertThat(runner(Platform.LINUX, "/usr/local/stata19/stata-mp").command(plain)).containsExactly(
                "/usr/local/stata19/stata-mp", "-b", "-q", "do", "/data/main.do", "2024", "\"two words\"");
        BatchRequest odd = BatchRequest.of(Path.of("/data/O'Brien 数据/main one.do"), Path.of("/data"),
                Path.of("/runs"));
        assertThat(runner(Platform.MACOS, "/x/stata-se").command(odd))
                .containsExactly("/x/stata-se", "-b", "-q", "do", "\"/data/O'Brien 数据/main one.do\"");
    }

    @Test
    void windowsUsesSlashEAndSlashQWithForwardSlashes() {
        BatchRequest r = BatchRequest.of(Path.of("C:\\Users\\me\\my project\\main.do"), Path.of("."),
                Path.of("."));
        List<String> cmd = runner(Platform.WINDOWS, "C:\\Program Files\\Stata19\\StataMP-64.exe").command(r);
        assertThat(cmd.subList(1, cmd.size())).containsExactly("/e", "/q", "do",
                "\"C:/Users/me/my project/main.do\"");
    }
}
