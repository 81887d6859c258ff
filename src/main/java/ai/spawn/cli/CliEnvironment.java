package ai.spawn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the commands may touch of the outside world: the streams, whether stdout is a terminal, environment
 * variables, the clock, the browser and the polling interval. {@code main} passes the real ones; tests their own.
 *
 * @param out          standard output: results
 * @param err          standard error: notes and errors
 * @param tty          whether to draw a live progress bar rather than plain lines
 * @param env          environment variables ({@code SPAWNAI_SERVER}, {@code SPAWNAI_TOKEN},
 *                     {@code XDG_CONFIG_HOME}, {@code HOME})
 * @param clock        for "expires in"
 * @param browser      opens URLs for {@code --open}
 * @param pollInterval between two polls of {@code logs --follow}
 */
record CliEnvironment(PrintWriter out, PrintWriter err, boolean tty, Map<String, String> env, Clock clock,
                      Browser browser, Duration pollInterval) {

    /** The process's own streams, environment and clock. */
    static CliEnvironment system() {
        return new CliEnvironment(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                System.console() != null, System.getenv(), Clock.systemDefaultZone(), Browser.system(),
                Duration.ofSeconds(1));
    }

    /** {@code $XDG_CONFIG_HOME/spawnai}, else {@code ~/.config/spawnai}. */
    Path configDir() {
        String xdg = env.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "spawnai");
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".config", "spawnai");
    }

    /** Opens a URL in the user's browser. */
    @FunctionalInterface
    interface Browser {

        /** Opens {@code url}; throws when no browser could be started. */
        void open(String url) throws IOException;

        /** {@code open} on macOS, {@code xdg-open} elsewhere. */
        static Browser system() {
            return url -> {
                String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
                String opener = os.contains("mac") ? "open" : "xdg-open";
                Process p = new ProcessBuilder(opener, url).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                try {
                    if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() != 0) {
                        throw new IOException(opener + " exited with " + p.exitValue());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
        }
    }
}
