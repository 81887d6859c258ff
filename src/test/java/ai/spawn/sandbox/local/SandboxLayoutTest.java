package ai.spawn.sandbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class SandboxLayoutTest {

    @Test
    void refusesADataDirTooDeepForUnixSockets() {
        Path deep = Path.of("/var/lib/" + "d".repeat(70));
        assertThatThrownBy(() -> SandboxLayout.prepare(deep, 10001))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("too deep")
                .hasMessageContaining("unix sockets allow 107");
        assertThat(Files.exists(deep)).as("nothing is created before the check").isFalse();
    }
}
