package ai.spawn.sandbox.local;

import ai.spawn.sandbox.ProcessExit;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.security.RecordingSecurityEvents;
import ai.spawn.security.SecurityEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile apps on real bubblewrap: each hits one limit, the app (not the host) pays, {@code onExit} says why, the
 * hit is recorded as a security event, and nothing is left after destroy. Host responsiveness is measured and
 * logged, never asserted. Needs root and python3.
 */
class HostileAppIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Path DATA_DIR = Path.of("target", "hostile-app-it").toAbsolutePath();
    private static final int PORT = 3000;
    private static final Logger log = LoggerFactory.getLogger(HostileAppIT.class);

    private static final RecordingSecurityEvents events = new RecordingSecurityEvents();
    private static BubblewrapSandboxProvider provider;
    private static final AtomicInteger apps = new AtomicInteger();

    private final Leftovers leftovers = new Leftovers(DATA_DIR);
    private final List<Sandbox> created = new ArrayList<>();
    private final AtomicReference<ProcessExit> exit = new AtomicReference<>();

    @BeforeAll
    static void openProvider() {
        provider = BubblewrapSandboxProvider.open(DATA_DIR, 10001, events::record);
    }

    @AfterAll
    static void closeProvider() {
        provider.close();
    }

    @AfterEach
    void destroyCreated() {
        created.forEach(Sandbox::destroy);
    }

    private Sandbox start(SandboxLimits limits, String command) {
        Sandbox sandbox = provider.create(new SandboxSpec("hostile-" + apps.incrementAndGet(), "python", limits,
                Map.of()));
        created.add(sandbox);
        sandbox.onExit(exit::set);
        sandbox.start(command, PORT);
        return sandbox;
    }

    private static SandboxLimits limits(int memoryMiB, int pids, int cpuMillis, int diskMiB) {
        return new SandboxLimits(DataSize.ofMegabytes(memoryMiB), pids, cpuMillis, DataSize.ofMegabytes(diskMiB));
    }

    private ProcessExit awaitExit() {
        return await().atMost(TIMEOUT).until(exit::get, e -> e != null);
    }

    private static void awaitEvent(Sandbox sandbox, String kind) {
        await().atMost(TIMEOUT).until(() -> events.kinds(sandbox.spec().owner()).contains(kind));
    }

    private static SecurityEvent event(Sandbox sandbox, String kind) {
        return events.list(sandbox.spec().owner()).stream().filter(e -> e.kind().equals(kind)).findFirst()
                .orElseThrow();
    }

    private void destroyAndAssertNothingLeft(Sandbox sandbox) throws IOException {
        Set<Long> pids = leftovers.pids(sandbox.id());
        sandbox.destroy();
        leftovers.assertNoneOf(sandbox.id(), pids, provider);
    }

    private static long memAvailableMiB() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemAvailable:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1);
    }

    @Test
    void aMemoryHogIsOomKilledAndTheHostIsNot() throws IOException {
        long hostBefore = memAvailableMiB();
        Sandbox sandbox = start(limits(64, 64, 500, 32),
                "python3 -c \"x = []\nwhile True: x.append(bytearray(1 << 20))\"");

        ProcessExit ended = awaitExit();

        assertThat(ended.reason()).isEqualTo("oom-killed");
        assertThat(ended.exitCode()).isEqualTo(137);
        assertThat(ended.detail()).isEqualTo("The app used more than its 64 MiB of memory and was stopped.");
        assertThat(sandbox.isRunning()).isFalse();
        assertThat(sandbox.usage().peakMemoryBytes()).isLessThanOrEqualTo(64L << 20);
        awaitEvent(sandbox, SecurityEvent.OOM_KILLED);
        assertThat(event(sandbox, SecurityEvent.OOM_KILLED).sandboxId()).isEqualTo(sandbox.id());
        log.info("host MemAvailable {} MiB before, {} MiB after the memory hog", hostBefore, memAvailableMiB());
        assertThat(sandbox.exec("echo still usable", TIMEOUT, l -> { }).lastLines()).containsExactly("still usable");
        destroyAndAssertNothingLeft(sandbox);
    }

    @Test
    void aForkBombStopsAtThePidsLimitAndTheHostStillForks() throws IOException {
        String before = HostLatency.sample(Duration.ofMillis(500));
        // every process forks for ever and retries when refused, so the sandbox stays at its limit
        Sandbox sandbox = start(limits(512, 48, 500, 32), """
                python3 -c "
                import os, time
                while True:
                    try:
                        os.fork()
                    except OSError:
                        time.sleep(0.01)
                "
                """);

        awaitEvent(sandbox, SecurityEvent.PIDS_LIMIT);
        int seen = leftovers.pids(sandbox.id()).size();
        String during = HostLatency.sample(Duration.ofSeconds(1));

        log.info("host before the fork bomb: {}", before);
        log.info("host during the fork bomb ({} processes in the sandbox): {}", seen, during);
        assertThat(seen).isLessThanOrEqualTo(48 + 1); // the pids limit, plus the bwrap outside the pid namespace
        assertThat(event(sandbox, SecurityEvent.PIDS_LIMIT).detail())
                .startsWith("starting a process or thread was refused at the limit of 48");
        destroyAndAssertNothingLeft(sandbox);
    }

    @Test
    void aForkBombThatGivesUpExitsWithThePidsLimitAsItsReason() throws IOException {
        Sandbox sandbox = start(limits(256, 24, 500, 32), """
                python3 -c "
                import os, time
                while True:
                    if os.fork() == 0:
                        time.sleep(60)
                        os._exit(0)
                "
                """);

        ProcessExit ended = awaitExit();

        assertThat(ended.reason()).isEqualTo("pids-limit");
        assertThat(ended.exitCode()).isEqualTo(1);
        assertThat(ended.lastLines()).anyMatch(l -> l.contains("BlockingIOError")
                || l.contains("Resource temporarily unavailable"));
        awaitEvent(sandbox, SecurityEvent.PIDS_LIMIT);
        destroyAndAssertNothingLeft(sandbox);
    }

    @Test
    void aCpuSpinnerGetsItsQuotaAndNoMore() throws IOException {
        int quota = 250;
        Sandbox sandbox = start(limits(256, 64, quota, 32),
                "python3 -c 'while True: pass' & python3 -c 'while True: pass'");
        await().atMost(TIMEOUT).until(() -> sandbox.usage().cpuMillis() > 100);
        String before = HostLatency.sample(Duration.ofMillis(200));

        long cpuStart = sandbox.usage().cpuMillis();
        long wallStart = System.nanoTime();
        String during = HostLatency.sample(Duration.ofSeconds(2));
        long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
        long cpuMillis = sandbox.usage().cpuMillis() - cpuStart;

        log.info("two spinners with a quota of {} m cpu used {} ms of cpu in {} ms ({} m); host: {}", quota,
                cpuMillis, wallMillis, cpuMillis * 1000 / wallMillis, during);
        log.info("host just before measuring: {}", before);
        // the quota is enforced per 100 ms period: at most one period's worth of slack
        assertThat(cpuMillis).isLessThanOrEqualTo(wallMillis * quota / 1000 + quota / 10 + 50);
        assertThat(cpuMillis).isPositive();
        destroyAndAssertNothingLeft(sandbox);
    }

    @Test
    void aDiskFillerGetsEnospcAndTheHostDiskIsUntouched() throws IOException {
        long hostFree = Files.getFileStore(DATA_DIR).getUsableSpace();
        Sandbox sandbox = start(limits(256, 64, 500, 16), "dd if=/dev/zero of=fill bs=1M count=1000");
        Path workspace = DATA_DIR.resolve("sandboxes").resolve(sandbox.id()).resolve("workspace");

        ProcessExit ended = awaitExit();

        assertThat(ended.reason()).isEqualTo("disk-full");
        assertThat(ended.lastLines()).anyMatch(l -> l.contains("No space left on device"));
        assertThat(ended.detail()).contains("workspace is full (16 MiB)");
        awaitEvent(sandbox, SecurityEvent.DISK_FULL);
        assertThat(Files.size(workspace.resolve("fill"))).isLessThanOrEqualTo(16L << 20);
        assertThat(Files.getFileStore(workspace).type()).isEqualTo("ext4");
        log.info("host disk of the data dir: {} MiB free before, {} MiB after the disk filler", hostFree >> 20,
                Files.getFileStore(DATA_DIR).getUsableSpace() >> 20);
        destroyAndAssertNothingLeft(sandbox);
    }

    @Test
    void aFillerOfTheRunDirectoryGetsEnospcAfterAMebibyteNotHostDisk() throws IOException {
        // finding F3: /run/sbx was a plain directory on the data disk, outside every limit
        Sandbox sandbox = start(limits(256, 64, 500, 16), "dd if=/dev/zero of=/run/sbx/fill bs=64k count=4800");
        Path run = DATA_DIR.resolve("sandboxes").resolve(sandbox.id()).resolve("run");

        ProcessExit ended = awaitExit();

        assertThat(ended.lastLines()).anyMatch(l -> l.contains("No space left on device"));
        assertThat(Files.getFileStore(run).type()).isEqualTo("tmpfs");
        assertThat(Files.size(run.resolve("fill"))).isLessThanOrEqualTo(WorkspaceMount.RUN_BYTES);
        destroyAndAssertNothingLeft(sandbox);
    }

    @Test
    void atTheDefaultLimitsADiskFillerGetsEnospcNotAnOomKill() throws IOException {
        SandboxLimits defaults = SandboxLimits.defaults();
        assertThat(defaults.disk().toBytes()).isGreaterThan(defaults.memory().toBytes());
        Sandbox sandbox = start(defaults, "dd if=/dev/zero of=fill bs=1M count=" + (defaults.disk().toMegabytes() + 100));
        Path workspace = DATA_DIR.resolve("sandboxes").resolve(sandbox.id()).resolve("workspace");

        ProcessExit ended = awaitExit();

        assertThat(ended.reason()).isEqualTo("disk-full");
        assertThat(ended.lastLines()).anyMatch(l -> l.contains("No space left on device"));
        awaitEvent(sandbox, SecurityEvent.DISK_FULL);
        // more than the memory limit was written: the files are not held in the sandbox's memory
        assertThat(Files.size(workspace.resolve("fill"))).isGreaterThan(defaults.memory().toBytes())
                .isLessThanOrEqualTo(defaults.disk().toBytes());
        assertThat(events.kinds(sandbox.spec().owner())).doesNotContain(SecurityEvent.OOM_KILLED);
        destroyAndAssertNothingLeft(sandbox);
    }

    @Test
    void aLogFloodKeepsOnlyABoundedTail() throws IOException {
        Sandbox sandbox = start(limits(256, 64, 500, 32), "yes 'flood flood flood flood flood flood'");

        awaitEvent(sandbox, SecurityEvent.LOG_FLOOD);
        List<String> logs = sandbox.logs(Integer.MAX_VALUE);

        assertThat(logs).hasSizeLessThanOrEqualTo(AppProcess.LOG_LINES);
        assertThat(logs.stream().mapToInt(String::length).sum()).isLessThanOrEqualTo(AppProcess.LOG_CHARS);
        assertThat(event(sandbox, SecurityEvent.LOG_FLOOD).detail()).contains("only its last 1000 lines are kept");
        assertThat(sandbox.isRunning()).isTrue();
        destroyAndAssertNothingLeft(sandbox);
    }

    @Test
    void anAppThatEndsNormallyIsReportedAsExited() {
        Sandbox sandbox = start(limits(256, 64, 500, 32), "echo bye; exit 3");

        ProcessExit ended = awaitExit();

        assertThat(ended).isEqualTo(new ProcessExit(3, "exited", "The app exited with code 3.", List.of("bye")));
        assertThat(events.kinds(sandbox.spec().owner())).isEmpty();
    }

    @Test
    void destroyAndRestartsAreNotReportedAsExits() {
        Sandbox sandbox = start(limits(256, 64, 500, 32), "sleep 3600");
        sandbox.start("sleep 3600", PORT);
        await().atMost(TIMEOUT).until(sandbox::isRunning);

        sandbox.destroy();

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> exit.get() == null);
    }
}
