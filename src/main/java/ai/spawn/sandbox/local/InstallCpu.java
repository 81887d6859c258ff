package ai.spawn.sandbox.local;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a sandbox a larger cpu quota while at least one of its install commands runs, and its own quota back after
 * the last one: package managers are cpu-bound for a few seconds (npm needs about a second of cpu for
 * {@code npm install express} from a warm cache), while apps at rest need little. The app process, if running,
 * shares the larger quota meanwhile. A quota that cannot be written (the sandbox is being destroyed) is logged and
 * skipped. Thread-safe.
 */
final class InstallCpu {

    private static final Logger log = LoggerFactory.getLogger(InstallCpu.class);

    private final Cgroups cgroups;
    private final int installMillis;
    private final Map<String, Integer> running = new HashMap<>();

    /** @param installMillis the quota of installs in thousandths of a core; 0 or less keeps every sandbox's own */
    InstallCpu(Cgroups cgroups, int installMillis) {
        this.cgroups = cgroups;
        this.installMillis = installMillis;
    }

    /** Raises the quota of {@code sandboxId} (unless its own is larger) until the returned handle runs. */
    Runnable raise(String sandboxId, int ownMillis) {
        if (installMillis <= 0 || ownMillis <= 0 || installMillis <= ownMillis) {
            return () -> { };
        }
        synchronized (running) {
            int count = running.getOrDefault(sandboxId, 0);
            if (count == 0) {
                write(sandboxId, installMillis);
            }
            running.put(sandboxId, count + 1);
        }
        boolean[] released = {false};
        return () -> {
            synchronized (running) {
                if (released[0]) {
                    return;
                }
                released[0] = true;
                int count = running.getOrDefault(sandboxId, 1) - 1;
                if (count == 0) {
                    running.remove(sandboxId);
                    write(sandboxId, ownMillis);
                } else {
                    running.put(sandboxId, count);
                }
            }
        };
    }

    private void write(String sandboxId, int millis) {
        try {
            cgroups.cpuQuota(sandboxId, millis);
        } catch (UncheckedIOException | UnsupportedOperationException e) {
            log.debug("cpu quota of {} not changed to {} m: {}", sandboxId, millis, e.getMessage());
        }
    }
}
