package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes everything a sandbox held, in order: every process in its cgroups (thawed first if frozen, since a frozen
 * process cannot die; then SIGKILL until none is left), the
 * workspace tmpfs, the cgroups, then its directory (last, so that an interrupted teardown is still found on disk).
 * Each step tolerates what is already gone, so it is idempotent and also cleans leftovers of an earlier process.
 * Calls for one id are serialized; different ids run in parallel. Thread-safe.
 */
final class Teardown {

    private static final Duration KILL_DEADLINE = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 10;
    private static final Logger log = LoggerFactory.getLogger(Teardown.class);

    private final Cgroups cgroups;
    private final SandboxLayout layout;
    private final WorkspaceMount mounts;
    private final Object[] locks = new Object[64];

    Teardown(Cgroups cgroups, SandboxLayout layout, WorkspaceMount mounts) {
        this.cgroups = cgroups;
        this.layout = layout;
        this.mounts = mounts;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** @throws SandboxException naming what could not be removed (calling again retries) */
    void destroy(String sandboxId) {
        synchronized (locks[Math.floorMod(sandboxId.hashCode(), locks.length)]) {
            List<String> problems = new ArrayList<>();
            SandboxDirs dirs = layout.dirs(sandboxId);
            thaw(sandboxId, problems);
            boolean killed = killAll(sandboxId, problems);
            try {
                mounts.unmount(dirs.run());
            } catch (IOException | UncheckedIOException e) {
                problems.add("run directory still mounted: " + e.getMessage());
            }
            try {
                mounts.unmount(dirs.workspace());
            } catch (IOException | UncheckedIOException e) {
                problems.add("workspace still mounted: " + e.getMessage());
            }
            if (killed && !removeCgroups(sandboxId)) {
                problems.add("cgroups still busy");
            }
            if (!WorkspaceMount.isMounted(dirs.workspace()) && !WorkspaceMount.isMounted(dirs.run())) {
                deleteTree(dirs.root(), problems);
            }
            if (!problems.isEmpty()) {
                throw new SandboxException(sandboxId, "could not remove sandbox " + sandboxId + ": " + problems);
            }
            log.debug("sandbox {} removed", sandboxId);
        }
    }

    private void thaw(String sandboxId, List<String> problems) {
        try {
            if (cgroups.freezerState(sandboxId) != Cgroups.FreezerState.THAWED) {
                cgroups.freeze(sandboxId, false);
            }
        } catch (UncheckedIOException e) {
            problems.add("cannot thaw it: " + e.getMessage());
        }
    }

    private boolean killAll(String sandboxId, List<String> problems) {
        long deadline = System.nanoTime() + KILL_DEADLINE.toNanos();
        try {
            while (!cgroups.pids(sandboxId).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    problems.add("processes still running: " + cgroups.pids(sandboxId));
                    return false;
                }
                cgroups.kill(sandboxId);
                pause();
            }
            return true;
        } catch (UncheckedIOException e) {
            problems.add("cannot kill its processes: " + e.getMessage());
            return false;
        }
    }

    private boolean removeCgroups(String sandboxId) {
        long deadline = System.nanoTime() + KILL_DEADLINE.toNanos();
        while (!cgroups.remove(sandboxId)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            cgroups.kill(sandboxId); // a process that was just entering when the kill loop ended
            pause();
        }
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException(null, "interrupted while destroying a sandbox", e);
        }
    }

    /** Deletes a tree without following symbolic links (the workspace's contents came from the sandbox). */
    private static void deleteTree(Path root, List<String> problems) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            problems.add("cannot delete " + root + ": " + e);
        }
    }
}

