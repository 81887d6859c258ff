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
 * daemon thread into a bounded {@link LogBuffer}. Thread-safe.
 */
final class AppProcess {

    static final int LOG_LINES = 1000;
    static final int LOG_CHARS = 256 * 1024;
    private static final Logger log = LoggerFactory.getLogger(AppProcess.class);

    private final Process process;
    private final LogBuffer logs = new LogBuffer(LOG_LINES, LOG_CHARS);

    private AppProcess(Process process) {
        this.process = process;
    }

    static AppProcess start(ProcessLauncher launcher, List<String> argv, String name) throws IOException {
        AppProcess app = new AppProcess(launcher.start(ProcessLauncher.builder(argv)));
        Thread pump = new Thread(() -> app.pump(app.process.getInputStream()), name + "-log");
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

    /** Kills the process tree and waits (bounded) until it is gone. */
    void stop(Duration wait) {
        ProcessLauncher.killTree(process);
        try {
            process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pump(InputStream in) {
        try (in) {
            LineReader lines = new LineReader(in, CommandRun.LINE_BYTES);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                logs.add(line);
            }
        } catch (IOException e) {
            log.debug("app output ended: {}", e.toString());
        }
    }
}
