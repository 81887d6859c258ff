package ai.spawn.sandbox.local;

import ai.spawn.sandbox.ExecResult;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a sandboxed app can see of its host and its neighbours on real bubblewrap: only the variables it was given,
 * none of the host's unix sockets (path or abstract), no loopback service of the host, only its own processes,
 * nothing of another sandbox. Probes run both as commands and as the app. Needs root and python3.
 */
class SandboxEnvironmentIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Path DATA_DIR = Path.of("target", "sandbox-environment-it").toAbsolutePath();
    private static final int PORT = 3000;
    private static final List<String> HOST_SOCKET_DIRS = List.of("/run/postgresql", "/var/run/postgresql",
            "/run/mysqld", "/run/redis", "/var/run/redis", "/run/dbus", "/run/systemd", "/tmp/.X11-unix",
            "/run/user", "/var/run/docker.sock", "/run/containerd");

    private static BubblewrapSandboxProvider provider;
    private final Leftovers leftovers = new Leftovers(DATA_DIR);
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

    private Sandbox create(Map<String, String> env) {
        Sandbox sandbox = provider.create(new SandboxSpec("environment-test", "python", SandboxLimits.defaults(),
                env));
        created.add(sandbox);
        return sandbox;
    }

    private static List<String> run(Sandbox sandbox, String command) {
        ExecResult result = sandbox.exec(command, TIMEOUT, line -> { });
        assertThat(result.timedOut()).isFalse();
        return result.lastLines();
    }

    /** Starts {@code command} as the app and returns its output once it printed {@code end}. */
    private static List<String> runAsApp(Sandbox sandbox, String command) {
        sandbox.start(command + "; echo end; sleep 3600", PORT);
        await().atMost(TIMEOUT).until(() -> sandbox.logs(1).equals(List.of("end")));
        List<String> logs = sandbox.logs(Integer.MAX_VALUE);
        return logs.subList(0, logs.size() - 1);
    }

    private void destroyAndAssertNothingLeft(Sandbox sandbox) throws IOException {
        Set<Long> pids = leftovers.pids(sandbox.id());
        sandbox.destroy();
        leftovers.assertNoneOf(sandbox.id(), pids, provider);
    }

    private static Set<String> names(List<String> env) {
        Set<String> names = new HashSet<>();
        env.forEach(l -> names.add(l.substring(0, l.indexOf('='))));
        return names;
    }

    @Test
    void theEnvironmentHoldsOnlyWhatTheAppNeeds() throws IOException {
        Sandbox sandbox = create(Map.of("GREETING", "hello"));

        Set<String> command = names(run(sandbox, "env"));
        Set<String> app = names(runAsApp(sandbox, "env"));

        // commands (installs) also get their package manager's settings, never anything of the host
        command.removeIf(name -> name.startsWith("npm_config_") || name.startsWith("PIP_"));
        assertThat(command).containsExactlyInAnyOrder("PATH", "HOME", "GREETING", "PWD");
        // the app also gets the node preload that opens its own socket for the gateway (DirectSocket)
        assertThat(app).containsExactlyInAnyOrder("PATH", "HOME", "GREETING", "PORT", "PWD", "NODE_OPTIONS",
                "SPAWNAI_APP_SOCKET");
        assertThat(run(sandbox, "echo $PATH $HOME $GREETING")).containsExactly(
                "/usr/local/bin:/usr/bin:/bin /home/user hello");
        Set<String> host = new HashSet<>(System.getenv().keySet());
        host.removeAll(Set.of("PATH", "HOME", "PWD"));
        assertThat(app).doesNotContainAnyElementsOf(host);
        destroyAndAssertNothingLeft(sandbox);
    }

    @Test
    void noUnixSocketOfTheHostIsVisible() throws IOException {
        Sandbox sandbox = create(Map.of());

        List<String> command = run(sandbox, "find / -type s -not -path '/proc/*' 2>/dev/null; for d in "
                + String.join(" ", HOST_SOCKET_DIRS) + "; do test -e $d && echo \"visible $d\"; done; true");
        List<String> app = runAsApp(sandbox, "while [ ! -S /run/sbx/app.sock ]; do sleep 0.05; done;"
                + " find / -type s -not -path '/proc/*' 2>/dev/null");

        assertThat(command).isEmpty();
        assertThat(app).containsExactly("/run/sbx/app.sock");
        destroyAndAssertNothingLeft(sandbox);
    }

    @Test
    void noAppSeesTheHostsPathsItsSandboxIdOrTheDisksActivity() throws IOException {
        // found in the attack pass: mountinfo showed host paths and sandbox ids, diskstats another app's writes
        Sandbox sandbox = create(Map.of());
        String dataDir = DATA_DIR.toString();

        List<String> mounts = runAsApp(sandbox, "cat /proc/self/mountinfo");
        List<String> disks = runAsApp(sandbox, "cat /proc/diskstats /proc/partitions");

        assertThat(mounts).anyMatch(l -> l.contains(" /home/user/app ")).anyMatch(l -> l.contains(" /run/sbx "))
                .noneMatch(l -> l.contains(sandbox.id()));
        // what still names the data directory: the read-only binds of the shared tools and /etc files (documented)
        assertThat(mounts.stream().filter(l -> l.contains(dataDir)))
                .allMatch(l -> l.contains(" /opt/spawnai ro,") || l.contains(" /etc/") || l.contains(" /proc/"));
        assertThat(disks).isEmpty();
        destroyAndAssertNothingLeft(sandbox);
    }

    @Test
    void devIsReadOnlyButItsDevicesWorkAndSharedMemoryIsBounded() throws IOException {
        Sandbox sandbox = create(Map.of());

        List<String> seen = run(sandbox, "touch /dev/evil; echo x > /dev/null && echo null-ok;"
                + " head -c 4 /dev/urandom | wc -c; echo x > /dev/shm/f && echo shm-ok;"
                + " df -k /dev/shm | tail -1 | tr -s ' ' | cut -d' ' -f2");

        assertThat(seen).containsExactly("touch: cannot touch '/dev/evil': Read-only file system", "null-ok", "4",
                "shm-ok", Long.toString(SandboxLimits.defaults().disk().toKilobytes()));
        destroyAndAssertNothingLeft(sandbox);
    }

    @Test
    void abstractUnixSocketsOfTheHostAreUnreachable() throws IOException, InterruptedException {
        String name = "spawnai-it-" + Long.toHexString(System.nanoTime());
        Process listener = new ProcessBuilder("python3", "-c", "import socket, time\n"
                + "s = socket.socket(socket.AF_UNIX)\ns.bind('\\0" + name + "')\ns.listen()\nprint('ready', flush=True)\n"
                + "time.sleep(120)").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(listener.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("ready");
            assertThat(hostConnects(name)).isTrue();
            Sandbox sandbox = create(Map.of());

            List<String> seen = run(sandbox, "python3 -c \"import socket\ns = socket.socket(socket.AF_UNIX)\n"
                    + "try:\n  s.connect('\\0" + name + "'); print('reached')\n"
                    + "except OSError as e: print('blocked', e.strerror)\"");

            assertThat(seen).containsExactly("blocked Connection refused");
            destroyAndAssertNothingLeft(sandbox);
        } finally {
            listener.destroyForcibly().waitFor();
        }
    }

    private static boolean hostConnects(String abstractName) throws IOException, InterruptedException {
        Process probe = new ProcessBuilder("python3", "-c", "import socket\ns = socket.socket(socket.AF_UNIX)\n"
                + "s.connect('\\0" + abstractName + "')").start();
        return probe.waitFor() == 0;
    }

    @Test
    void theAppCannotReachLoopbackServicesOfTheHost() throws IOException {
        Sandbox sandbox = create(Map.of());
        sandbox.writeFiles(Map.of("probe.py", """
                import socket
                for port in (5432, 6379, 3306, 8080, 8081):
                    try:
                        socket.create_connection(('127.0.0.1', port), 2).close(); print('reached', port)
                    except OSError as e:
                        print('blocked', port, e.strerror)
                for path in ('/run/postgresql/.s.PGSQL.5432', '/var/run/postgresql/.s.PGSQL.5432',
                             '/run/mysqld/mysqld.sock', '/var/run/redis/redis.sock'):
                    s = socket.socket(socket.AF_UNIX)
                    try:
                        s.connect(path); print('reached', path)
                    except OSError as e:
                        print('blocked', path, e.strerror)
                """));

        List<String> seen = runAsApp(sandbox, "python3 probe.py");

        assertThat(seen).contains("blocked 5432 Connection refused", "blocked 6379 Connection refused",
                "blocked /run/postgresql/.s.PGSQL.5432 No such file or directory")
                .noneMatch(l -> l.startsWith("reached"));
        destroyAndAssertNothingLeft(sandbox);
    }

    @Test
    void aSandboxCannotReadAnotherSandboxesWorkspace() throws IOException {
        Sandbox victim = create(Map.of());
        victim.writeFiles(Map.of("secret.txt", "victim-secret-42"));
        victim.start("sleep 3600", PORT);
        Path victimWorkspace = DATA_DIR.resolve("sandboxes").resolve(victim.id()).resolve("workspace");
        Sandbox attacker = create(Map.of());

        List<String> seen = run(attacker, "cat " + victimWorkspace + "/secret.txt; ls " + DATA_DIR
                + "; cat /proc/*/root/home/user/app/secret.txt; grep -rs victim-secret / --exclude-dir=proc"
                + " --exclude-dir=sys; echo done");

        assertThat(String.join("\n", seen)).doesNotContain("victim-secret-42").contains("No such file");
        assertThat(seen).endsWith("done");
        assertThat(Files.readString(victimWorkspace.resolve("secret.txt"))).isEqualTo("victim-secret-42");
        destroyAndAssertNothingLeft(attacker);
        destroyAndAssertNothingLeft(victim);
    }

    @Test
    void theAppSeesOnlyItsOwnProcesses() throws IOException {
        Sandbox sandbox = create(Map.of());

        List<String> seen = runAsApp(sandbox, "for p in /proc/[0-9]*; do tr '\\0' ' ' < $p/cmdline; echo; done");

        assertThat(String.join("\n", seen)).doesNotContain("java", "postgres", "redis", "surefire", "failsafe")
                .contains("socat", "sleep");
        assertThat(seen.size()).isLessThanOrEqualTo(6);
        destroyAndAssertNothingLeft(sandbox);
    }
}
