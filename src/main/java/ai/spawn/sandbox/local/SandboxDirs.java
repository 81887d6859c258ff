package ai.spawn.sandbox.local;

import java.nio.file.Path;

/**
 * Where one sandbox lives on the host.
 *
 * @param root      {@code {dataDir}/sandboxes/{id}}
 * @param workspace its size-limited tmpfs, {@code /home/user/app} inside
 * @param run       holds the app's unix socket, {@code /run/sbx} inside; only root and the sandbox uid enter it
 */
record SandboxDirs(Path root, Path workspace, Path run) {

    /** Name of the socket inside the run directory. */
    static final String SOCKET = "app.sock";

    Path socket() {
        return run.resolve(SOCKET);
    }
}
