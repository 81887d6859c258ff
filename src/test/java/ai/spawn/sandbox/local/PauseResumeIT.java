package ai.spawn.sandbox.local;

import ai.spawn.sandbox.EndpointClient;
import ai.spawn.sandbox.ExecResult;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxNotFoundException;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.testing.DataDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Pause and resume with the cgroup freezer, on real bubblewrap. Needs root. */
class PauseResumeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration WHILE_PAUSED = Duration.ofMillis(500);
    private static final int PORT = 3000;
    private static final String SERVER = "require('http').createServer((q, r) => r.end('awake'))"
            + ".listen(process.env.PORT, () => console.log('listening'))";

    private static Path dataDir;
    private static BubblewrapSandboxProvider provider;
    private final List<Sandbox> created = new ArrayList<>();

    @BeforeAll
    static void open() {
        dataDir = DataDirs.fresh("pause");
        provider = BubblewrapSandboxProvider.open(dataDir, 10001);
    }

    @AfterAll
    static void close() {
        provider.close();
    }

    @AfterEach
    void destroy() {
        created.forEach(Sandbox::destroy);
    }

    private Sandbox create() {
        Sandbox sandbox = provider.create(new SandboxSpec("pause-test", "node", SandboxLimits.defaults(), Map.of()));
        created.add(sandbox);
        return sandbox;
    }

    private Sandbox server() {
        Sandbox sandbox = create();
        sandbox.writeFiles(Map.of("server.js", SERVER));
        sandbox.start("node server.js", PORT);
        await().atMost(TIMEOUT).until(() -> sandbox.logs(10).contains("listening"));
        return sandbox;
    }

    @Test
    void aPausedSpinnerStopsUsingCpuAndGoesOnAfterResume() {
        Sandbox sandbox = create();
        sandbox.start("while :; do :; done", PORT);
        await().atMost(TIMEOUT).until(() -> sandbox.usage().cpuMillis() > 50);

        sandbox.pause();

        assertThat(sandbox.isPaused()).isTrue();
        assertThat(sandbox.isRunning()).isTrue();
        long frozenAt = sandbox.usage().cpuMillis();
        await().during(WHILE_PAUSED).atMost(TIMEOUT).until(() -> sandbox.usage().cpuMillis() == frozenAt);

        sandbox.resume();

        assertThat(sandbox.isPaused()).isFalse();
        await().atMost(TIMEOUT).until(() -> sandbox.usage().cpuMillis() > frozenAt + 50);
    }

    @Test
    void aPausedAppKeepsItsMemory() {
        Sandbox sandbox = server();
        long before = sandbox.usage().memoryBytes();

        sandbox.pause();

        assertThat(sandbox.usage().memoryBytes()).isGreaterThanOrEqualTo(before / 2).isPositive();
    }

    @Test
    void requestsToAPausedAppWaitAndAreAnsweredAfterResume() throws IOException {
        Sandbox sandbox = server();
        assertThat(EndpointClient.get(sandbox.endpoint(), "/").body()).isEqualTo("awake");
        sandbox.pause();

        CompletableFuture<EndpointClient.Response> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return EndpointClient.get(sandbox.endpoint(), "/", TIMEOUT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        await().during(WHILE_PAUSED).atMost(TIMEOUT).until(() -> !waiting.isDone());

        sandbox.resume();

        assertThat(waiting.join().body()).isEqualTo("awake");
    }

    @Test
    void pauseAndResumeAreIdempotent() throws IOException {
        Sandbox sandbox = server();

        sandbox.pause();
        sandbox.pause();
        assertThat(sandbox.isPaused()).isTrue();
        sandbox.resume();
        sandbox.resume();

        assertThat(sandbox.isPaused()).isFalse();
        assertThat(EndpointClient.get(sandbox.endpoint(), "/").body()).isEqualTo("awake");
    }

    @Test
    void runningACommandResumesAPausedSandbox() throws IOException {
        Sandbox sandbox = server();
        sandbox.pause();

        ExecResult result = sandbox.exec("echo ran", TIMEOUT, line -> { });

        assertThat(result.succeeded()).isTrue();
        assertThat(sandbox.isPaused()).isFalse();
        assertThat(EndpointClient.get(sandbox.endpoint(), "/").body()).isEqualTo("awake");
    }

    @Test
    void aPausedSandboxIsDestroyedWithNothingLeft() {
        Sandbox sandbox = server();
        sandbox.exec("(sleep 600 &); echo", TIMEOUT, line -> { });
        sandbox.pause();

        sandbox.destroy();

        assertThat(LocalLeftovers.of(dataDir, sandbox.id())).isEmpty();
        assertThatThrownBy(sandbox::isPaused).isInstanceOf(SandboxNotFoundException.class);
        assertThat(provider.list()).doesNotContain(sandbox.id());
    }

    @Test
    void aPausedLeftoverIsDestroyedByIdWithNothingLeft() {
        Path otherData = DataDirs.fresh("pause-leftover");
        String id;
        try (BubblewrapSandboxProvider crashed = BubblewrapSandboxProvider.open(otherData, 10001)) {
            Sandbox sandbox = crashed.create(new SandboxSpec("leftover", "node", SandboxLimits.defaults(), Map.of()));
            sandbox.start("sleep 600", PORT);
            sandbox.pause();
            id = sandbox.id();
            try (BubblewrapSandboxProvider restarted = BubblewrapSandboxProvider.open(otherData, 10001)) {
                assertThat(restarted.list()).contains(id);

                restarted.destroy(id);

                assertThat(LocalLeftovers.of(otherData, id)).isEmpty();
            }
        }
    }
}
