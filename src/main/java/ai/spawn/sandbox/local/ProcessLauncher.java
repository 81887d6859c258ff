package ai.spawn.sandbox.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Starts sandbox processes from one long-lived thread. {@code bwrap --die-with-parent} uses the parent-death
 * signal, which Linux sends when the <em>thread</em> that started the process ends, not the JVM: a sandbox
 * started from a pooled request thread would be killed when the pool retires that thread. Thread-safe.
 */
final class ProcessLauncher implements AutoCloseable {

    private static final Duration REAP_WAIT = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(ProcessLauncher.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "sandbox-launcher");
        t.setDaemon(true);
        return t;
    });

    /** A builder for {@code argv} with an empty environment (bar {@code PATH}), stdin from {@code /dev/null}. */
    static ProcessBuilder builder(List<String> argv) {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        return builder;
    }

    /** Starts the process on the launcher thread; returns once it runs. Not interruptible (it takes milliseconds). */
    Process start(ProcessBuilder builder) throws IOException {
        Future<Process> started = thread.submit(builder::start);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return started.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException("cannot start " + builder.command().get(0), e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Starts a process ahead of its use (a warm pool's writer or app chain); {@code null} when it cannot, logged:
     * the use then starts its own.
     *
     * @param what names it in the log
     */
    Process startAhead(Supplier<ProcessBuilder> builder, String what) {
        try {
            return start(builder.get());
        } catch (IOException | RuntimeException e) {
            log.debug("no {}: {}", what, e.toString());
            return null;
        }
    }

    /**
     * Kills a sandbox process tree: first the descendants of the {@code bwrap} we started (its pid namespace dies
     * with them), then, once it had a moment to reap them and exit by itself, {@code bwrap}. Killing the parent
     * first would orphan the children to an init that may not reap them.
     */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        if (!descendants.isEmpty()) {
            try {
                process.onExit().get(REAP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // fall through: kill it
            }
        }
        process.destroyForcibly();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
