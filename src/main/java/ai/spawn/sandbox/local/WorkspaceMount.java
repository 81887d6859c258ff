package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxProperties;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A workspace's size-limited file system, mounted on the host (owned by the sandbox uid, mode 0700, nosuid, nodev)
 * on the sandbox's workspace directory. {@link SandboxProperties.Workspace#DISK}: an ext4 file system (no journal,
 * no reserved blocks) in a sparse image file next to that directory, loop-mounted (the loop device goes with the
 * unmount); its files are page cache the kernel can write back, so they do not pin the sandbox's memory and a full
 * disk is {@code ENOSPC} whatever the memory limit. {@link SandboxProperties.Workspace#MEMORY}: a tmpfs with the
 * source name {@code spawnai-workspace} (no id: an app reads its mount table), quicker to make but held in memory.
 * Uses the host's {@code mkfs.ext4},
 * {@code mount} and {@code umount} (Java has no mount call). Thread-safe.
 */
final class WorkspaceMount {

    /** The image file of a disk-backed workspace, in the sandbox's directory (never bound into the sandbox). */
    static final String IMAGE = "workspace.img";
    /** Size of the run directory's tmpfs: two sockets need none; a few files more are harmless. */
    static final long RUN_BYTES = 1L << 20;
    static final int RUN_INODES = 64;
    private static final long TIMEOUT_SECONDS = 10;

    private final HostTools tools;
    private final int uid;
    private final SandboxProperties.Workspace kind;

    WorkspaceMount(HostTools tools, int uid, SandboxProperties.Workspace kind) {
        if (kind == SandboxProperties.Workspace.DISK && tools.mkfs() == null) {
            throw new IllegalStateException(Prerequisites.message(List.of("mkfs.ext4 is missing: disk-backed"
                    + " workspaces need it (apt-get install -y e2fsprogs), or set spawnai.sandbox.workspace=memory")));
        }
        this.tools = tools;
        this.uid = uid;
        this.kind = kind;
    }

    /** Makes and mounts a workspace of {@code size} on {@code dir}. */
    void mount(Path dir, DataSize size) throws IOException {
        if (kind == SandboxProperties.Workspace.MEMORY) {
            String options = "size=" + size.toBytes() + ",mode=0700,uid=" + uid + ",gid=" + uid + ",nosuid,nodev";
            run(List.of(tools.mount().toString(), "-t", "tmpfs", "-o", options, "spawnai-workspace",
                    dir.toString()));
            return;
        }
        Path image = dir.resolveSibling(IMAGE);
        try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
            file.setLength(size.toBytes()); // sparse: only what the sandbox writes takes host disk
        }
        Files.setPosixFilePermissions(image, PosixFilePermissions.fromString("rw-------"));
        run(List.of(tools.mkfs().toString(), "-q", "-F", "-m", "0", "-O", "^has_journal",
                "-E", "lazy_itable_init=1,lazy_journal_init=1,nodiscard,root_owner=" + uid + ":" + uid,
                image.toString()));
        run(List.of(tools.mount().toString(), "-t", "ext4", "-o", "loop,nosuid,nodev,noatime",
                image.toString(), dir.toString()));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Files.deleteIfExists(dir.resolve("lost+found"));
    }

    /**
     * Mounts the run directory's tmpfs on {@code dir}: {@value #RUN_BYTES} bytes and {@value #RUN_INODES} inodes,
     * owned by the sandbox uid, mode 0700, nosuid, nodev, noexec. The app writes its sockets there (and may write
     * anything else): without a file system of its own the directory was unlimited host disk.
     */
    void mountRun(Path dir) throws IOException {
        String options = "size=" + RUN_BYTES + ",nr_inodes=" + RUN_INODES + ",mode=0700,uid=" + uid + ",gid=" + uid
                + ",nosuid,nodev,noexec";
        run(List.of(tools.mount().toString(), "-t", "tmpfs", "-o", options, "spawnai-run",
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
