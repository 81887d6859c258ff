package ai.spawn.sandbox.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HostMemoryTest {

    @TempDir
    Path dir;

    @Test
    void readsMemAvailableInBytes() throws IOException {
        Path meminfo = Files.writeString(dir.resolve("meminfo"),
                "MemTotal:       24576000 kB\nMemFree:        1000 kB\nMemAvailable:   2048 kB\n");

        assertThat(new HostMemory(meminfo).getAsLong()).isEqualTo(2048L * 1024);
    }

    @Test
    void withoutMemAvailableNothingIsRefused() throws IOException {
        Path meminfo = Files.writeString(dir.resolve("meminfo"), "MemTotal: 1 kB\n");

        assertThat(new HostMemory(meminfo).getAsLong()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void readsThisHost() {
        assertThat(new HostMemory().getAsLong()).isPositive();
    }
}
