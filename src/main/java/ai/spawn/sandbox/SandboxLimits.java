package ai.spawn.sandbox;

import org.springframework.util.unit.DataSize;

/**
 * Resource limits of one sandbox.
 *
 * @param memory    memory limit (RAM; the process is OOM-killed beyond it)
 * @param pids      maximum number of processes and threads
 * @param cpuMillis cpu quota in thousandths of a core (500 = half a core)
 * @param disk      workspace size
 * @param openFiles maximum number of open files per process (soft and hard {@code RLIMIT_NOFILE})
 */
public record SandboxLimits(DataSize memory, int pids, int cpuMillis, DataSize disk, int openFiles) {

    /** Open files per process unless a caller asks for another number. */
    public static final int DEFAULT_OPEN_FILES = 1024;

    public SandboxLimits {
        if (openFiles < 16) {
            throw new IllegalArgumentException("openFiles must be at least 16: " + openFiles);
        }
    }

    /** Limits with {@value #DEFAULT_OPEN_FILES} open files per process. */
    public SandboxLimits(DataSize memory, int pids, int cpuMillis, DataSize disk) {
        this(memory, pids, cpuMillis, disk, DEFAULT_OPEN_FILES);
    }

    /** The defaults: 256 MiB, 128 pids, half a core, 512 MiB of workspace, 1024 open files. */
    public static SandboxLimits defaults() {
        return new SandboxLimits(DataSize.ofMegabytes(256), 128, 500, DataSize.ofMegabytes(512));
    }
}
