package ai.spawn.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One short-lived parser process (node or python3) started with a cleared environment. Its input and output go
 * through private temporary files, so neither side can block on a full pipe and the timeout always holds. The
 * process only parses the code it is given; it never runs it. Use from one thread: {@link #await} once, then
 * {@link #close} (which also kills a process that was never awaited).
 */
final class ParserProcess implements AutoCloseable {

    /** How a run ended. */
    sealed interface Outcome {
    }

    /** The parser ran; {@code output} is all it printed. */
    record Completed(int exitCode, String output) implements Outcome {
    }

    /** The program is not there. */
    record Missing(String program) implements Outcome {
    }

    /** It took longer than the time it was given and was killed. */
    record TimedOut(Duration timeout) implements Outcome {
    }

    /** Something else went wrong starting or reading it. */
    record Failed(String reason) implements Outcome {
    }

    private final Process process;
    private final Path input;
    private final Path output;
    private final Outcome early;

    private ParserProcess(Process process, Path input, Path output, Outcome early) {
        this.process = process;
        this.input = input;
        this.output = output;
        this.early = early;
    }

    /** Starts {@code command} with {@code stdin} as its input; does not wait. */
    static ParserProcess start(List<String> command, String stdin) {
        Path in = null;
        Path out = null;
        try {
            in = Files.createTempFile("spawnai-syntax-", ".in");
            out = Files.createTempFile("spawnai-syntax-", ".out");
            Files.writeString(in, stdin, StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out.toFile())
                    .redirectErrorStream(true);
            String path = System.getenv("PATH");
            pb.environment().clear();
            pb.environment().put("PATH", path == null ? "/usr/local/bin:/usr/bin:/bin" : path);
            pb.environment().put("LANG", "C.UTF-8");
            return new ParserProcess(pb.start(), in, out, null);
        } catch (IOException e) {
            deleteQuietly(in);
            deleteQuietly(out);
            boolean missing = e.getMessage() != null && e.getMessage().contains("error=2");
            return new ParserProcess(null, null, null, missing ? new Missing(command.get(0))
                    : new Failed(e.getMessage()));
        }
    }

    /** Waits at most {@code timeout} for the parser to finish; kills it when it takes longer. */
    Outcome await(Duration timeout) throws InterruptedException {
        if (early != null) {
            return early;
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            return new TimedOut(timeout);
        }
        try {
            return new Completed(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Failed("cannot read the parser's output: " + e.getMessage());
        }
    }

    /** Kills the process if it still runs and removes the temporary files; idempotent. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
        deleteQuietly(input);
        deleteQuietly(output);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
