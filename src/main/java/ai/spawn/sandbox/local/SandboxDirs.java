package ai.spawn.sandbox.local;

import java.nio.file.Path;

/**
 * Where one sandbox lives on the host.
 *
 * @param root      {@code {dataDir}/sandboxes/{id}}
 * @param workspace its size-limited tmpfs, {@code /home/user/app} inside
 * @param run       holds the app's unix sockets, {@code /run/sbx} inside; only root and the sandbox uid enter it
 */
record SandboxDirs(Path root, Path workspace, Path run) {

    /** Name of the relay's socket inside the run directory ({@code socat} forwarding to the app's port). */
    static final String SOCKET = "app.sock";

    /** The relay's socket: serves every runtime. */
    Path socket() {
        return run.resolve(SOCKET);
    }

    /** The app's own socket, when a node app opened it ({@link DirectSocket}). */
    Path directSocket() {
        return run.resolve(DirectSocket.SOCKET);
    }
}
