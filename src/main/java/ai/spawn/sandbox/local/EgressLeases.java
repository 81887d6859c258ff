package ai.spawn.sandbox.local;

import ai.spawn.egress.EgressListener;
import ai.spawn.egress.EgressProxy;
import ai.spawn.egress.EgressSocket;
import ai.spawn.security.SecurityEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Opens a sandbox's egress socket while at least one of its install commands runs, and closes it after the last:
 * the proxy is reachable only during installs. The socket is {@code {sandbox}/egress/proxy.sock} on the host, owned
 * by the sandbox uid with mode 600 in a directory of mode 700; its directory is bound at {@link #DIR} inside (never
 * for the app process). Each refusal on a sandbox's socket becomes a {@link SecurityEvent#EGRESS_REFUSED} event of
 * the sandbox's app. Thread-safe.
 */
final class EgressLeases {

    static final String DIR = "/run/egress";
    static final String SOCKET = "proxy.sock";

    /** A held socket; closing it gives it back. */
    interface Lease extends AutoCloseable {
        /** The host directory holding the socket. */
        Path dir();

        @Override
        void close();
    }

    private record Held(EgressSocket socket, int count) {
    }

    private final EgressProxy proxy;
    private final int uid;
    private final Consumer<SecurityEvent> events;
    private final Clock clock;
    private final Map<String, Held> held = new HashMap<>();

    /** @param events records refusals; must not block (the provider queues them) */
    EgressLeases(EgressProxy proxy, int uid, Consumer<SecurityEvent> events, Clock clock) {
        this.proxy = proxy;
        this.uid = uid;
        this.events = events;
        this.clock = clock;
    }

    /** Opens (or shares) the socket of {@code sandboxId}, which serves app {@code owner}, under {@code sandboxRoot}. */
    Lease acquire(String sandboxId, String owner, Path sandboxRoot) throws IOException {
        Path dir = sandboxRoot.resolve("egress");
        synchronized (held) {
            Held current = held.get(sandboxId);
            if (current == null) {
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(dir);
                }
                // root's, searchable only: the sandbox connects to the socket but can plant nothing beside or in
                // place of it (the host binds and chmods that path)
                Files.setAttribute(dir, "unix:uid", 0, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(dir, "unix:gid", 0, LinkOption.NOFOLLOW_LINKS);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
                EgressSocket socket = proxy.listen(sandboxId, dir.resolve(SOCKET), refusalsOf(owner));
                try {
                    Files.setPosixFilePermissions(socket.path(), PosixFilePermissions.fromString("rw-------"));
                    Files.setAttribute(socket.path(), "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    socket.close();
                    throw e;
                }
                current = new Held(socket, 0);
            }
            held.put(sandboxId, new Held(current.socket(), current.count() + 1));
        }
        return lease(sandboxId, dir);
    }

    private EgressListener refusalsOf(String owner) {
        return (sandboxId, host, port, reason) -> events.accept(new SecurityEvent(owner, sandboxId,
                SecurityEvent.EGRESS_REFUSED, "an install asked the egress proxy for " + host + ":" + port
                + ", which is not allowed (" + reason + ")", clock.instant()));
    }

    private Lease lease(String sandboxId, Path dir) {
        return new Lease() {
            private boolean released;

            @Override
            public Path dir() {
                return dir;
            }

            @Override
            public void close() {
                synchronized (held) {
                    if (released) {
                        return;
                    }
                    released = true;
                    Held h = held.get(sandboxId);
                    if (h.count() == 1) {
                        held.remove(sandboxId);
                        h.socket().close();
                    } else {
                        held.put(sandboxId, new Held(h.socket(), h.count() - 1));
                    }
                }
            }
        };
    }
}
