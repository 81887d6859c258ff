package ai.spawn.sandbox;

import java.util.Optional;
import java.util.Set;

/**
 * Creates and tracks isolated, resource-limited sandboxes. The contract between orchestration and isolation.
 *
 * <p>Implementations are thread-safe. {@link #create} blocks until the sandbox can take files and commands
 * (typically milliseconds for the local provider) and throws {@link SandboxLaunchException} when it cannot.
 * {@link #destroy} is idempotent: destroying an unknown or already destroyed sandbox does nothing.
 */
public interface SandboxProvider {

    /** Short provider name: {@code local}, {@code e2b}, {@code kubernetes}. */
    String name();

    /**
     * Creates a sandbox.
     *
     * @throws SandboxCapacityException when the provider is at its capacity (retry later)
     * @throws SandboxLaunchException when the sandbox cannot be created (host error)
     */
    Sandbox create(SandboxSpec spec);

    /** A sandbox this provider holds, if it still exists. */
    Optional<Sandbox> find(String sandboxId);

    /**
     * Ids of every sandbox this provider holds, including leftovers of an earlier run (for the reaper). Sandboxes
     * pre-created for a warm pool, and those of its own template builds, are the provider's and not listed: nobody but
     * the provider may destroy them.
     */
    Set<String> list();

    /** Kills every process of the sandbox and removes everything it held. Idempotent. */
    void destroy(String sandboxId);

    /** How full the provider is; {@link SandboxCapacity#UNKNOWN} when it cannot tell. Cheap; never blocks long. */
    default SandboxCapacity capacity() {
        return SandboxCapacity.UNKNOWN;
    }
}
