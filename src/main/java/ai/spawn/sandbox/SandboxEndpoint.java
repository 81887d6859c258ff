package ai.spawn.sandbox;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Where the host reaches an app inside a sandbox: a unix socket (local provider) or a TCP address. */
public sealed interface SandboxEndpoint {

    /**
     * A unix domain socket on the host that reaches the app's port inside a sandbox.
     *
     * @param path     the socket to use when it exists and accepts connections (the local provider: the app's own
     *                 socket, opened by a node app through SpawnAI's preload)
     * @param fallback the socket to use otherwise, or {@code null} for none (the local provider: the relay that
     *                 forwards to the app's TCP port, for every runtime)
     */
    record UnixSocket(Path path, @Nullable Path fallback) implements SandboxEndpoint {

        public UnixSocket {
            Objects.requireNonNull(path, "path");
        }

        /** One socket, no fallback. */
        public UnixSocket(Path path) {
            this(path, null);
        }
    }

    /** A TCP address reachable from the host. */
    record Tcp(String host, int port) implements SandboxEndpoint { }
}
