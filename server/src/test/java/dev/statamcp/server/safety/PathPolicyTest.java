package dev.statamcp.server.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathPolicyTest {
    @TempDir
    Path dir;

    @Test
    void pathsInsideARootPassAndOthersAreRefusedWithTheAllowedFolders() throws Exception {
        Path root = Files.createDirectories(dir.resolve("project with space/数据"));
        Path file = Files.writeString(root.resolve("分析 O'Brien.do"), "display 1");
        PathPolicy policy = new PathPolicy(List.of(root));

        assertThat(policy.check(file.toString(), dir, "the do-file")).isEqualTo(file);
        assertThat(policy.check("分析 O'Brien.do", root, "the do-file")).isEqualTo(file);
        assertThat(policy.check("out/new.csv", root, "the output")).isEqualTo(root.resolve("out/new.csv"));

        assertThatThrownBy(() -> policy.check("/etc/passwd", root, "the do-file"))
                .isInstanceOf(PathRefusedException.class)
                .hasMessageContaining("the do-file /etc/passwd is outside the folders this server may use")
                .hasMessageContaining(root.toRealPath().toString())
                .hasMessageContaining("--workspace");
        assertThatThrownBy(() -> policy.check("../../escape.do", root, "the do-file"))
                .isInstanceOf(PathRefusedException.class);
        assertThatThrownBy(() -> policy.check("", root, "the do-file")).hasMessageContaining("is empty");
    }

    @Test
    void aLinkInsideARootThatPointsOutsideIsRefused() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.do"), "x");
        Files.createSymbolicLink(root.resolve("link"), outside);
        PathPolicy policy = new PathPolicy(List.of(root));
        assertThatThrownBy(() -> policy.check("link/secret.do", root, "the do-file"))
                .isInstanceOf(PathRefusedException.class);
    }

    @Test
    void aRootReachedThroughALinkStillContainsItsFiles() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("alias"), real);
        Files.writeString(real.resolve("a.do"), "x");
        PathPolicy policy = new PathPolicy(List.of(link));
        assertThat(policy.check(link.resolve("a.do").toString(), dir, "f")).isEqualTo(link.resolve("a.do"));
        assertThat(policy.rootOf(real.resolve("a.do"))).isPresent();
    }
}
