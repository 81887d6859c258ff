package ai.spawn.sandbox.local;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Counts the sandboxes that exist (live, pooled and being made) against {@code max-live}, and tells whether the
 * host has the memory headroom for another. A slot is taken before a sandbox is made and given back when it is
 * removed. Thread-safe (lock-free).
 */
final class SandboxSlots {

    private final int max;
    private final long headroomBytes;
    private final LongSupplier memoryAvailable;
    private final AtomicInteger used = new AtomicInteger();

    SandboxSlots(int max, long headroomBytes, LongSupplier memoryAvailable) {
        this.max = max;
        this.headroomBytes = headroomBytes;
        this.memoryAvailable = memoryAvailable;
    }

    /** Takes a slot if one is free. */
    boolean tryAcquire() {
        while (true) {
            int now = used.get();
            if (now >= max) {
                return false;
            }
            if (used.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void release() {
        used.decrementAndGet();
    }

    int used() {
        return used.get();
    }

    int max() {
        return max;
    }

    long headroomBytes() {
        return headroomBytes;
    }

    long memoryAvailable() {
        return memoryAvailable.getAsLong();
    }

    /** Whether the host has at least the headroom of memory available. */
    boolean hasMemory() {
        return headroomBytes <= 0 || memoryAvailable.getAsLong() >= headroomBytes;
    }
}
