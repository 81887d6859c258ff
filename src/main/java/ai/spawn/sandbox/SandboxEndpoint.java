package ai.spawn.sandbox;

import java.nio.file.Path;

/** Where the host reaches an app inside a sandbox: a unix socket (local provider) or a TCP address. */
public sealed interface SandboxEndpoint {

    /** A unix domain socket on the host, forwarded to the app's port inside the sandbox. */
    record UnixSocket(Path path) implements SandboxEndpoint { }

    /** A TCP address reachable from the host. */
    record Tcp(String host, int port) implements SandboxEndpoint { }
}
