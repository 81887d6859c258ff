package ai.spawn.security;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something an app did that a limit or a guard stopped: it was OOM-killed, a fork was refused, its workspace filled
 * up, it flooded its log, an install tried to reach a host that is not allowed.
 *
 * @param appId     the app (for a sandbox, the owner it was created for)
 * @param sandboxId the sandbox it happened in, or {@code null} when none was involved
 * @param kind      what happened, lower-case with dashes: one of the constants here, or a new kind of that form
 * @param detail    one sentence for people; cut to {@value #MAX_DETAIL} characters
 * @param time      when it was observed
 */
public record SecurityEvent(String appId, String sandboxId, String kind, String detail, Instant time) {

    /** A process went over the memory limit and the kernel killed it. */
    public static final String OOM_KILLED = "oom-killed";
    /** Starting a process or thread was refused at the pids limit. */
    public static final String PIDS_LIMIT = "pids-limit";
    /** The workspace filled up: writes fail with ENOSPC. */
    public static final String DISK_FULL = "disk-full";
    /** The app wrote output faster than the log keeps it; older lines were dropped. */
    public static final String LOG_FLOOD = "log-flood";
    /** The egress proxy refused a connection to a host that is not allowed. */
    public static final String EGRESS_REFUSED = "egress-refused";
    /** A system call was refused by the seccomp filter (when the provider can observe it). */
    public static final String SECCOMP_DENIED = "seccomp-denied";

    /** Longest detail kept. */
    public static final int MAX_DETAIL = 2000;

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /** @throws IllegalArgumentException when {@code kind} is not lower-case with dashes, at most 32 characters */
    public SecurityEvent {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("a kind is lower-case letters, digits and dashes: " + kind);
        }
        detail = detail == null ? "" : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
    }
}
