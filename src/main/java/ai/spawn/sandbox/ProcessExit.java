package ai.spawn.sandbox;

import java.util.List;

/**
 * How a sandbox's app process ended on its own (not by {@link Sandbox#destroy()} or a restart).
 *
 * @param exitCode  exit code, or 128 + signal number when killed by a signal
 * @param reason    what the provider knows: {@code exited}, {@code oom-killed}, {@code pids-limit},
 *                  {@code disk-full}, {@code killed}
 * @param detail    a sentence for the user ("the app used more than its 256 MiB of memory and was stopped")
 * @param lastLines the last output lines
 */
public record ProcessExit(int exitCode, String reason, String detail, List<String> lastLines) {

    public ProcessExit {
        lastLines = List.copyOf(lastLines);
    }
}
