package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both cgroup strategies against fake cgroup trees in a temporary directory. */
class CgroupsTest {

    private static final String ID = "sbx-abcdefghij";
    private static final SandboxLimits LIMITS =
            new SandboxLimits(DataSize.ofMegabytes(64), 32, 250, DataSize.ofMegabytes(100));

    @TempDir
    Path root;

    private Path v1() throws IOException {
        for (String controller : new String[] {"memory", "pids", "cpu", "cpuacct"}) {
            Files.createDirectories(root.resolve(controller));
        }
        Files.writeString(root.resolve("memory/memory.limit_in_bytes"), "9223372036854771712\n");
        return root;
    }

    private Path v2() throws IOException {
        Files.writeString(root.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");
        Files.writeString(root.resolve("cgroup.subtree_control"), "memory\n");
        return root;
    }

    private String read(String path) throws IOException {
        return Files.readString(root.resolve(path));
    }

    @Test
    void detectsTheVersion() throws IOException {
        assertThatThrownBy(() -> Cgroups.detect(root)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no usable cgroup hierarchy");
        assertThat(Cgroups.detect(v1())).isInstanceOf(CgroupsV1.class);
        assertThat(Cgroups.detect(v2())).isInstanceOf(CgroupsV2.class);
    }

    @Test
    void v1WritesTheLimitsIntoOneCgroupPerController() throws IOException {
        Cgroups cgroups = Cgroups.detect(v1());
        cgroups.prepare();

        cgroups.create(ID, LIMITS);

        assertThat(read("memory/spawnai/" + ID + "/memory.limit_in_bytes")).isEqualTo("67108864");
        assertThat(read("pids/spawnai/" + ID + "/pids.max")).isEqualTo("32");
        assertThat(read("cpu/spawnai/" + ID + "/cpu.cfs_period_us")).isEqualTo("100000");
        assertThat(read("cpu/spawnai/" + ID + "/cpu.cfs_quota_us")).isEqualTo("25000");
        assertThat(cgroups.procsFiles(ID)).containsExactly(
                root.resolve("memory/spawnai/" + ID + "/cgroup.procs"),
                root.resolve("pids/spawnai/" + ID + "/cgroup.procs"),
                root.resolve("cpu/spawnai/" + ID + "/cgroup.procs"),
                root.resolve("cpuacct/spawnai/" + ID + "/cgroup.procs"));
        assertThat(cgroups.list()).containsExactly(ID);
    }

    @Test
    void v1SharesTheDirectoryOfCoMountedControllers() throws IOException {
        for (String controller : new String[] {"memory", "pids", "cpu,cpuacct"}) {
            Files.createDirectories(root.resolve(controller));
        }
        Files.writeString(root.resolve("memory/memory.limit_in_bytes"), "0");
        Files.createSymbolicLink(root.resolve("cpu"), Path.of("cpu,cpuacct"));
        Files.createSymbolicLink(root.resolve("cpuacct"), Path.of("cpu,cpuacct"));
        Cgroups cgroups = Cgroups.detect(root);
        cgroups.prepare();

        cgroups.create(ID, LIMITS);

        assertThat(cgroups.procsFiles(ID)).hasSize(3);
        assertThat(read("cpu,cpuacct/spawnai/" + ID + "/cpu.cfs_quota_us")).isEqualTo("25000");
    }

    @Test
    void v1ReadsUsage() throws IOException {
        Cgroups cgroups = Cgroups.detect(v1());
        cgroups.prepare();
        cgroups.create(ID, LIMITS);
        Files.writeString(root.resolve("cpuacct/spawnai/" + ID + "/cpuacct.usage"), "2500000000\n");
        Files.writeString(root.resolve("memory/spawnai/" + ID + "/memory.usage_in_bytes"), "1000\n");
        Files.writeString(root.resolve("memory/spawnai/" + ID + "/memory.max_usage_in_bytes"), "5000\n");

        assertThat(cgroups.usage(ID)).isEqualTo(new SandboxUsage(2500, 1000, 5000));
        assertThat(cgroups.usage("sbx-zzzzzzzzzz")).isEqualTo(SandboxUsage.NONE);
    }

    @Test
    void v2EnablesControllersAndWritesTheLimitsIntoOneCgroup() throws IOException {
        Cgroups cgroups = Cgroups.detect(v2());

        cgroups.prepare();
        cgroups.create(ID, LIMITS);

        assertThat(read("cgroup.subtree_control")).isEqualTo("+pids +cpu");
        assertThat(read("spawnai/cgroup.subtree_control")).isEqualTo("+memory +pids +cpu");
        assertThat(read("spawnai/" + ID + "/memory.max")).isEqualTo("67108864");
        assertThat(read("spawnai/" + ID + "/pids.max")).isEqualTo("32");
        assertThat(read("spawnai/" + ID + "/cpu.max")).isEqualTo("25000 100000");
        assertThat(cgroups.procsFiles(ID)).containsExactly(root.resolve("spawnai/" + ID + "/cgroup.procs"));
        assertThat(cgroups.list()).containsExactly(ID);
    }

    @Test
    void v2LeavesCpuUnlimitedWithoutAQuota() throws IOException {
        Cgroups cgroups = Cgroups.detect(v2());
        cgroups.prepare();

        cgroups.create(ID, new SandboxLimits(DataSize.ofMegabytes(64), 32, 0, DataSize.ofMegabytes(1)));

        assertThat(read("spawnai/" + ID + "/cpu.max")).isEqualTo("max 100000");
    }

    @Test
    void v2ReadsUsage() throws IOException {
        Cgroups cgroups = Cgroups.detect(v2());
        cgroups.prepare();
        cgroups.create(ID, LIMITS);
        Files.writeString(root.resolve("spawnai/" + ID + "/cpu.stat"), "usage_usec 12345000\nuser_usec 1\n");
        Files.writeString(root.resolve("spawnai/" + ID + "/memory.current"), "2048\n");

        assertThat(cgroups.usage(ID)).isEqualTo(new SandboxUsage(12345, 2048, 2048));
    }

    @Test
    void listIgnoresDirectoriesThatAreNotSandboxes() throws IOException {
        Cgroups cgroups = Cgroups.detect(v2());
        cgroups.prepare();
        Files.createDirectories(root.resolve("spawnai/not-a-sandbox"));

        assertThat(cgroups.list()).isEmpty();
    }
}
