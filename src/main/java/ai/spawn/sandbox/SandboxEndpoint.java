package ai.spawn.sandbox;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Where the host reaches an app inside a sandbox: a unix socket (local provider) or a TCP address. */
public sealed interface SandboxEndpoint {

    /**
     * A unix domain socket on the host that reaches the app's port inside a sandbox. The socket files may live where
     * the sandbox can write (the local provider's run directory): whoever connects must open them without following
     * a link and, when {@code peer} is given, check who listens before sending a byte (the gateway does both).
     *
     * @param path     the socket to use when it exists and accepts connections (the local provider: the app's own
     *                 socket, opened by a node app through SpawnAI's preload)
     * @param fallback the socket to use otherwise, or {@code null} for none (the local provider: the relay that
     *                 forwards to the app's TCP port, for every runtime)
     * @param peer     who must own the socket files and listen on them, or {@code null} for sockets whose directory
     *                 no sandbox can write (test fixtures the host itself runs)
     */
    record UnixSocket(Path path, @Nullable Path fallback, @Nullable Peer peer) implements SandboxEndpoint {

        public UnixSocket {
            Objects.requireNonNull(path, "path");
        }

        /** Sockets whose directory no sandbox can write, with a fallback: any peer. */
        public UnixSocket(Path path, @Nullable Path fallback) {
            this(path, fallback, null);
        }

        /** One socket in a directory no sandbox can write, no fallback: any peer. */
        public UnixSocket(Path path) {
            this(path, null, null);
        }
    }

    /**
     * Who may serve a sandbox's unix sockets: the socket file must be owned by {@code uid}, and the process listening
     * on it (its {@code SO_PEERCRED}) must run as {@code uid} with a pid listed in {@code cgroupProcs}, a
     * {@code cgroup.procs} file of the sandbox's own cgroup (host-owned: the sandbox cannot add a pid to it). A
     * socket of the host or of another sandbox, reached through a link or a hard link the sandbox planted, fails
     * one of the three.
     *
     * @param uid         the sandbox's uid on the host
     * @param cgroupProcs the pids of the sandbox's processes, one per line
     */
    record Peer(int uid, Path cgroupProcs) {

        public Peer {
            Objects.requireNonNull(cgroupProcs, "cgroupProcs");
        }
    }

    /** A TCP address reachable from the host. */
    record Tcp(String host, int port) implements SandboxEndpoint { }
}
