package ai.spawn.generation.blueprint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program on the host to check a generated file: {@code node -e}, {@code node --check}, {@code python3}. */
final class NodeRun {

    private NodeRun() {
    }

    /** Runs {@code node -e code} in {@code dir}; returns stdout, or fails with the output when it exits non-zero. */
    static String run(Path dir, String code) {
        return exec(dir, List.of("node", "-e", code));
    }

    /** Runs {@code command} in {@code dir}; returns its output, or fails with it when it exits non-zero. */
    static String exec(Path dir, List<String> command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish in 30 s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError(command + " exited with " + p.exitValue() + ":\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
