package ai.spawn.sandbox.local;

import ai.spawn.sandbox.ExecResult;
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
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The seccomp filter and the resource limits of the launch chain on real bubblewrap: a Python program calls each
 * refused system call through {@code ctypes} and prints the errno it got; ordinary programs (node, python, shell)
 * still do everything a web app does. Needs root, python3 and node.
 */
class SeccompIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Path DATA_DIR = Path.of("target", "seccomp-it").toAbsolutePath();

    /** Calls each system call with harmless arguments; a child that clone() should not have made exits at once. */
    private static final String PROBE = """
            import ctypes, errno, os
            libc = ctypes.CDLL(None, use_errno=True)
            def call(name, nr, *args):
                ctypes.set_errno(0)
                r = libc.syscall(ctypes.c_long(nr), *[ctypes.c_long(a) for a in args])
                if r == 0 and name.startswith('clone'):
                    os._exit(0)
                e = ctypes.get_errno()
                print(name, errno.errorcode.get(e, e) if r == -1 else 'ok', flush=True)
            for name, nr, args in [
                ('ptrace', 101, (16, 1, 0, 0)), ('mount', 165, (0, 0, 0, 0, 0)), ('umount2', 166, (0, 0)),
                ('pivot_root', 155, (0, 0)), ('setns', 308, (0, 0)), ('unshare_user', 272, (0x10000000,)),
                ('unshare_net', 272, (0x40000000,)), ('clone_newuser', 56, (0x10000000 | 17, 0, 0, 0, 0)),
                ('clone3', 435, (0, 0)), ('keyctl', 250, (0, -3, 0)), ('add_key', 248, (0, 0, 0, 0, 0)),
                ('request_key', 249, (0, 0, 0, 0)), ('bpf', 321, (0, 0, 0)), ('perf_event_open', 298, (0, 0, -1, -1, 0)),
                ('userfaultfd', 323, (0,)), ('io_uring_setup', 425, (1, 0)), ('io_uring_enter', 426, (0, 0, 0, 0, 0)),
                ('io_uring_register', 427, (0, 0, 0, 0)), ('kexec_load', 246, (0, 0, 0, 0)),
                ('kexec_file_load', 320, (0, 0, 0, 0, 0)), ('init_module', 175, (0, 0, 0)),
                ('finit_module', 313, (0, 0, 0)), ('delete_module', 176, (0, 0)), ('reboot', 169, (0, 0, 0, 0)),
                ('swapon', 167, (0, 0)), ('swapoff', 168, (0,)), ('syslog', 103, (3, 0, 0)),
                ('fsopen', 430, (0, 0)), ('open_tree', 428, (-100, 0, 0)), ('process_vm_readv', 310, (1, 0, 0, 0, 0, 0)),
                ('socket_netlink', 41, (16, 3, 0)), ('socket_packet', 41, (17, 3, 0)), ('socket_vsock', 41, (40, 1, 0)),
                ('socket_alg', 41, (38, 5, 0)), ('socketpair_inet', 53, (2, 1, 0, 0)),
                ('personality_no_aslr', 135, (0x0040000,)), ('unshare_files', 272, (0x400,)),
                ('personality_query', 135, (0xffffffff,))]:
                call(name, nr, *args)
            """;

    private static final String I386_GETPID = """
            int main(void) {
                int r;
                __asm__ volatile ("int $0x80" : "=a"(r) : "a"(20));
                return 0;
            }
            """;

    private static final RecordingSecurityEvents events = new RecordingSecurityEvents();
    private static BubblewrapSandboxProvider provider;
    private final List<Sandbox> created = new ArrayList<>();

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

    private Sandbox create(SandboxLimits limits) {
        Sandbox sandbox = provider.create(new SandboxSpec("seccomp-test", "python", limits, Map.of()));
        created.add(sandbox);
        return sandbox;
    }

    private static List<String> run(Sandbox sandbox, String command) {
        ExecResult result = sandbox.exec(command, TIMEOUT, line -> { });
        assertThat(result.timedOut()).as("timed out: %s", result.lastLines()).isFalse();
        return result.lastLines();
    }

    @Test
    void eachRefusedSystemCallFailsWithItsErrno() {
        Sandbox sandbox = create(SandboxLimits.defaults());
        sandbox.writeFiles(Map.of("probe.py", PROBE));

        List<String> seen = run(sandbox, "python3 probe.py");

        assertThat(seen).contains("ptrace EPERM", "mount EPERM", "umount2 EPERM", "pivot_root EPERM", "setns EPERM",
                "unshare_user EPERM", "unshare_net EPERM", "clone_newuser EPERM", "clone3 ENOSYS", "keyctl EPERM",
                "add_key EPERM", "request_key EPERM", "bpf EPERM", "perf_event_open EPERM", "userfaultfd EPERM",
                "io_uring_setup EPERM", "io_uring_enter EPERM", "io_uring_register EPERM", "kexec_load EPERM",
                "kexec_file_load EPERM", "init_module EPERM", "finit_module EPERM", "delete_module EPERM",
                "reboot EPERM", "swapon EPERM", "swapoff EPERM", "syslog EPERM", "fsopen EPERM", "open_tree EPERM",
                "process_vm_readv EPERM", "socket_netlink EAFNOSUPPORT", "socket_packet EAFNOSUPPORT",
                "socket_vsock EAFNOSUPPORT", "socket_alg EAFNOSUPPORT", "socketpair_inet EAFNOSUPPORT",
                "personality_no_aslr EPERM", "unshare_files ok", "personality_query ok");
    }

    @Test
    void theAppRunsUnderTheFilterToo() {
        Sandbox sandbox = create(SandboxLimits.defaults());

        sandbox.start("grep -E '^(Seccomp|NoNewPrivs):' /proc/self/status; sleep 60", 3000);

        await().atMost(TIMEOUT).until(() -> sandbox.logs(10).size() >= 2);
        assertThat(sandbox.logs(10)).containsExactly("NoNewPrivs:\t1", "Seccomp:\t2");
    }

    @Test
    void nodeAndPythonStillDoWhatWebAppsDo() {
        Sandbox sandbox = create(SandboxLimits.defaults());
        sandbox.writeFiles(Map.of("check.js", """
                const cp = require('child_process'), fs = require('fs'), http = require('http');
                const { Worker } = require('worker_threads');
                console.log('child', cp.execSync('echo hi').toString().trim());
                fs.writeFileSync('data.txt', 'saved');
                new Worker("require('worker_threads').parentPort.postMessage('ok')", { eval: true })
                  .on('message', m => console.log('worker', m));
                fs.promises.readFile('data.txt', 'utf8').then(t => console.log('read', t));
                const server = http.createServer((q, r) => r.end('pong')).listen(3000, () =>
                  http.get('http://127.0.0.1:3000/', res => res.on('data', d => {
                    console.log('http', d.toString()); server.close(); })));
                """, "check.py", """
                import subprocess, threading, multiprocessing, socket, sqlite3
                print('child', subprocess.run(['echo', 'hi'], capture_output=True, text=True).stdout.strip())
                t = threading.Thread(target=lambda: print('thread ok')); t.start(); t.join()
                with multiprocessing.Pool(2) as pool: print('pool', sum(pool.map(abs, [-1, -2])))
                a, b = socket.socketpair(); a.send(b'x'); print('socketpair', b.recv(1))
                db = sqlite3.connect('app.db'); db.execute('create table t(x)'); print('sqlite ok')
                """));

        List<String> node = run(sandbox, "node check.js 2>&1 | grep -v 'extra certs'");
        List<String> python = run(sandbox, "python3 check.py");
        List<String> shell = run(sandbox, "seq 3 | sort -r | head -1; (sleep 0.1 &) && echo subshell");

        assertThat(node).contains("child hi", "worker ok", "read saved", "http pong");
        assertThat(python).containsExactly("child hi", "thread ok", "pool 3", "socketpair b'x'", "sqlite ok");
        assertThat(shell).containsExactly("3", "subshell");
    }

    @Test
    void theFilterFileIsNotLeftOpenForTheSandbox() {
        Sandbox sandbox = create(SandboxLimits.defaults());

        List<String> fds = run(sandbox, "ls /proc/self/fd");

        assertThat(fds).containsExactly("0", "1", "2", "3"); // 3 is the directory ls reads
        assertThat(run(sandbox, "ls -l /proc/self/fd/")).noneMatch(l -> l.contains("seccomp"));
    }

    @Test
    void openFilesAreLimitedAndCoreDumpsOff() {
        Sandbox sandbox = create(new SandboxLimits(DataSize.ofMegabytes(256), 128, 500, DataSize.ofMegabytes(64),
                200));

        List<String> limits = run(sandbox, "ulimit -Sn; ulimit -Hn; ulimit -c; python3 -c \""
                + "import os\nfds = []\ntry:\n  while True: fds.append(os.open('/dev/null', os.O_RDONLY))\n"
                + "except OSError as e: print(len(fds), e.strerror)\"");

        assertThat(limits).containsExactly("200", "200", "0", "197 Too many open files");
    }

    @Test
    void aSystemCallOfAnotherArchitectureKillsTheProcessAndIsRecorded() throws IOException, InterruptedException {
        Sandbox sandbox = create(SandboxLimits.defaults());
        Path program = DATA_DIR.resolve("sandboxes").resolve(sandbox.id()).resolve("workspace").resolve("i386call");
        // getpid through the i386 entry point (int 0x80), which a filter checking only x86_64 numbers would miss
        Process gcc = new ProcessBuilder("gcc", "-x", "c", "-o", program.toString(), "-").start();
        try (var source = gcc.getOutputStream()) {
            source.write(I386_GETPID.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        assumeTrue(gcc.waitFor() == 0, "gcc compiles a test program on the host");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        AtomicReference<ProcessExit> exit = new AtomicReference<>();
        sandbox.onExit(exit::set);

        ExecResult command = sandbox.exec("./i386call", TIMEOUT, line -> { });
        sandbox.start("./i386call", 3000);

        assertThat(command.exitCode()).isEqualTo(159);
        ProcessExit ended = await().atMost(TIMEOUT).until(exit::get, e -> e != null);
        assertThat(ended.reason()).isEqualTo("killed");
        assertThat(ended.detail()).isEqualTo("The app was killed by SIGSYS. It made a system call the sandbox does"
                + " not allow.");
        await().atMost(TIMEOUT).until(() -> events.kinds("seccomp-test").stream()
                .filter(SecurityEvent.SECCOMP_DENIED::equals).count() == 2);
    }

    @Test
    void theDefaultOpenFilesLimitIs1024() {
        Sandbox sandbox = create(SandboxLimits.defaults());

        assertThat(run(sandbox, "ulimit -Hn")).containsExactly("1024");
    }
}
