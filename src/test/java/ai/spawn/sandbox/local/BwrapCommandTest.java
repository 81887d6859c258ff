package ai.spawn.sandbox.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BwrapCommandTest {

    private static final HostTools TOOLS = new HostTools(Path.of("/bin/sh"), Path.of("/usr/bin/setpriv"),
            Path.of("/usr/bin/bwrap"), Path.of("/usr/bin/socat"), Path.of("/usr/bin/tar"), Path.of("/bin/mount"),
            Path.of("/bin/umount"), Path.of("/sbin/mkfs.ext4"));
    private static final Path DATA = Path.of("target", "bwrap-command-test").toAbsolutePath();

    private static BwrapCommand bwrap;
    private static BwrapCommand.Target target;

    @BeforeAll
    static void prepare() {
        SandboxLayout layout = SandboxLayout.prepare(DATA, 10001);
        bwrap = new BwrapCommand(TOOLS, 10001, layout);
        target = new BwrapCommand.Target(layout.dirs("sbx-abcdefghij"),
                List.of(Path.of("/cg/memory/spawnai/sbx-abcdefghij/cgroup.procs"),
                        Path.of("/cg/pids/spawnai/sbx-abcdefghij/cgroup.procs")), 1 << 20);
    }

    @Test
    void entersTheCgroupsThenDropsPrivilegesThenSandboxes() {
        List<String> argv = bwrap.argv(target, false, Map.of(), List.of("/bin/sh", "-c", "true"));

        assertThat(argv.subList(0, 2)).containsExactly("/bin/sh", "-c");
        int setpriv = argv.indexOf("/usr/bin/setpriv");
        int bwrapAt = argv.indexOf("/usr/bin/bwrap");
        assertThat(argv.subList(4, 6)).containsExactly("1024", DATA.resolve("seccomp.bpf").toString());
        assertThat(argv.subList(6, setpriv)).containsExactly("/cg/memory/spawnai/sbx-abcdefghij/cgroup.procs",
                "/cg/pids/spawnai/sbx-abcdefghij/cgroup.procs", "--");
        assertThat(argv.subList(setpriv, bwrapAt)).containsExactly("/usr/bin/setpriv", "--reuid=10001",
                "--regid=10001", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs");
        assertThat(argv.subList(bwrapAt, argv.size())).contains("--unshare-user", "--disable-userns",
                "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--die-with-parent",
                "--new-session", "--clearenv");
        assertThat(Collections.indexOfSubList(argv, List.of("--seccomp", "3"))).isPositive();
        assertThat(argv.subList(argv.size() - 4, argv.size())).containsExactly("--", "/bin/sh", "-c", "true");
    }

    @Test
    void bindsTheSystemReadOnlyAndTheWorkspaceWritable() {
        List<String> argv = bwrap.argv(target, false, Map.of(), List.of("true"));

        assertThat(Collections.indexOfSubList(argv, List.of("--ro-bind", "/usr", "/usr"))).isPositive();
        assertThat(Collections.indexOfSubList(argv, List.of("--ro-bind", DATA.resolve("tools").toString(),
                "/opt/spawnai"))).isPositive();
        assertThat(Collections.indexOfSubList(argv, List.of("--bind",
                DATA.resolve("sandboxes/sbx-abcdefghij/workspace").toString(), "/home/user/app"))).isPositive();
        assertThat(Collections.indexOfSubList(argv, List.of("--proc", "/proc", "--dev", "/dev"))).isPositive();
        assertThat(Collections.indexOfSubList(argv, List.of("--size", "1048576", "--tmpfs", "/tmp"))).isPositive();
        assertThat(argv.indexOf("--remount-ro")).isGreaterThan(argv.lastIndexOf("--tmpfs"));
        assertThat(Collections.indexOfSubList(argv, List.of("--remount-ro", "/dev"))).isGreaterThan(
                argv.lastIndexOf("--tmpfs"));
        assertThat(argv).doesNotContain("/run/sbx");
    }

    @Test
    void limitsOpenFilesAndLoadsTheSeccompFilterFromTheFileItWrote() throws java.io.IOException {
        BwrapCommand.Target limited = new BwrapCommand.Target(target.dirs(), target.cgroupProcs(), 1 << 20, 64);

        List<String> argv = bwrap.argv(limited, false, Map.of(), List.of("true"));

        assertThat(argv.get(2)).contains("ulimit -n \"$1\"", "ulimit -c 0", "3< \"$filter\"");
        assertThat(argv.subList(3, 6)).containsExactly("spawnai-enter", "64", DATA.resolve("seccomp.bpf").toString());
        assertThat(java.nio.file.Files.readAllBytes(DATA.resolve("seccomp.bpf")))
                .isEqualTo(SeccompFilter.standard().bytes());
        assertThat(Collections.indexOfSubList(argv, List.of("--size", "1048576", "--tmpfs", "/dev/shm")))
                .isGreaterThan(argv.indexOf("--dev"));
    }

    @Test
    void onlyTheAppGetsTheRunDirectory() {
        List<String> argv = bwrap.argv(target, true, Map.of(), List.of("true"));

        assertThat(Collections.indexOfSubList(argv, List.of("--bind",
                DATA.resolve("sandboxes/sbx-abcdefghij/run").toString(), "/run/sbx"))).isPositive();
    }

    @Test
    void setsOnlyPathHomeAndTheGivenVariables() {
        List<String> argv = bwrap.argv(target, false, Map.of("PORT", "3000"), List.of("true"));

        int clear = argv.indexOf("--clearenv");
        assertThat(argv.subList(clear, argv.lastIndexOf("--"))).containsExactly("--clearenv",
                "--setenv", "PATH", BwrapCommand.PATH, "--setenv", "HOME", "/home/user", "--setenv", "PORT", "3000");
    }

    @Test
    void rejectsInvalidVariableNames() {
        assertThatThrownBy(() -> bwrap.argv(target, false, Map.of("A=B", "x"), List.of("true")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bwrap.argv(target, false, Map.of("--bind", "x"), List.of("true")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extraMountsComeAfterTheStandardOnesAndBeforeTheRootTurnsReadOnly() {
        List<String> argv = bwrap.argv(target, false, List.of("--ro-bind", "/data/t", "/opt/template"), Map.of(),
                List.of("true"));

        int mount = Collections.indexOfSubList(argv, List.of("--ro-bind", "/data/t", "/opt/template"));
        assertThat(mount).isGreaterThan(argv.indexOf("/home/user/app"));
        assertThat(mount).isLessThan(argv.indexOf("--remount-ro"));
    }
}
