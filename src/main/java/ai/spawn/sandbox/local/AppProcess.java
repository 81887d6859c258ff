package ai.spawn.sandbox.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A sandbox's long-running app process (with its socket forwarder) and the last lines it wrote, drained by one
 * daemon thread into a bounded {@link LogBuffer}. The same thread tells its {@link Watcher} about log floods and,
 * once the output ended and the process is gone, that it exited, unless {@link #stop} ended it. Thread-safe.
 */
final class AppProcess {

    static final int LOG_LINES = 1000;
    static final int LOG_CHARS = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(AppProcess.class);

    /** Hears about one app process; called on its output thread. */
    interface Watcher {

        /** The output passed the flood threshold described by {@code rate} (at most once per window). */
        void flooded(String rate);

        /** The process ended on its own with {@code exitCode}; every output line is in the log by now. */
        void exited(AppProcess app, int exitCode);
    }

    private final Process process;
    private final LogBuffer logs = new LogBuffer(LOG_LINES, LOG_CHARS);
    private final FloodMeter flood = new FloodMeter();
    private volatile boolean stopped;

    private AppProcess(Process process) {
        this.process = process;
    }

    /** Takes over a launched app process ({@link AppLaunch}): drains its output from now on. */
    static AppProcess adopt(Process process, String name, Watcher watcher) {
        AppProcess app = new AppProcess(process);
        Thread pump = new Thread(() -> app.pump(app.process.getInputStream(), watcher), name + "-log");
        pump.setDaemon(true);
        pump.start();
        return app;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    List<String> logs(int max) {
        return logs.last(max);
    }

    /** Kills the process tree and waits (bounded) until it is gone; its watcher hears nothing of this end. */
    void stop(Duration wait) {
        stopped = true;
        ProcessLauncher.killTree(process);
        try {
            process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether {@link #stop} ended (or is ending) it. */
    boolean wasStopped() {
        return stopped;
    }

    private void pump(InputStream in, Watcher watcher) {
        try (in) {
            LineReader lines = new LineReader(in, CommandRun.LINE_BYTES);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                logs.add(line);
                if (flood.add(line.length())) {
                    tell(() -> watcher.flooded(flood.describe()));
                }
            }
        } catch (IOException e) {
            log.debug("app output ended: {}", e.toString());
        }
        try {
            int exitCode = process.waitFor();
            if (!stopped) {
                tell(() -> watcher.exited(this, exitCode));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps the output drained whatever the watcher does: a pump that stopped reading would block the app. */
    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("an app process watcher failed", e);
        }
    }
}
