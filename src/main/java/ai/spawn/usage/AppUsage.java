package ai.spawn.usage;

/**
 * What one app has used: its sandbox's cgroup accounting plus the gateway's counters. The basis of cost metering.
 *
 * @param cpuSeconds         cpu time its sandbox used
 * @param memoryBytes        memory its sandbox uses now
 * @param peakMemoryBytes    the most memory its sandbox used at once
 * @param averageMemoryBytes its sandbox's memory averaged over time since it was first seen (sampled every
 *                           {@code spawnai.usage.sample-interval}); multiply by the app's lifetime for byte-seconds
 * @param bytesIn            bytes clients sent to it through the gateway
 * @param bytesOut           bytes it sent to clients through the gateway
 * @param requests           requests the gateway forwarded to it (WebSocket upgrades included)
 */
public record AppUsage(double cpuSeconds, long memoryBytes, long peakMemoryBytes, long averageMemoryBytes,
                       long bytesIn, long bytesOut, long requests) {

    /** Nothing used. */
    public static final AppUsage NONE = new AppUsage(0, 0, 0, 0, 0, 0, 0);
}
