package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.security.SecurityEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns the limits one sandbox hit into security events: OOM kills and refused forks (from its cgroups' counters),
 * a full workspace, log floods and seccomp kills. Each {@link #check} reports what was counted since the last
 * report, at most once per {@link #QUIET} per kind unless forced, so a fork bomb yields a few events, not
 * thousands; a forced check (when the app ends, before the sandbox is destroyed) reports everything pending.
 * Failures of the event sink are logged, never thrown. Thread-safe.
 */
final class LimitWatch {

    static final Duration QUIET = Duration.ofMinutes(1);
    private static final long FULL_LEAST_BYTES = 1L << 20;
    private static final long FULL_MOST_BYTES = 32L << 20;
    private static final Logger log = LoggerFactory.getLogger(LimitWatch.class);

    private final String sandboxId;
    private final SandboxSpec spec;
    private final File workspace;
    private final Cgroups cgroups;
    private final Consumer<SecurityEvent> events;
    private final Clock clock;
    private final Map<String, Instant> lastReported = new HashMap<>();
    private LimitCounters reported = LimitCounters.NONE;
    private boolean fullReported;
    private long floods;
    private String floodRate = "";

    LimitWatch(String sandboxId, SandboxSpec spec, File workspace, Cgroups cgroups, Consumer<SecurityEvent> events,
               Clock clock) {
        this.sandboxId = sandboxId;
        this.spec = spec;
        this.workspace = workspace;
        this.cgroups = cgroups;
        this.events = events;
        this.clock = clock;
    }

    /** What the cgroups counted so far. */
    LimitCounters counters() {
        return cgroups.counters(sandboxId);
    }

    /**
     * Whether the workspace has (next to) no space left. A tmpfs is full at 0 bytes; ext4 keeps a few clusters back
     * for its own metadata (measured with {@code dd} until ENOSPC, then {@code stat -f}: ~0.4 MiB of 16 MiB, ~1 MiB
     * of 512 MiB still "available"), so full means under 0.5 % of the size, at least 1 MiB and at most 32 MiB.
     */
    boolean workspaceFull() {
        long total = workspace.getTotalSpace();
        long threshold = Math.min(FULL_MOST_BYTES, Math.max(FULL_LEAST_BYTES, total / 200));
        return total > 0 && workspace.getUsableSpace() < threshold;
    }

    /**
     * Bytes the workspace's files hold in memory, counted towards the memory limit: all of them in a tmpfs
     * workspace, none in a disk-backed one (their page cache can be written back).
     */
    long workspaceBytes() {
        if (!workspaceInMemory()) {
            return 0;
        }
        return Math.max(0, workspace.getTotalSpace() - workspace.getFreeSpace());
    }

    private boolean workspaceInMemory() {
        try {
            return "tmpfs".equals(Files.getFileStore(workspace.toPath()).type());
        } catch (IOException e) {
            return false;
        }
    }

    /** Reports what happened since the last report; {@code force} ignores the quiet time. */
    synchronized void check(boolean force) {
        Instant now = clock.instant();
        LimitCounters current = counters();
        LimitCounters fresh = current.since(reported);
        SandboxLimits limits = spec.limits();
        long oom = fresh.oomKills();
        long forks = fresh.forksRefused();
        if (oom > 0 && due(SecurityEvent.OOM_KILLED, now, force)) {
            report(SecurityEvent.OOM_KILLED, now, "a process went over the " + (limits.memory().toBytes() >> 20)
                    + " MiB memory limit and was killed" + times(oom));
            reported = new LimitCounters(current.oomKills(), reported.forksRefused());
        }
        if (forks > 0 && due(SecurityEvent.PIDS_LIMIT, now, force)) {
            report(SecurityEvent.PIDS_LIMIT, now, "starting a process or thread was refused at the limit of "
                    + limits.pids() + times(forks));
            reported = new LimitCounters(reported.oomKills(), current.forksRefused());
        }
        boolean full = workspaceFull();
        if (full && !fullReported && due(SecurityEvent.DISK_FULL, now, force)) {
            report(SecurityEvent.DISK_FULL, now, "the workspace is full (" + (limits.disk().toBytes() >> 20)
                    + " MiB); writes fail with \"No space left on device\"");
            fullReported = true;
        } else if (!full) {
            fullReported = false;
        }
        if (floods > 0 && due(SecurityEvent.LOG_FLOOD, now, force)) {
            report(SecurityEvent.LOG_FLOOD, now, "the app wrote " + floodRate + times(floods)
                    + "; only its last " + AppProcess.LOG_LINES + " lines are kept");
            floods = 0;
        }
    }

    /** Notes a log flood ({@code rate} says how much output); reported now unless one was within the quiet time. */
    synchronized void logFlood(String rate) {
        floods++;
        floodRate = rate;
        check(false);
    }

    /** Reports a process the seccomp filter killed (a system call of another architecture). */
    synchronized void seccompKilled(String what) {
        report(SecurityEvent.SECCOMP_DENIED, clock.instant(), what + " was killed by the seccomp filter: it made a"
                + " system call through an architecture or ABI the sandbox does not allow");
    }

    private boolean due(String kind, Instant now, boolean force) {
        Instant last = lastReported.get(kind);
        return force || last == null || !now.isBefore(last.plus(QUIET));
    }

    private void report(String kind, Instant now, String detail) {
        lastReported.put(kind, now);
        try {
            events.accept(new SecurityEvent(spec.owner(), sandboxId, kind, detail, now));
        } catch (RuntimeException e) {
            log.warn("could not record the security event {} of sandbox {}: {}", kind, sandboxId, detail, e);
        }
    }

    private static String times(long n) {
        return n == 1 ? "" : " (" + n + " times)";
    }
}
