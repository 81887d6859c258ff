package ai.spawn.sandbox.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a sandbox's app process is launched: a bwrap chain ({@link BwrapCommand}, with the run directory) whose
 * innermost process is {@code sh -s}, reading its script from a pipe. The script exports the app's environment,
 * starts the socket forwarder and {@code exec}s the app's command.
 *
 * <p>Splitting the chain from its script is what lets the warm pool launch the chain ahead: the {@code sh} →
 * {@code setpriv} → {@code bwrap} → {@code sh} execs (tens of ms in this VM, see docs/BENCHMARKS.md "Spawn") happen
 * while the sandbox waits in the pool, and a hand-over's {@code start()} only writes the script, leaving one
 * {@code exec} of the command. A sandbox without a warm chain launches one and writes the script at once: the same
 * path, nothing done ahead. Environment values travel in the script single-quoted (every byte but NUL, which no
 * environment can hold, survives); names are checked as {@code bwrap --setenv} names are
 * ({@link BwrapCommand#requireEnvName}). Stateless.
 */
final class AppLaunch {

    /** The chain's innermost command: a shell that runs what it reads on stdin. */
    private static final List<String> SHELL = List.of("/bin/sh", "-s");

    private AppLaunch() {
    }

    /** A builder for the chain in {@code target}, its stdin a pipe for the script. */
    static ProcessBuilder chain(BwrapCommand bwrap, BwrapCommand.Target target) {
        return ProcessLauncher.builder(bwrap.argv(target, true, Map.of(), SHELL))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
    }

    /**
     * Launches a chain ahead for a pooled sandbox; {@code null} when it cannot (the first {@code start()} then
     * launches its own).
     */
    static Process prelaunch(LocalSandbox.Context context, String sandboxId, BwrapCommand.Target target) {
        return context.launcher().startAhead(() -> chain(context.bwrap(), target),
                "warm app chain for sandbox " + sandboxId);
    }

    /**
     * The script that runs {@code command} listening on {@code port}: exports {@code env} and {@code PORT}, starts
     * socat forwarding the run directory's socket to the port, then {@code exec}s the command in a shell.
     *
     * @throws IllegalArgumentException for an invalid variable name
     */
    static String script(Map<String, String> env, int port, String command) {
        Map<String, String> all = new TreeMap<>(env);
        all.put("PORT", Integer.toString(port));
        StringBuilder script = new StringBuilder();
        all.forEach((name, value) -> script.append("export ").append(BwrapCommand.requireEnvName(name)).append('=')
                .append(quote(value)).append('\n'));
        // socat options (measured with bench/gateway): -b 65536, its 8 KiB default costs ~2.5x the cpu on large
        // bodies; backlog=128, its default 5 refuses bursts of new connections (EAGAIN on a unix socket); nodelay,
        // else a request body written apart from its head waits for the app's delayed ack (~40 ms)
        script.append("socat -b 65536 UNIX-LISTEN:").append(BwrapCommand.RUN_DIR).append('/')
                .append(SandboxDirs.SOCKET).append(",fork,backlog=128,mode=600,unlink-early TCP:127.0.0.1:")
                .append(port).append(",nodelay </dev/null 2>/dev/null &\n");
        script.append("exec /bin/sh -c ").append(quote(command)).append(" spawnai-app </dev/null\n");
        return script.toString();
    }

    /**
     * Gives a launched chain its script and closes its stdin: the shell runs it and ends with the command.
     *
     * @throws IOException when the chain no longer reads (it ended)
     */
    static void hand(Process chain, String script) throws IOException {
        try (OutputStream in = chain.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code value} as one single-quoted shell word. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
