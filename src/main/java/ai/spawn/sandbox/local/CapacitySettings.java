package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxLimits;

import java.util.List;

/**
 * How many sandboxes the local provider holds, and which it keeps ready.
 *
 * @param poolSize      pre-created sandboxes per template (0: no pool)
 * @param poolTemplates templates that get a pool
 * @param poolLimits    the limits pooled sandboxes are made with; only a spec with exactly these gets one
 * @param maxLive       most sandboxes at once, pooled ones included
 * @param headroomBytes no sandbox is made while the host has less available memory than this
 */
record CapacitySettings(int poolSize, List<String> poolTemplates, SandboxLimits poolLimits, int maxLive,
                        long headroomBytes) {

    CapacitySettings {
        if (poolSize < 0 || maxLive < 1 || headroomBytes < 0) {
            throw new IllegalArgumentException("invalid capacity settings: pool " + poolSize + ", max " + maxLive
                    + ", headroom " + headroomBytes);
        }
        poolTemplates = List.copyOf(poolTemplates);
    }

    /** No pool, no limit: what tests and tools that open a provider by hand get. */
    static CapacitySettings unlimited() {
        return new CapacitySettings(0, List.of(), SandboxLimits.defaults(), Integer.MAX_VALUE, 0);
    }
}
