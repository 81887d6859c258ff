package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxException;
import ai.spawn.sandbox.local.Cgroups.FreezerState;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Pauses and resumes sandboxes with the cgroup freezer (v1 {@code freezer.state}, v2 {@code cgroup.freeze}):
 * frozen processes get no cpu and keep their memory; their sockets stay open, so connections simply wait.
 * Waits for the kernel by polling the state file every 0.1 ms (freezing a few processes takes
 * well under a millisecond; there is no notification to wait on in v1). Stateless besides the cgroups; thread-safe.
 */
final class Freezer {

    static final Duration FREEZE_DEADLINE = Duration.ofSeconds(2);
    static final Duration THAW_DEADLINE = Duration.ofSeconds(1);
    private static final long POLL_MICROS = 100;
    /** v1 may stay FREEZING when a process sleeps uninterruptibly; writing FROZEN again retries it. */
    private static final long RETRY_NANOS = Duration.ofMillis(20).toNanos();

    private final Cgroups cgroups;

    Freezer(Cgroups cgroups) {
        this.cgroups = cgroups;
    }

    boolean canFreeze() {
        return cgroups.canFreeze();
    }

    /**
     * Freezes every process of the sandbox and returns once the kernel says they are frozen.
     *
     * @throws UnsupportedOperationException when the host has no freezer
     * @throws SandboxException when the cgroup cannot be frozen in time (it is thawed again then)
     */
    void freeze(String sandboxId) {
        if (!cgroups.canFreeze()) {
            throw new UnsupportedOperationException("this host has no cgroup freezer: mount the cgroup v1 freezer"
                    + " hierarchy at /sys/fs/cgroup/freezer or use cgroup v2");
        }
        long start = System.nanoTime();
        long lastWrite = start;
        write(sandboxId, true);
        while (cgroups.freezerState(sandboxId) != FreezerState.FROZEN) {
            long now = System.nanoTime();
            if (now - start > FREEZE_DEADLINE.toNanos()) {
                thaw(sandboxId);
                throw new SandboxException(sandboxId, "sandbox " + sandboxId + " could not be frozen within "
                        + FREEZE_DEADLINE.toMillis() + " ms");
            }
            if (now - lastWrite > RETRY_NANOS) {
                write(sandboxId, true);
                lastWrite = now;
            }
            LockSupport.parkNanos(POLL_MICROS * 1000);
        }
    }

    /**
     * Thaws the sandbox and returns once its processes run again. Does nothing when it is not frozen.
     *
     * @throws SandboxException when the cgroup cannot be thawed in time
     */
    void thaw(String sandboxId) {
        if (cgroups.freezerState(sandboxId) == FreezerState.THAWED) {
            return;
        }
        long start = System.nanoTime();
        write(sandboxId, false);
        while (cgroups.freezerState(sandboxId) != FreezerState.THAWED) {
            if (System.nanoTime() - start > THAW_DEADLINE.toNanos()) {
                throw new SandboxException(sandboxId, "sandbox " + sandboxId + " could not be thawed within "
                        + THAW_DEADLINE.toMillis() + " ms");
            }
            LockSupport.parkNanos(POLL_MICROS * 1000);
        }
    }

    /** Whether the sandbox is frozen or freezing. */
    boolean isFrozen(String sandboxId) {
        return cgroups.freezerState(sandboxId) != FreezerState.THAWED;
    }

    private void write(String sandboxId, boolean frozen) {
        try {
            cgroups.freeze(sandboxId, frozen);
        } catch (UncheckedIOException e) {
            throw new SandboxException(sandboxId, "cannot " + (frozen ? "freeze" : "thaw") + " sandbox " + sandboxId
                    + ": " + e.getMessage(), e);
        }
    }
}
