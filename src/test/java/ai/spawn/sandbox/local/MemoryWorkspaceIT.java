package ai.spawn.sandbox.local;

import ai.spawn.sandbox.ProcessExit;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxProperties;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.testing.DataDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code spawnai.sandbox.workspace=memory} on real bubblewrap: the workspace is a tmpfs, a full one is
 * {@code ENOSPC}, and its files count towards the memory limit (an app whose files outgrow it is OOM-killed and told
 * why). Needs root.
 */
class MemoryWorkspaceIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Path dataDir;
    private BubblewrapSandboxProvider provider;
    private final AtomicReference<ProcessExit> exit = new AtomicReference<>();

    @BeforeEach
    void open() {
        dataDir = DataDirs.fresh("memory-workspace");
        provider = BubblewrapSandboxProvider.open(dataDir, 10001, BubblewrapSandboxProvider::logEvent,
                CapacitySettings.unlimited(), BubblewrapSandboxProvider.Installs.none(),
                SandboxProperties.Workspace.MEMORY);
    }

    @AfterEach
    void close() {
        provider.close();
        assertThat(LocalLeftovers.all(dataDir)).isEmpty();
    }

    private Sandbox start(int memoryMiB, int diskMiB, String command) {
        Sandbox sandbox = provider.create(new SandboxSpec("memory-workspace", "python", new SandboxLimits(
                DataSize.ofMegabytes(memoryMiB), 64, 500, DataSize.ofMegabytes(diskMiB)), Map.of()));
        sandbox.onExit(exit::set);
        sandbox.start(command, 3000);
        return sandbox;
    }

    @Test
    void aFullTmpfsWorkspaceIsEnospc() throws Exception {
        Sandbox sandbox = start(256, 16, "dd if=/dev/zero of=fill bs=1M count=100");
        Path workspace = dataDir.resolve("sandboxes").resolve(sandbox.id()).resolve("workspace");

        ProcessExit ended = await().atMost(TIMEOUT).until(exit::get, e -> e != null);

        assertThat(Files.getFileStore(workspace).type()).isEqualTo("tmpfs");
        assertThat(ended.reason()).isEqualTo("disk-full");
        assertThat(Files.size(workspace.resolve("fill"))).isLessThanOrEqualTo(16L << 20);
        sandbox.destroy();
    }

    @Test
    void filesOutgrowingTheMemoryLimitAreAnOomKillThatSaysSo() {
        start(64, 256, "dd if=/dev/zero of=fill bs=1M count=200");

        ProcessExit ended = await().atMost(TIMEOUT).until(exit::get, e -> e != null);

        assertThat(ended.reason()).isEqualTo("oom-killed");
        assertThat(ended.detail()).contains("Files in its workspace count towards that memory");
    }
}
