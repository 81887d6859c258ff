package ai.spawn.sandbox;

import org.springframework.util.unit.DataSize;

/**
 * Resource limits of one sandbox.
 *
 * @param memory    memory limit (RAM; the process is OOM-killed beyond it)
 * @param pids      maximum number of processes and threads
 * @param cpuMillis cpu quota in thousandths of a core (500 = half a core)
 * @param disk      workspace size
 */
public record SandboxLimits(DataSize memory, int pids, int cpuMillis, DataSize disk) {

    /** The defaults: 256 MiB, 128 pids, half a core, 512 MiB of workspace. */
    public static SandboxLimits defaults() {
        return new SandboxLimits(DataSize.ofMegabytes(256), 128, 500, DataSize.ofMegabytes(512));
    }
}
