package ai.spawn.sandbox.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrerequisitesTest {

    @Test
    void refusesRootAsTheSandboxUid() {
        assertThatThrownBy(() -> Prerequisites.check(System.getenv("PATH"), 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spawnai.sandbox.uid must be an unprivileged uid");
    }

    @Test
    void namesMissingProgramsAndHowToInstallThem(@TempDir Path emptyBin) {
        assertThatThrownBy(() -> Prerequisites.check(emptyBin.toString(), 10001))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing programs [sh, setpriv, bwrap, socat, tar, mount, umount]")
                .hasMessageContaining("apt-get install -y bubblewrap");
    }

    @Test
    void explainsADataDirectoryTheSandboxUidCannotEnter(@TempDir Path parent) throws IOException {
        Path closed = Files.createDirectory(parent.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));

        assertThatThrownBy(() -> Prerequisites.checkSearchable(closed, 10001))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("uid 10001 cannot enter")
                .hasMessageContaining("chmod o+x");
    }
}
