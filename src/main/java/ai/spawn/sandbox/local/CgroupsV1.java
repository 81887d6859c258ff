package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxUsage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * cgroup v1: one hierarchy per controller ({@code memory}, {@code pids}, {@code cpu}, {@code cpuacct} under the
 * root), the sandbox in {@code <controller>/spawnai/<id>} of each. Controllers mounted together (for example
 * {@code cpu,cpuacct}) share one directory. Thread-safe (stateless besides the paths).
 */
final class CgroupsV1 implements Cgroups {

    private static final long CPU_PERIOD_MICROS = 100_000;

    private final Path root;
    private final Path memory;
    private final Path pids;
    private final Path cpu;
    private final Path cpuacct;
    /** The freezer hierarchy's parent, {@code null} when that hierarchy is not mounted. */
    private final Path freezer;
    private final List<Path> parents;

    CgroupsV1(Path root) {
        this(root, PARENT);
    }

    CgroupsV1(Path root, String parentName) {
        this.root = root;
        this.memory = root.resolve("memory").resolve(parentName);
        this.pids = root.resolve("pids").resolve(parentName);
        this.cpu = root.resolve("cpu").resolve(parentName);
        this.cpuacct = root.resolve("cpuacct").resolve(parentName);
        this.freezer = Files.isDirectory(root.resolve("freezer")) ? root.resolve("freezer").resolve(parentName) : null;
        Map<Path, Path> distinct = new LinkedHashMap<>();
        for (Path parent : List.of(memory, pids, cpu, cpuacct)) {
            distinct.putIfAbsent(realParent(parent), parent);
        }
        if (freezer != null) {
            distinct.putIfAbsent(realParent(freezer), freezer);
        }
        this.parents = List.copyOf(distinct.values());
    }

    @Override
    public String describe() {
        return "cgroup v1 at " + root + " (memory, pids, cpu, cpuacct" + (freezer == null ? ")" : ", freezer)");
    }

    @Override
    public void prepare() {
        for (Path parent : parents) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create cgroup " + parent, e);
            }
        }
    }

    @Override
    public void create(String sandboxId, SandboxLimits limits) {
        List<Path> created = new ArrayList<>();
        try {
            for (Path dir : dirs(sandboxId)) {
                CgroupFs.mkdir(dir);
                created.add(dir);
            }
            Path mem = memory.resolve(sandboxId);
            String bytes = Long.toString(limits.memory().toBytes());
            CgroupFs.write(mem.resolve("memory.limit_in_bytes"), bytes);
            if (Files.exists(mem.resolve("memory.memsw.limit_in_bytes"))) {
                CgroupFs.write(mem.resolve("memory.memsw.limit_in_bytes"), bytes); // no swapping past the limit
            }
            CgroupFs.write(pids.resolve(sandboxId).resolve("pids.max"), Integer.toString(limits.pids()));
            Path cpuDir = cpu.resolve(sandboxId);
            CgroupFs.write(cpuDir.resolve("cpu.cfs_period_us"), Long.toString(CPU_PERIOD_MICROS));
            CgroupFs.write(cpuDir.resolve("cpu.cfs_quota_us"), Long.toString(quotaMicros(limits.cpuMillis())));
        } catch (UncheckedIOException e) {
            created.forEach(CgroupFs::rmdir);
            throw e;
        }
    }

    @Override
    public void cpuQuota(String sandboxId, int cpuMillis) {
        CgroupFs.write(cpu.resolve(sandboxId).resolve("cpu.cfs_quota_us"), Long.toString(quotaMicros(cpuMillis)));
    }

    @Override
    public List<Path> procsFiles(String sandboxId) {
        return dirs(sandboxId).stream().map(d -> d.resolve("cgroup.procs")).toList();
    }

    @Override
    public Set<Long> pids(String sandboxId) {
        Set<Long> all = new HashSet<>();
        procsFiles(sandboxId).forEach(f -> all.addAll(CgroupFs.readPids(f)));
        return all;
    }

    @Override
    public void kill(String sandboxId) {
        CgroupFs.killAll(pids(sandboxId));
    }

    @Override
    public boolean remove(String sandboxId) {
        boolean gone = true;
        for (Path dir : dirs(sandboxId)) {
            gone &= CgroupFs.rmdir(dir);
        }
        return gone;
    }

    @Override
    public Set<String> list() {
        Set<String> ids = new HashSet<>();
        parents.forEach(p -> ids.addAll(CgroupFs.children(p)));
        return ids;
    }

    @Override
    public SandboxUsage usage(String sandboxId) {
        Path mem = memory.resolve(sandboxId);
        long cpuNanos = CgroupFs.readLong(cpuacct.resolve(sandboxId).resolve("cpuacct.usage"), 0);
        long current = CgroupFs.readLong(mem.resolve("memory.usage_in_bytes"), 0);
        long peak = CgroupFs.readLong(mem.resolve("memory.max_usage_in_bytes"), current);
        return new SandboxUsage(cpuNanos / 1_000_000, current, peak);
    }

    @Override
    public LimitCounters counters(String sandboxId) {
        return new LimitCounters(
                CgroupFs.readKey(memory.resolve(sandboxId).resolve("memory.oom_control"), "oom_kill", 0),
                CgroupFs.readKey(pids.resolve(sandboxId).resolve("pids.events"), "max", 0));
    }

    @Override
    public boolean canFreeze() {
        return freezer != null;
    }

    @Override
    public void freeze(String sandboxId, boolean frozen) {
        if (freezer == null) {
            throw new UnsupportedOperationException("the cgroup v1 freezer hierarchy is not mounted");
        }
        CgroupFs.write(freezer.resolve(sandboxId).resolve("freezer.state"), frozen ? "FROZEN" : "THAWED");
    }

    @Override
    public FreezerState freezerState(String sandboxId) {
        if (freezer == null) {
            return FreezerState.THAWED;
        }
        String state = CgroupFs.readWord(freezer.resolve(sandboxId).resolve("freezer.state"), "THAWED");
        return switch (state) {
            case "FROZEN" -> FreezerState.FROZEN;
            case "FREEZING" -> FreezerState.FREEZING;
            default -> FreezerState.THAWED;
        };
    }

    static long quotaMicros(int cpuMillis) {
        return cpuMillis <= 0 ? -1 : Math.max(1000, cpuMillis * CPU_PERIOD_MICROS / 1000);
    }

    /** The sandbox's directory in each distinct hierarchy (co-mounted controllers resolve to one directory). */
    private List<Path> dirs(String sandboxId) {
        return parents.stream().map(p -> p.resolve(sandboxId)).toList();
    }

    private static Path realParent(Path parent) {
        try {
            return parent.getParent().toRealPath().resolve(parent.getFileName());
        } catch (IOException e) {
            return parent.toAbsolutePath();
        }
    }
}
