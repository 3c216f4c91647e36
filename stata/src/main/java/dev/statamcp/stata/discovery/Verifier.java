package dev.statamcp.stata.discovery;

import dev.statamcp.stata.process.Platform;
import java.nio.file.Path;

/** Checks that a binary is a working Stata by running {@code display c(stata_version)} with it. */
public interface Verifier {

    Verification verify(Path binary, Platform platform);
}
