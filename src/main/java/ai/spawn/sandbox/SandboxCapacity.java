package ai.spawn.sandbox;

/**
 * How full a provider is, for admission control and metrics. Immutable. A provider that cannot tell returns
 * {@link #UNKNOWN} (all fields {@code -1}).
 *
 * @param live                  sandboxes handed out and not yet destroyed
 * @param pooled                pre-created sandboxes waiting in the warm pool (they count against {@code maxLive}:
 *                              a create evicts one of another template when it needs the room)
 * @param maxLive               most sandboxes ({@code live + pooled}) the provider holds at once
 *                              ({@code spawnai.sandbox.max-live})
 * @param memoryAvailableBytes  the host's available memory ({@code MemAvailable})
 * @param memoryHeadroomBytes   below this much available memory no sandbox is created
 *                              ({@code spawnai.sandbox.memory-headroom})
 */
public record SandboxCapacity(int live, int pooled, int maxLive, long memoryAvailableBytes,
                              long memoryHeadroomBytes) {

    /** A provider that does not know its capacity. */
    public static final SandboxCapacity UNKNOWN = new SandboxCapacity(-1, -1, -1, -1, -1);

    /** Whether the figures are real (not {@link #UNKNOWN}). */
    public boolean known() {
        return maxLive >= 0;
    }

    /**
     * Whether a {@link SandboxProvider#create} would be admitted now: fewer than {@code maxLive} live sandboxes and
     * at least the headroom of memory available. Always {@code true} when unknown.
     */
    public boolean hasRoom() {
        return !known() || (live < maxLive && memoryAvailableBytes >= memoryHeadroomBytes);
    }
}
