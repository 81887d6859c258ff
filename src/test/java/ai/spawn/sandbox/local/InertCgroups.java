package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxUsage;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A {@link Cgroups} that does nothing and reports nothing, for unit tests to extend with the one or two methods they
 * exercise. Thread-safe (stateless).
 */
class InertCgroups implements Cgroups {

    @Override
    public String describe() {
        return "inert";
    }

    @Override
    public void prepare() {
    }

    @Override
    public void create(String sandboxId, SandboxLimits limits) {
    }

    @Override
    public List<Path> procsFiles(String sandboxId) {
        return List.of();
    }

    @Override
    public Set<Long> pids(String sandboxId) {
        return Set.of();
    }

    @Override
    public void kill(String sandboxId) {
    }

    @Override
    public boolean remove(String sandboxId) {
        return true;
    }

    @Override
    public Set<String> list() {
        return Set.of();
    }

    @Override
    public SandboxUsage usage(String sandboxId) {
        return SandboxUsage.NONE;
    }

    @Override
    public LimitCounters counters(String sandboxId) {
        return LimitCounters.NONE;
    }
}
