package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxUsage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The per-sandbox cgroups that hold a sandbox's processes and enforce its memory, pids and cpu limits, named
 * {@code spawnai/<sandboxId>} (one parent {@code spawnai} per hierarchy, so leftovers are easy to find).
 * Two strategies: {@link CgroupsV1} (one hierarchy per controller) and {@link CgroupsV2} (one unified hierarchy).
 * Implementations are thread-safe; failures throw {@link java.io.UncheckedIOException}.
 */
interface Cgroups {

    /** Default name of the parent cgroup under each hierarchy. */
    String PARENT = "spawnai";

    /** {@link #detect(Path, String)} with the default parent name. */
    static Cgroups detect(Path root) {
        return detect(root, PARENT);
    }

    /**
     * Picks the strategy for the cgroup file system mounted at {@code root} (normally {@code /sys/fs/cgroup}):
     * v2 when it is a unified hierarchy with the memory controller, v1 when the memory and pids controllers are
     * mounted as v1 hierarchies (also on hybrid hosts whose v2 hierarchy carries no controllers).
     *
     * @param parent name of the parent cgroup that holds this instance's sandboxes
     * @throws IllegalStateException when neither is usable
     */
    static Cgroups detect(Path root, String parent) {
        if (Files.isRegularFile(root.resolve("cgroup.controllers"))) {
            return new CgroupsV2(root, parent);
        }
        if (Files.isRegularFile(root.resolve("memory/memory.limit_in_bytes"))
                && Files.isDirectory(root.resolve("pids"))) {
            return new CgroupsV1(root, parent);
        }
        throw new IllegalStateException("no usable cgroup hierarchy at " + root
                + ": mount cgroup v2 there, or cgroup v1 with the memory, pids, cpu and cpuacct controllers");
    }

    /** For messages: the version and where it lives. */
    String describe();

    /** Creates the parent cgroups (and on v2 enables the controllers for their children). Idempotent. */
    void prepare();

    /** Creates the sandbox's cgroups and writes its limits; removes what it created when a write fails. */
    void create(String sandboxId, SandboxLimits limits);

    /**
     * Changes the cpu quota of the sandbox's cgroups ({@code cpuMillis} thousandths of a core; 0: unlimited).
     *
     * @throws UnsupportedOperationException when this strategy cannot (test doubles)
     */
    default void cpuQuota(String sandboxId, int cpuMillis) {
        throw new UnsupportedOperationException("changing the cpu quota is not supported by " + describe());
    }

    /** The {@code cgroup.procs} files a process writes its pid to in order to enter the sandbox's cgroups. */
    List<Path> procsFiles(String sandboxId);

    /** Pids of every process in the sandbox's cgroups; empty when there are none or the cgroups are gone. */
    Set<Long> pids(String sandboxId);

    /** Sends SIGKILL to every process in the sandbox's cgroups (callers loop until {@link #pids} is empty). */
    void kill(String sandboxId);

    /** Removes the sandbox's cgroups; {@code true} when none is left (also when there were none). */
    boolean remove(String sandboxId);

    /** Names of the sandbox cgroups that exist under the parents. */
    Set<String> list();

    /** Cpu time and memory use so far; {@link SandboxUsage#NONE} when the cgroups are gone. */
    SandboxUsage usage(String sandboxId);

    /** How often its memory and pids limits were hit so far; {@link LimitCounters#NONE} when the cgroups are gone. */
    LimitCounters counters(String sandboxId);

    /** Whether sandboxes can be frozen: cgroup v2, or cgroup v1 with the {@code freezer} hierarchy mounted. */
    default boolean canFreeze() {
        return false;
    }

    /**
     * Asks the kernel to freeze ({@code true}) or thaw every process of the sandbox; freezing completes
     * asynchronously ({@link #freezerState}). Processes that enter the cgroup while it is frozen freeze at once.
     *
     * @throws java.io.UncheckedIOException when the cgroup is gone or cannot freeze
     * @throws UnsupportedOperationException when sandboxes cannot be frozen here
     */
    default void freeze(String sandboxId, boolean frozen) {
        throw new UnsupportedOperationException("no cgroup freezer");
    }

    /** The sandbox's freezer state; {@link FreezerState#THAWED} when it cannot freeze or its cgroup is gone. */
    default FreezerState freezerState(String sandboxId) {
        return FreezerState.THAWED;
    }

    /** The kernel's view of a sandbox's freezer. */
    enum FreezerState {
        /** Its processes run. */
        THAWED,
        /** Freezing was asked for, some processes still run. */
        FREEZING,
        /** Every process is frozen. */
        FROZEN
    }
}
