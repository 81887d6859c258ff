package ai.spawn.sandbox.local;

import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The size-limited tmpfs of a workspace, mounted on the host (owned by the sandbox uid, mode 0700, nosuid, nodev)
 * with the source name {@code spawnai-<id>} so that leftovers show in {@code /proc/mounts}. Uses the host's
 * {@code mount} and {@code umount} (Java has no mount call). Thread-safe.
 */
final class WorkspaceMount {

    private static final long TIMEOUT_SECONDS = 10;

    private final HostTools tools;
    private final int uid;

    WorkspaceMount(HostTools tools, int uid) {
        this.tools = tools;
        this.uid = uid;
    }

    void mount(String sandboxId, Path dir, DataSize size) throws IOException {
        String options = "size=" + size.toBytes() + ",mode=0700,uid=" + uid + ",gid=" + uid + ",nosuid,nodev";
        run(List.of(tools.mount().toString(), "-t", "tmpfs", "-o", options, "spawnai-" + sandboxId,
                dir.toString()));
    }

    /** Unmounts {@code dir} when something is mounted there; lazily when it is still busy. */
    void unmount(Path dir) throws IOException {
        if (!isMounted(dir)) {
            return;
        }
        try {
            run(List.of(tools.umount().toString(), dir.toString()));
        } catch (IOException busy) {
            if (isMounted(dir)) {
                run(List.of(tools.umount().toString(), "--lazy", dir.toString()));
            }
        }
    }

    /** Whether a file system is mounted on {@code dir} in this process's mount namespace. */
    static boolean isMounted(Path dir) {
        String target = dir.toAbsolutePath().normalize().toString();
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8)) {
            return lines.map(l -> l.split(" "))
                    .anyMatch(fields -> fields.length > 4 && unescape(fields[4]).equals(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** mountinfo writes space, tab, newline and backslash as octal escapes. */
    private static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length()) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void run(List<String> argv) throws IOException {
        Process process = ProcessLauncher.builder(argv).start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", argv) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + argv.get(0), e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", argv) + " failed (" + process.exitValue() + "): " + output);
        }
    }
}
