package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxUsage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * cgroup v2: one unified hierarchy, the sandbox in {@code spawnai/<id>} with {@code memory.max}, {@code pids.max}
 * and {@code cpu.max}. Thread-safe.
 */
final class CgroupsV2 implements Cgroups {

    private static final long CPU_PERIOD_MICROS = 100_000;
    private static final List<String> CONTROLLERS = List.of("memory", "pids", "cpu");

    private final Path root;
    private final Path parent;

    CgroupsV2(Path root) {
        this(root, PARENT);
    }

    CgroupsV2(Path root, String parentName) {
        this.root = root;
        this.parent = root.resolve(parentName);
    }

    @Override
    public String describe() {
        return "cgroup v2 at " + root;
    }

    @Override
    public void prepare() {
        enableControllers(root);
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create cgroup " + parent, e);
        }
        enableControllers(parent);
    }

    @Override
    public void create(String sandboxId, SandboxLimits limits) {
        Path dir = dir(sandboxId);
        CgroupFs.mkdir(dir);
        try {
            CgroupFs.write(dir.resolve("memory.max"), Long.toString(limits.memory().toBytes()));
            if (Files.exists(dir.resolve("memory.swap.max"))) {
                CgroupFs.write(dir.resolve("memory.swap.max"), "0");
            }
            CgroupFs.write(dir.resolve("pids.max"), Integer.toString(limits.pids()));
            long quota = CgroupsV1.quotaMicros(limits.cpuMillis());
            CgroupFs.write(dir.resolve("cpu.max"), (quota < 0 ? "max" : quota) + " " + CPU_PERIOD_MICROS);
        } catch (UncheckedIOException e) {
            CgroupFs.rmdir(dir);
            throw e;
        }
    }

    @Override
    public void cpuQuota(String sandboxId, int cpuMillis) {
        long quota = CgroupsV1.quotaMicros(cpuMillis);
        CgroupFs.write(dir(sandboxId).resolve("cpu.max"), (quota < 0 ? "max" : quota) + " " + CPU_PERIOD_MICROS);
    }

    @Override
    public List<Path> procsFiles(String sandboxId) {
        return List.of(dir(sandboxId).resolve("cgroup.procs"));
    }

    @Override
    public Set<Long> pids(String sandboxId) {
        return CgroupFs.readPids(dir(sandboxId).resolve("cgroup.procs"));
    }

    @Override
    public void kill(String sandboxId) {
        CgroupFs.killAll(pids(sandboxId));
    }

    @Override
    public boolean remove(String sandboxId) {
        return CgroupFs.rmdir(dir(sandboxId));
    }

    @Override
    public Set<String> list() {
        return CgroupFs.children(parent);
    }

    @Override
    public SandboxUsage usage(String sandboxId) {
        Path dir = dir(sandboxId);
        long cpuMicros = CgroupFs.readKey(dir.resolve("cpu.stat"), "usage_usec", 0);
        long current = CgroupFs.readLong(dir.resolve("memory.current"), 0);
        long peak = CgroupFs.readLong(dir.resolve("memory.peak"), current);
        return new SandboxUsage(cpuMicros / 1000, current, peak);
    }

    @Override
    public LimitCounters counters(String sandboxId) {
        Path dir = dir(sandboxId);
        return new LimitCounters(CgroupFs.readKey(dir.resolve("memory.events"), "oom_kill", 0),
                CgroupFs.readKey(dir.resolve("pids.events"), "max", 0));
    }

    @Override
    public boolean canFreeze() {
        return true;
    }

    @Override
    public void freeze(String sandboxId, boolean frozen) {
        CgroupFs.write(dir(sandboxId).resolve("cgroup.freeze"), frozen ? "1" : "0");
    }

    @Override
    public FreezerState freezerState(String sandboxId) {
        Path dir = dir(sandboxId);
        if (CgroupFs.readLong(dir.resolve("cgroup.freeze"), 0) == 0) {
            return FreezerState.THAWED;
        }
        return CgroupFs.readKey(dir.resolve("cgroup.events"), "frozen", 0) == 1
                ? FreezerState.FROZEN : FreezerState.FREEZING;
    }

    private Path dir(String sandboxId) {
        return parent.resolve(sandboxId);
    }

    private static void enableControllers(Path cgroup) {
        Path control = cgroup.resolve("cgroup.subtree_control");
        try {
            String enabled = Files.exists(control) ? Files.readString(control, StandardCharsets.US_ASCII) : "";
            List<String> missing = CONTROLLERS.stream()
                    .filter(c -> !List.of(enabled.trim().split("\\s+")).contains(c))
                    .map(c -> "+" + c)
                    .toList();
            if (!missing.isEmpty()) {
                CgroupFs.write(control, String.join(" ", missing));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot enable " + CONTROLLERS + " in " + control, e);
        }
    }
}
