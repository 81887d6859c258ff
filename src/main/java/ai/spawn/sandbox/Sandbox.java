package ai.spawn.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One isolated environment with a writable workspace. Thread-safe. Every method except {@link #destroy()} throws
 * {@link SandboxNotFoundException} once the sandbox is destroyed.
 */
public interface Sandbox {

    /** Provider-unique id. */
    String id();

    /** The spec it was created with. */
    SandboxSpec spec();

    /**
     * Writes files into the workspace, creating directories; paths are relative and must stay inside it.
     *
     * @throws SandboxException when a path escapes the workspace or the workspace is full
     */
    void writeFiles(Map<String, String> files);

    /**
     * Runs a command in the workspace ({@code /bin/sh -c}) to completion, streaming its output lines.
     * The process is killed when {@code timeout} passes; the result then says so.
     */
    ExecResult exec(String command, Duration timeout, Consumer<String> output);

    /**
     * Starts the long-running app process ({@code /bin/sh -c command}) and exposes {@code port} to the host.
     * Returns once the process runs; does not wait for the port to answer. Replaces a previous app process.
     */
    void start(String command, int port);

    /** Where the host reaches the started app's port; only the gateway should connect to it. */
    SandboxEndpoint endpoint();

    /** Whether the app process started with {@link #start} is still running. */
    boolean isRunning();

    /** The last {@code max} lines the app process wrote to stdout/stderr, oldest first (a bounded buffer). */
    List<String> logs(int max);

    /** Resource usage so far. */
    SandboxUsage usage();

    /**
     * Calls {@code listener} once when the app process started by {@link #start} ends on its own (crash, OOM kill,
     * exit). Not called for {@link #destroy()} or when {@link #start} replaces the process. The listener runs on a
     * provider thread and must not block. A later call replaces the listener.
     */
    default void onExit(Consumer<ProcessExit> listener) {
    }

    /**
     * Freezes every process of the sandbox (no cpu; memory kept). Idempotent.
     *
     * @throws UnsupportedOperationException when the provider cannot pause
     */
    default void pause() {
        throw new UnsupportedOperationException("this sandbox cannot be paused");
    }

    /** Thaws a paused sandbox; returns once its processes run again. Idempotent. */
    default void resume() {
    }

    /** Whether the sandbox is paused. */
    default boolean isPaused() {
        return false;
    }

    /** Kills every process and removes everything the sandbox held. Idempotent. */
    void destroy();
}
