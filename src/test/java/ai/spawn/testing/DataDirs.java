package ai.spawn.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Data directories for test servers under {@code target/d}. JUnit's {@code @TempDir} makes directories that
 * only root may enter, and the sandbox's unprivileged uid must be able to pass through the data dir.
 */
public final class DataDirs {

    private DataDirs() {
    }

    /** A new, empty directory named after {@code name}. */
    public static Path fresh(String name) {
        try {
            // short: sandbox sockets live under it, and unix socket paths hold at most 107 bytes
            String hex = Long.toHexString(System.nanoTime());
            Path dir = Path.of("target", "d", (name.length() > 10 ? name.substring(0, 10) : name) + "-"
                    + hex.substring(Math.max(0, hex.length() - 6))).toAbsolutePath();
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
