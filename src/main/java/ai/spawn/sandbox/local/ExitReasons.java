package ai.spawn.sandbox.local;

import ai.spawn.sandbox.ProcessExit;
import ai.spawn.sandbox.SandboxLimits;

import java.util.List;
import java.util.Map;

/**
 * Why an app process ended, from what the sandbox's cgroups and workspace saw while it ran: the memory limit (an
 * OOM kill), the pids limit (a refused fork), a full workspace, a signal, or its own exit. The first that applies
 * wins in that order. Stateless.
 */
final class ExitReasons {

    static final String EXITED = "exited";
    static final String KILLED = "killed";
    static final String OOM_KILLED = "oom-killed";
    static final String PIDS_LIMIT = "pids-limit";
    static final String DISK_FULL = "disk-full";

    /** Exit code of a process the seccomp filter killed (128 + SIGSYS). */
    static final int SECCOMP_KILLED = 128 + 31;

    private static final Map<Integer, String> SIGNALS = Map.ofEntries(Map.entry(1, "SIGHUP"),
            Map.entry(2, "SIGINT"), Map.entry(3, "SIGQUIT"), Map.entry(4, "SIGILL"), Map.entry(6, "SIGABRT"),
            Map.entry(7, "SIGBUS"), Map.entry(8, "SIGFPE"), Map.entry(9, "SIGKILL"), Map.entry(11, "SIGSEGV"),
            Map.entry(13, "SIGPIPE"), Map.entry(14, "SIGALRM"), Map.entry(15, "SIGTERM"), Map.entry(31, "SIGSYS"));

    /**
     * What the sandbox saw while the app ran.
     *
     * @param exitCode       the exit code (128 + signal when a signal ended it)
     * @param during         what the cgroups counted between the start and the end of the app
     * @param workspaceFull  whether the workspace had no space left at the end
     * @param workspaceBytes bytes the workspace's files hold in memory, counted towards its limit (0 on disk)
     * @param limits         the sandbox's limits
     * @param lastLines      the app's last output lines
     */
    record Observation(int exitCode, LimitCounters during, boolean workspaceFull, long workspaceBytes,
                       SandboxLimits limits, List<String> lastLines) {
    }

    private ExitReasons() {
    }

    static ProcessExit classify(Observation seen) {
        int code = seen.exitCode();
        SandboxLimits limits = seen.limits();
        if (seen.during().oomKills() > 0) {
            String files = seen.workspaceBytes() * 4 >= limits.memory().toBytes()
                    ? " Files in its workspace count towards that memory; they take " + mib(seen.workspaceBytes())
                    + " MiB." : "";
            return exit(seen, OOM_KILLED, "The app used more than its " + mib(limits.memory().toBytes())
                    + " MiB of memory and was stopped." + files);
        }
        if (seen.during().forksRefused() > 0) {
            return exit(seen, PIDS_LIMIT, "The app tried to run more than " + limits.pids()
                    + " processes and threads at once; starting more was refused, and it stopped (exit code "
                    + code + ").");
        }
        if (seen.workspaceFull() || mentionsNoSpace(seen.lastLines())) {
            return exit(seen, DISK_FULL, "The app's workspace is full (" + mib(limits.disk().toBytes())
                    + " MiB): writing failed with \"No space left on device\", and it stopped (exit code " + code
                    + ").");
        }
        if (code > 128 && code < 128 + 65) {
            int signal = code - 128;
            String name = SIGNALS.getOrDefault(signal, "signal " + signal);
            String why = code == SECCOMP_KILLED ? " It made a system call the sandbox does not allow." : "";
            return exit(seen, KILLED, "The app was killed by " + name + "." + why);
        }
        return exit(seen, EXITED, "The app exited with code " + code + (code == 0
                ? "; a web app should keep running." : "."));
    }

    private static ProcessExit exit(Observation seen, String reason, String detail) {
        return new ProcessExit(seen.exitCode(), reason, detail, seen.lastLines());
    }

    private static boolean mentionsNoSpace(List<String> lines) {
        return lines.stream().anyMatch(l -> l.contains("No space left on device") || l.contains("ENOSPC"));
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }
}
