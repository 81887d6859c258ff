package ai.spawn.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Data directories for test servers under {@code target/it-data}. JUnit's {@code @TempDir} makes directories that
 * only root may enter, and the sandbox's unprivileged uid must be able to pass through the data dir.
 */
public final class DataDirs {

    private DataDirs() {
    }

    /** A new, empty directory named after {@code name}. */
    public static Path fresh(String name) {
        try {
            Path dir = Path.of("target", "it-data", name + "-" + Long.toHexString(System.nanoTime()))
                    .toAbsolutePath();
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
