package ai.spawn.usage;

import ai.spawn.sandbox.SandboxUsage;

/**
 * The memory samples of one sandbox, folded into a time-weighted average (each reading holds until the next), its
 * peak and its last reading. Thread-safe (synchronized; contention is one sampler and rare readers).
 */
final class SandboxSamples {

    private final long firstNanos;
    private long lastNanos;
    private SandboxUsage last;
    private double byteNanos;
    private long peak;
    private boolean gone;
    private long goneNanos;

    SandboxSamples(long nowNanos, SandboxUsage first) {
        this.firstNanos = nowNanos;
        this.lastNanos = nowNanos;
        this.last = first;
        this.peak = Math.max(first.peakMemoryBytes(), first.memoryBytes());
    }

    /**
     * Adds a reading.
     *
     * @return the cpu milliseconds used since the previous reading
     */
    synchronized long add(long nowNanos, SandboxUsage usage) {
        long elapsed = Math.max(0, nowNanos - lastNanos);
        byteNanos += (double) last.memoryBytes() * elapsed;
        long cpuDelta = Math.max(0, usage.cpuMillis() - last.cpuMillis());
        lastNanos = nowNanos;
        last = usage;
        peak = Math.max(peak, Math.max(usage.peakMemoryBytes(), usage.memoryBytes()));
        return cpuDelta;
    }

    /** The last reading. */
    synchronized SandboxUsage last() {
        return last;
    }

    synchronized long peak() {
        return peak;
    }

    /** The average memory from the first reading until {@code nowNanos} (or until it was gone). */
    synchronized long averageMemory(long nowNanos) {
        long end = gone ? lastNanos : Math.max(nowNanos, lastNanos);
        long span = end - firstNanos;
        if (span <= 0) {
            return last.memoryBytes();
        }
        double total = byteNanos + (double) last.memoryBytes() * (end - lastNanos);
        return Math.round(total / span);
    }

    /** Marks the sandbox gone: its figures stop moving. */
    synchronized void gone(long nowNanos) {
        if (!gone) {
            gone = true;
            goneNanos = nowNanos;
        }
    }

    synchronized boolean goneBefore(long nanos) {
        return gone && goneNanos - nanos < 0;
    }
}
