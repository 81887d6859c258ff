package ai.spawn.sandbox.local;

import ai.spawn.sandbox.ExecResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Waits for a started command: feeds its stdin, streams its output lines, kills it (with its whole process tree)
 * when the timeout passes. One instance per command; not reused.
 */
final class CommandRun {

    static final int LINE_BYTES = 4096;
    private static final int LAST_LINES = 200;
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(CommandRun.class);

    private final Process process;
    private final String name;
    private final LogBuffer last = new LogBuffer(LAST_LINES, LAST_LINES * LINE_BYTES);

    CommandRun(Process process, String name) {
        this.process = process;
        this.name = name;
    }

    /**
     * Waits for the process.
     *
     * @param stdin  bytes to write to its stdin, or {@code null} when it reads none
     * @param output gets each output line, on a pump thread; an exception it throws is logged, not propagated
     * @throws InterruptedException after killing the process, when the calling thread is interrupted
     */
    ExecResult await(byte[] stdin, Duration timeout, Consumer<String> output) throws InterruptedException {
        long started = System.nanoTime();
        Thread pump = daemon(name + "-out", () -> pump(process.getInputStream(), output));
        if (stdin != null) {
            daemon(name + "-in", () -> feed(process.getOutputStream(), stdin));
        }
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                ProcessLauncher.killTree(process);
                process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            pump.join(GRACE.toMillis());
        } catch (InterruptedException e) {
            ProcessLauncher.killTree(process);
            throw e;
        }
        int exitCode = finished ? process.exitValue() : -1;
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        return new ExecResult(exitCode, !finished, last.last(LAST_LINES), millis);
    }

    private void pump(InputStream in, Consumer<String> output) {
        boolean warned = false;
        try (in) {
            LineReader lines = new LineReader(in, LINE_BYTES);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                last.add(line);
                try {
                    output.accept(line);
                } catch (RuntimeException e) {
                    if (!warned) {
                        log.warn("output consumer of {} failed; its further output is only kept", name, e);
                        warned = true;
                    }
                }
            }
        } catch (IOException e) {
            log.debug("reading the output of {} ended: {}", name, e.toString());
        }
    }

    private static void feed(OutputStream out, byte[] bytes) {
        try (out) {
            out.write(bytes);
        } catch (IOException e) {
            // the process stopped reading (it failed or ended early); its exit code and output say why
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
