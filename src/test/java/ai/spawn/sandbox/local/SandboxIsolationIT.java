package ai.spawn.sandbox.local;

import ai.spawn.sandbox.ExecResult;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxException;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/**
 * Proves on real bubblewrap what a hostile program inside a sandbox cannot do. The probes run as shell, python
 * or node inside the sandbox and print what they saw. Needs root, python3 and node.
 */
class SandboxIsolationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Path DATA_DIR = Path.of("target", "sandbox-isolation-it").toAbsolutePath();
    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

    private static BubblewrapSandboxProvider provider;
    private final List<Sandbox> created = new ArrayList<>();

    @BeforeAll
    static void openProvider() {
        provider = BubblewrapSandboxProvider.open(DATA_DIR, 10001);
    }

    @AfterAll
    static void closeProvider() {
        provider.close();
    }

    @AfterEach
    void destroyCreated() {
        created.forEach(Sandbox::destroy);
    }

    private Sandbox create(SandboxLimits limits) {
        Sandbox sandbox = provider.create(new SandboxSpec("isolation-test", "python", limits, Map.of()));
        created.add(sandbox);
        return sandbox;
    }

    private Sandbox create() {
        return create(SandboxLimits.defaults());
    }

    private static String run(Sandbox sandbox, String command) {
        ExecResult result = sandbox.exec(command, TIMEOUT, line -> { });
        return String.join("\n", result.lastLines()) + "\nexit=" + result.exitCode();
    }

    @Test
    void cannotReadHostFiles() {
        Sandbox sandbox = create();

        String seen = run(sandbox, "cat /root/.bashrc; ls /root; ls /work; cat /etc/shadow; ls " + DATA_DIR
                + "; cat /etc/passwd");

        assertThat(seen).contains("/root/.bashrc: No such file", "cannot access '/root': No such file",
                        "cannot access '/work': No such file", "/etc/shadow: No such file",
                        "cannot access '" + DATA_DIR + "': No such file", "user:x:10001:10001")
                .doesNotContain("helper-common.md", "postgres:", "daemon:");
    }

    @Test
    void cannotWriteOutsideItsWorkspaceAndScratchDirectories() {
        Sandbox sandbox = create();

        String seen = run(sandbox, "touch /usr/evil; touch /evil; touch /etc/evil; touch /opt/spawnai/evil;"
                + " touch /home/user/app/ok /tmp/ok /home/user/ok && echo scratch-writable");

        assertThat(seen).contains("'/usr/evil': Read-only file system", "'/evil': Read-only file system",
                "'/etc/evil': Read-only file system", "'/opt/spawnai/evil': Read-only file system",
                "scratch-writable");
        assertThat(Path.of("/usr/evil")).doesNotExist();
    }

    @Test
    void seesOnlyItsOwnProcesses() {
        Sandbox sandbox = create();

        String seen = run(sandbox, "python3 -c \"import os\nfor p in sorted(int(d) for d in os.listdir('/proc')"
                + " if d.isdigit()):\n  print(p, open(f'/proc/{p}/cmdline','rb').read().replace(b'\\\\0',b' ')"
                + ".decode())\"");

        assertThat(seen).doesNotContain("java", "surefire", "postgres", "redis", "process_api")
                .contains("python3");
        assertThat(seen.lines().filter(l -> l.matches("\\d+ .*")).count()).isLessThanOrEqualTo(4);
    }

    @Test
    void cannotReachTheHostNetwork() throws IOException {
        assumeTrue(hostListens(5432), "PostgreSQL listens on the host's 127.0.0.1:5432");
        Sandbox sandbox = create();

        String seen = run(sandbox, """
                python3 -c "
                import socket
                for host, port in [('127.0.0.1', 5432), ('127.0.0.1', 6379), ('1.1.1.1', 53)]:
                    try:
                        socket.create_connection((host, port), 2).close(); print('reached', host, port)
                    except OSError as e:
                        print('blocked', host, port, e.strerror)
                "
                echo "interfaces: $(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\\n' ' ')"
                """);

        assertThat(seen).contains("blocked 127.0.0.1 5432 Connection refused", "blocked 127.0.0.1 6379",
                "blocked 1.1.1.1 53").doesNotContain("reached");
        assertThat(seen).contains("interfaces: lo \n");
    }

    @Test
    void commandsRunAsNonRootWithoutCapabilities() {
        Sandbox sandbox = create();

        String seen = run(sandbox, "id -u; id -g; grep -E '^(CapInh|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs)'"
                + " /proc/self/status");

        assertThat(seen).startsWith("10001\n10001\n").contains("CapEff:\t0000000000000000",
                "CapPrm:\t0000000000000000", "CapBnd:\t0000000000000000", "NoNewPrivs:\t1");
    }

    @Test
    void theAppRunsAsNonRootWithoutCapabilities() {
        Sandbox sandbox = create();

        sandbox.start("id -u; grep CapEff /proc/self/status; sleep 60", 3000);

        await().atMost(TIMEOUT).until(() -> sandbox.logs(10).size() >= 2);
        assertThat(sandbox.logs(10)).containsExactly("10001", "CapEff:\t0000000000000000");
    }

    @Test
    void cannotMountOrCreateNamespaces() {
        Sandbox sandbox = create();

        String seen = run(sandbox, "mount -o remount,rw /usr && echo remounted; mount -t tmpfs none /tmp && echo"
                + " mounted; unshare --user --map-root-user true && echo unshared; touch /usr/evil 2>/dev/null"
                + " || echo still-read-only");

        assertThat(seen).doesNotContain("remounted", "mounted\n", "unshared").contains("still-read-only");
    }

    @Test
    void isKilledAtTheMemoryLimit() {
        Sandbox sandbox = create(new SandboxLimits(DataSize.ofMegabytes(64), 64, 500, DataSize.ofMegabytes(32)));

        ExecResult result = sandbox.exec("python3 -c \"b = b'x' * (256 << 20); print('allocated')\"", TIMEOUT,
                line -> { });

        assertThat(result.exitCode()).isEqualTo(137);
        assertThat(result.lastLines()).doesNotContain("allocated");
        assertThat(sandbox.usage().peakMemoryBytes()).isLessThanOrEqualTo(DataSize.ofMegabytes(64).toBytes());
    }

    @Test
    void stopsAtThePidsLimit() {
        Sandbox sandbox = create(new SandboxLimits(DataSize.ofMegabytes(256), 24, 500, DataSize.ofMegabytes(32)));

        String seen = run(sandbox, """
                python3 -c "
                import os, time
                n = 0
                try:
                    while n < 1000:
                        if os.fork() == 0:
                            time.sleep(60)
                            os._exit(0)
                        n += 1
                    print('unbounded', n)
                except OSError as e:
                    print('stopped', n, e.errno)
                "
                """);

        assertThat(seen).contains("stopped").doesNotContain("unbounded");
        int forked = Integer.parseInt(seen.lines().filter(l -> l.startsWith("stopped")).findFirst().orElseThrow()
                .split(" ")[1]);
        assertThat(forked).isBetween(1, 24);
    }

    @Test
    void fillsTheWorkspaceOnlyUpToTheDiskLimit() {
        Sandbox sandbox = create(new SandboxLimits(DataSize.ofMegabytes(256), 64, 500, DataSize.ofMegabytes(16)));

        String seen = run(sandbox, "dd if=/dev/zero of=big bs=1M count=64; du -sk /home/user/app");

        assertThat(seen).contains("No space left on device");
        long kib = Long.parseLong(seen.lines().filter(l -> l.endsWith("/home/user/app")).findFirst().orElseThrow()
                .split("\\s+")[0]);
        assertThat(kib).isLessThanOrEqualTo(16 * 1024);
        assertThatThrownBy(() -> sandbox.writeFiles(Map.of("more.txt", "x".repeat(1 << 20))))
                .isInstanceOf(SandboxException.class).hasMessageContaining("workspace is full");
    }

    @Test
    void writeFilesDoesNotFollowLinksPlantedInTheWorkspace() throws IOException {
        Sandbox sandbox = create();
        Path victim = Files.createTempFile(DATA_DIR, "victim", ".txt");
        Files.writeString(victim, "untouched");
        run(sandbox, "ln -s " + victim + " planted.txt; ln -s " + victim.getParent() + " planted-dir");

        catchThrowable(() -> sandbox.writeFiles(Map.of("planted.txt", "overwritten")));
        catchThrowable(() -> sandbox.writeFiles(Map.of("planted-dir/" + victim.getFileName(), "overwritten")));

        assertThat(victim).hasContent("untouched");
        assertThat(run(sandbox, "cat planted.txt")).startsWith("overwritten");
    }

    @Test
    void leavesNothingBehindAfterDestroy() throws IOException {
        Sandbox sandbox = create();
        sandbox.writeFiles(Map.of("server.js", "require('http').createServer((q, r) => r.end('up'))"
                + ".listen(process.env.PORT)"));
        sandbox.start("node server.js & sleep 60", 3000);
        ExecResult background = sandbox.exec("(sleep 60 &) ; echo spawned", TIMEOUT, line -> { });
        assertThat(background.succeeded()).isTrue();
        await().atMost(TIMEOUT).until(() -> Files.exists(socketOf(sandbox)));
        String id = sandbox.id();
        Set<Long> pids = cgroupPids(id);
        assertThat(pids).isNotEmpty();

        sandbox.destroy();

        assertThat(pids).allMatch(SandboxIsolationIT::isGoneOrZombie);
        assertThat(sandboxCgroups(id)).isEmpty();
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(id);
        assertThat(socketOf(sandbox)).doesNotExist();
        assertThat(DATA_DIR.resolve("sandboxes").resolve(id)).doesNotExist();
        assertThat(provider.list()).doesNotContain(id);
    }

    /** A zombie runs nothing; it only waits for its parent (or init) to collect its exit status. */
    private static boolean isGoneOrZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }

    private static Path socketOf(Sandbox sandbox) {
        return DATA_DIR.resolve("sandboxes").resolve(sandbox.id()).resolve("run").resolve("app.sock");
    }

    private static Set<Long> cgroupPids(String id) throws IOException {
        Set<Long> pids = new HashSet<>();
        for (Path dir : sandboxCgroups(id)) {
            Files.readAllLines(dir.resolve("cgroup.procs")).forEach(l -> pids.add(Long.parseLong(l.trim())));
        }
        return pids;
    }

    /** Every directory named after the sandbox under this data dir's cgroup parent in any hierarchy (v1 or v2). */
    private static List<Path> sandboxCgroups(String id) throws IOException {
        try (Stream<Path> hierarchies = Files.list(CGROUPS)) {
            return Stream.concat(hierarchies, Stream.of(CGROUPS))
                    .map(h -> h.resolve(BubblewrapSandboxProvider.parentCgroup(DATA_DIR)).resolve(id))
                    .filter(Files::isDirectory)
                    .toList();
        }
    }

    private static boolean hostListens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
