package ai.spawn.egress;

import java.nio.file.Path;

/**
 * One sandbox's way into the egress proxy: a unix socket the proxy accepts on until {@link #close()}. Thread-safe.
 */
public interface EgressSocket extends AutoCloseable {

    /** The socket file. */
    Path path();

    /** Connections open through this socket now. */
    int activeConnections();

    /** Stops accepting, closes every connection made through this socket and removes the file. Idempotent. */
    @Override
    void close();
}
