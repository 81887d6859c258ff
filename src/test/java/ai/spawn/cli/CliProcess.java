package ai.spawn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ai.spawn.SpawnAiApplication;

/**
 * Runs the real {@code spawnai} command in a separate JVM, the way {@code ./spawnai} does (the jar's main class,
 * here from the test class path), with its own {@code XDG_CONFIG_HOME} and {@code SPAWNAI_SERVER}.
 */
final class CliProcess {

    private static final long MAX_SECONDS_PER_COMMAND = 180;

    private final String server;
    private final Path config;

    CliProcess(String server, Path config) {
        this.server = server;
        this.config = config;
    }

    Run run(String... args) throws IOException, InterruptedException {
        return run(List.of(), args);
    }

    Run run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SpawnAiApplication.class.getName()));
        command.addAll(List.of(args));
        return exec(command);
    }

    /** Runs {@code command} (a full command line) with this client's environment. */
    Run exec(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.remove("SPAWNAI_TOKEN");
        env.remove("SPAWNAI_DEBUG");
        env.put("SPAWNAI_SERVER", server);
        env.put("XDG_CONFIG_HOME", config.toString());
        Path out = Files.createTempFile(config, "out", ".txt");
        Path err = Files.createTempFile(config, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // a bound, so that a client that never ends fails the test instead of hanging the build
        if (!process.waitFor(MAX_SECONDS_PER_COMMAND, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end; stdout: " + Files.readString(out) + " stderr: "
                    + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** How a run of the command ended. */
    record Run(int exitCode, String out, String err) {

        String lastLine() {
            List<String> lines = out.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
