package ai.spawn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs {@link SpawnAiCli} in this JVM with captured streams, a fixed clock, a recording browser and an
 * environment of the test's choosing (not the process's).
 */
final class InProcessCli {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final Map<String, String> env = new HashMap<>();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private boolean tty;
    private String browserFailure;

    InProcessCli(String server, Path configHome) {
        if (server != null) {
            env.put("SPAWNAI_SERVER", server);
        }
        env.put("XDG_CONFIG_HOME", configHome.toString());
        env.put("HOME", configHome.resolve("home").toString());
    }

    InProcessCli env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    InProcessCli tty(boolean value) {
        tty = value;
        return this;
    }

    InProcessCli browserFails(String reason) {
        browserFailure = reason;
        return this;
    }

    List<String> opened() {
        return opened;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment.Browser browser = url -> {
            opened.add(url);
            if (browserFailure != null) {
                throw new IOException(browserFailure);
            }
        };
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true), tty,
                Map.copyOf(env), Clock.fixed(NOW, ZoneOffset.UTC), browser, Duration.ofMillis(5));
        int code = SpawnAiCli.run(environment, args);
        return new Result(code, out.toString(), err.toString());
    }

    /** What a run printed and how it ended. */
    record Result(int exitCode, String out, String err) {

        List<String> outLines() {
            return out.lines().toList();
        }
    }
}
