package ai.spawn.sandbox.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The {@code tar -x} that unpacks {@link LocalSandbox#writeFiles} archives inside a sandbox, and its warm variant:
 * for a pooled sandbox it is started ahead (bwrap and all, with no environment: tar needs none), waiting on its
 * stdin, so the first {@code writeFiles} after a hand-over only streams the archive. Stateless.
 */
final class WarmWriter {

    private static final Logger log = LoggerFactory.getLogger(WarmWriter.class);

    private WarmWriter() {
    }

    /** The command that unpacks a tar archive from stdin into the workspace. */
    static List<String> untar(HostTools tools) {
        return List.of(tools.tar().toString(), "-x", "-f", "-", "--no-same-owner");
    }

    /** Lets an unused writer end: it reads an empty archive and exits (teardown kills it if it does not). */
    static void dismiss(Process writer) {
        try {
            writer.getOutputStream().close();
        } catch (IOException e) {
            log.debug("closing an unused warm writer failed: {}", e.toString());
        }
    }

    /** Starts the writer in {@code target}; {@code null} when it cannot (the first write then starts its own). */
    static Process start(LocalSandbox.Context context, String sandboxId, BwrapCommand.Target target) {
        return context.launcher().startAhead(() -> ProcessLauncher.builder(
                        context.bwrap().argv(target, false, Map.of(), untar(context.tools())))
                .redirectInput(ProcessBuilder.Redirect.PIPE), "warm writer for sandbox " + sandboxId);
    }
}
