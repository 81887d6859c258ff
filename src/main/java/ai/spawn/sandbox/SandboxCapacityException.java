package ai.spawn.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * The provider is at its capacity: {@code spawnai.sandbox.max-live} sandboxes exist, or the host has less free
 * memory than {@code spawnai.sandbox.memory-headroom}. Nothing was created; the same request may succeed later
 * (once a sandbox is destroyed or memory frees up). {@link #retryAfter()} is a hint of when to try again, not a
 * promise.
 */
public class SandboxCapacityException extends SandboxLaunchException {

    private final transient SandboxCapacity capacity;
    private final Duration retryAfter;

    public SandboxCapacityException(String message, SandboxCapacity capacity, Duration retryAfter) {
        super(null, message);
        this.capacity = Objects.requireNonNull(capacity, "capacity");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** The provider's capacity when the sandbox was refused. */
    public SandboxCapacity capacity() {
        return capacity;
    }

    /** How long to wait before asking again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
