package ai.spawn.sandbox.local;

import ai.spawn.sandbox.ExecResult;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxCapacity;
import ai.spawn.sandbox.SandboxCapacityException;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.testing.DataDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The warm pool and the capacity limits of the local provider, on real bubblewrap. Needs root. */
class WarmPoolIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final SandboxLimits LIMITS = SandboxLimits.defaults();

    private final List<BubblewrapSandboxProvider> providers = new ArrayList<>();
    private Path dataDir;

    private BubblewrapSandboxProvider open(int poolSize, int maxLive, long headroom, String... templates) {
        dataDir = DataDirs.fresh("warm-pool");
        BubblewrapSandboxProvider provider = BubblewrapSandboxProvider.open(dataDir, 10001,
                new CapacitySettings(poolSize, List.of(templates), LIMITS, maxLive, headroom));
        providers.add(provider);
        return provider;
    }

    @AfterEach
    void close() {
        providers.forEach(BubblewrapSandboxProvider::close);
    }

    private static SandboxSpec spec(String template) {
        return new SandboxSpec("pool-test", template, LIMITS, Map.of("GREETING", "hello"));
    }

    @Test
    void aCreatedSandboxComesFromThePoolWhichRefills() {
        BubblewrapSandboxProvider provider = open(2, 100, 0, "node", "static");
        await().atMost(TIMEOUT).until(() -> provider.capacity().pooled() == 4);
        Set<String> pooled = provider.pool().owned();

        Sandbox sandbox = provider.create(spec("node"));

        assertThat(pooled).contains(sandbox.id());
        assertThat(provider.list()).contains(sandbox.id()).doesNotContainAnyElementsOf(provider.pool().owned());
        await().atMost(TIMEOUT).until(() -> provider.capacity().pooled() == 4);
        assertThat(provider.capacity().live()).isEqualTo(1);
        sandbox.writeFiles(Map.of("a.txt", "alpha"));
        List<String> out = new ArrayList<>();
        ExecResult result = sandbox.exec("cat a.txt; echo \" $GREETING\"", TIMEOUT, out::add);
        assertThat(result.succeeded()).isTrue();
        assertThat(out).containsExactly("alpha hello");
        assertThat(sandbox.spec()).isEqualTo(spec("node"));
    }

    @Test
    void aPooledSandboxWaitsWithItsWriterStartedAndCommandsBeforeTheFirstWriteStillWork() {
        BubblewrapSandboxProvider provider = open(1, 100, 0, "node");
        await().atMost(TIMEOUT).until(() -> provider.capacity().pooled() == 1);
        String pooledId = provider.pool().owned().iterator().next();
        await().atMost(TIMEOUT).until(() -> LocalLeftovers.processes(dataDir, pooledId) > 0);

        Sandbox sandbox = provider.create(spec("node"));
        ExecResult first = sandbox.exec("echo first", TIMEOUT, line -> { });
        sandbox.writeFiles(Map.of("b.txt", "beta"));
        List<String> out = new ArrayList<>();
        sandbox.exec("cat b.txt", TIMEOUT, out::add);

        assertThat(sandbox.id()).isEqualTo(pooledId);
        assertThat(first.succeeded()).isTrue();
        assertThat(out).containsExactly("beta");
    }

    @Test
    void aPooledSandboxRunsItsFirstAppInTheChainLaunchedAheadAndALaterStartInANewOne() throws Exception {
        BubblewrapSandboxProvider provider = open(1, 100, 0, "node");
        await().atMost(TIMEOUT).until(() -> provider.capacity().pooled() == 1);
        String pooledId = provider.pool().owned().iterator().next();
        // the warm writer's chain and the app's: bwrap, its pid 1 and the waiting tar or sh, each
        await().atMost(TIMEOUT).until(() -> LocalLeftovers.processes(dataDir, pooledId) >= 6);
        Thread.sleep(500);
        Instant beforeCreate = Instant.now();
        String value = "it's \"quoted\" $HOME `x` \\ \nsecond line";

        Sandbox sandbox = provider.create(new SandboxSpec("pool-test", "node", LIMITS, Map.of("GREETING", value)));
        sandbox.start("printf '%s|%s\\n' \"$GREETING\" \"$PORT\"; exec sleep 987.25", 3000);

        assertThat(sandbox.id()).isEqualTo(pooledId);
        await().atMost(TIMEOUT).until(() -> sandbox.logs(5).contains("second line|3000"));
        assertThat(sandbox.logs(5)).containsSubsequence("it's \"quoted\" $HOME `x` \\ ", "second line|3000");
        ProcessHandle first = await().atMost(TIMEOUT).until(() -> process("987.25"), Optional::isPresent).get();
        Instant firstForked = first.info().startInstant().orElseThrow();

        Instant beforeRestart = Instant.now();
        sandbox.start("exec sleep 987.5", 3000);
        ProcessHandle second = await().atMost(TIMEOUT).until(() -> process("987.5"), Optional::isPresent).get();

        assertThat(first.isAlive()).isFalse();
        // start instants are exact relative to each other (not to the wall clock): the first app's process was
        // forked when the pool launched its chain, over 500 ms before create(); the second by the second start()
        Duration forks = Duration.between(firstForked, second.info().startInstant().orElseThrow());
        assertThat(forks).isGreaterThan(Duration.between(beforeCreate, beforeRestart).plusMillis(400));
        assertThat(sandbox.isRunning()).isTrue();
    }

    /** The host process whose only argument is {@code argument}. */
    private static Optional<ProcessHandle> process(String argument) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> a.length == 1 && a[0].equals(argument)).orElse(false))
                .findFirst();
    }

    @Test
    void pooledSandboxesAreNotListedSoTheReaperLeavesThemAlone() {
        BubblewrapSandboxProvider provider = open(1, 100, 0, "node", "python", "static");
        await().atMost(TIMEOUT).until(() -> provider.capacity().pooled() == 3);

        assertThat(provider.list()).isEmpty();
        assertThat(LocalLeftovers.all(dataDir)).isNotEmpty();
    }

    @Test
    void otherLimitsGetAFreshSandbox() {
        BubblewrapSandboxProvider provider = open(1, 100, 0, "node");
        await().atMost(TIMEOUT).until(() -> provider.capacity().pooled() == 1);
        Set<String> pooled = provider.pool().owned();

        Sandbox sandbox = provider.create(new SandboxSpec("pool-test", "node",
                new SandboxLimits(DataSize.ofMegabytes(128), 64, 250, DataSize.ofMegabytes(64)), Map.of()));

        assertThat(pooled).doesNotContain(sandbox.id());
        assertThat(provider.capacity().pooled()).isEqualTo(1);
    }

    @Test
    void atMaxLiveCreateThrowsACapacityExceptionWithARetryHint() {
        BubblewrapSandboxProvider provider = open(0, 2, 0);
        Sandbox first = provider.create(spec("node"));
        provider.create(spec("node"));

        assertThatThrownBy(() -> provider.create(spec("node")))
                .isInstanceOfSatisfying(SandboxCapacityException.class, e -> {
                    assertThat(e.retryAfter()).isPositive();
                    assertThat(e.capacity().live()).isEqualTo(2);
                    assertThat(e.capacity().maxLive()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("maximum of 2 sandboxes");
                });
        assertThat(provider.capacity().hasRoom()).isFalse();

        first.destroy();
        assertThat(provider.create(spec("node")).id()).isNotEqualTo(first.id());
    }

    @Test
    void pooledSandboxesCountAgainstMaxLiveAndMakeRoomWhenNeeded() {
        BubblewrapSandboxProvider provider = open(1, 3, 0, "node", "static");
        await().atMost(TIMEOUT).until(() -> provider.capacity().pooled() == 2);

        provider.create(spec("python"));
        provider.create(spec("python"));

        SandboxCapacity now = provider.capacity();
        assertThat(now.live() + now.pooled()).isLessThanOrEqualTo(3);
        assertThat(now.live()).isEqualTo(2);
        provider.create(spec("python"));
        assertThat(provider.capacity().pooled()).isZero();
        assertThatThrownBy(() -> provider.create(spec("node"))).isInstanceOf(SandboxCapacityException.class);
    }

    @Test
    void underTheMemoryHeadroomNothingIsCreatedOrPooled() {
        BubblewrapSandboxProvider provider = open(1, 100, Long.MAX_VALUE / 2, "node");

        assertThatThrownBy(() -> provider.create(spec("node")))
                .isInstanceOfSatisfying(SandboxCapacityException.class, e ->
                        assertThat(e.getMessage()).contains("headroom"));
        provider.pool().refillSoon();
        await().during(Duration.ofMillis(300)).atMost(TIMEOUT).until(() -> provider.capacity().pooled() == 0);
    }

    @Test
    void closeLeavesNothingBehind() {
        BubblewrapSandboxProvider provider = open(2, 100, 0, "node", "python", "static");
        await().atMost(TIMEOUT).until(() -> provider.capacity().pooled() == 6);
        Sandbox live = provider.create(spec("static"));
        live.start("sleep 60", 3000);

        provider.close();

        assertThat(LocalLeftovers.all(dataDir)).isEmpty();
    }
}
