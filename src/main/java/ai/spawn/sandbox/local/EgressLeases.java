package ai.spawn.sandbox.local;

import ai.spawn.egress.EgressProxy;
import ai.spawn.egress.EgressSocket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/**
 * Opens a sandbox's egress socket while at least one of its install commands runs, and closes it after the last:
 * the proxy is reachable only during installs. The socket is {@code {sandbox}/egress/proxy.sock} on the host, owned
 * by the sandbox uid with mode 600 in a directory of mode 700; its directory is bound at {@link #DIR} inside (never
 * for the app process). Thread-safe.
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
    private final Map<String, Held> held = new HashMap<>();

    EgressLeases(EgressProxy proxy, int uid) {
        this.proxy = proxy;
        this.uid = uid;
    }

    /** Opens (or shares) the socket of {@code sandboxId} under {@code sandboxRoot}. */
    Lease acquire(String sandboxId, Path sandboxRoot) throws IOException {
        Path dir = sandboxRoot.resolve("egress");
        synchronized (held) {
            Held current = held.get(sandboxId);
            if (current == null) {
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(dir);
                }
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                Files.setAttribute(dir, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(dir, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
                EgressSocket socket = proxy.listen(sandboxId, dir.resolve(SOCKET));
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
