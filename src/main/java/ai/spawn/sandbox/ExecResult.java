package ai.spawn.sandbox;

import java.util.List;

/**
 * The outcome of {@link Sandbox#exec}.
 *
 * @param exitCode      the process's exit code (-1 when killed on timeout)
 * @param timedOut      whether the timeout killed it
 * @param lastLines     the last output lines, oldest first (bounded)
 * @param durationMillis wall time
 */
public record ExecResult(int exitCode, boolean timedOut, List<String> lastLines, long durationMillis) {

    public ExecResult {
        lastLines = List.copyOf(lastLines);
    }

    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }
}
