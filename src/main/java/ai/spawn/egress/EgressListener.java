package ai.spawn.egress;

/**
 * Hears what the egress proxy lets through and what it refuses, e.g. to record security events and metrics.
 * Called on proxy threads, once per request or tunnel; implementations must be thread-safe and must not block. An
 * exception thrown by a listener is logged and otherwise ignored.
 */
public interface EgressListener {

    /** Listens to nothing. */
    EgressListener NONE = (sandboxId, host, port, reason) -> { };

    /**
     * A sandbox asked for a destination the proxy refused, without connecting to it.
     *
     * @param sandboxId the sandbox that asked
     * @param host      the requested host name or address literal, lower-cased
     * @param port      the requested port
     * @param reason    why, for people: e.g. "host not allowed"
     */
    void refused(String sandboxId, String host, int port, String reason);

    /** A sandbox opened a tunnel or sent a request to an allowed destination, now connected. */
    default void connected(String sandboxId, String host, int port) {
    }
}
