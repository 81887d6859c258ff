package ai.spawn.sandbox;

/**
 * Resource usage of a sandbox from the provider's accounting.
 *
 * @param cpuMillis        cpu time used, in milliseconds
 * @param memoryBytes      current memory use
 * @param peakMemoryBytes  peak memory use
 */
public record SandboxUsage(long cpuMillis, long memoryBytes, long peakMemoryBytes) {

    public static final SandboxUsage NONE = new SandboxUsage(0, 0, 0);
}
