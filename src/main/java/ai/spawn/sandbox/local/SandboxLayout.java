package ai.spawn.sandbox.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The local provider's files under the data directory: {@code sandboxes/{id}/{workspace,run}}, the read-only
 * {@code tools} directory ({@code /opt/spawnai} inside: the static file server and the node preload of
 * {@link DirectSocket}), {@code sandbox-etc}, the few {@code /etc} files a
 * sandbox gets (users, hosts, name service), and {@code seccomp.bpf}, the compiled {@link SeccompFilter}.
 * Thread-safe.
 */
final class SandboxLayout {

    static final String STATIC_SERVER = "static-server.js";

    private final Path sandboxes;
    private final Path tools;
    private final Path etc;
    private final int uid;

    private SandboxLayout(Path dataDir, int uid) {
        Path base = dataDir.toAbsolutePath().normalize();
        this.sandboxes = base.resolve("sandboxes");
        this.tools = base.resolve("tools");
        this.etc = base.resolve("sandbox-etc");
        this.uid = uid;
    }

    /** Creates the directories, extracts the tools and writes the {@code /etc} files. */
    static final int MAX_SOCKET_PATH = 107;

    static SandboxLayout prepare(Path dataDir, int uid) {
        SandboxLayout layout = new SandboxLayout(dataDir, uid);
        layout.checkSocketPaths();
        try {
            Files.createDirectories(dataDir);
            Prerequisites.checkSearchable(dataDir, uid);
            layout.directory(layout.sandboxes, "rwx--x--x");
            layout.directory(layout.tools, "rwxr-xr-x");
            layout.directory(layout.etc, "rwxr-xr-x");
            for (String tool : List.of(STATIC_SERVER, DirectSocket.PRELOAD)) {
                try (InputStream content = SandboxLayout.class.getResourceAsStream(tool)) {
                    if (content == null) {
                        throw new IllegalStateException("resource " + tool + " is missing from the classpath");
                    }
                    layout.file(layout.tools.resolve(tool), content.readAllBytes());
                }
            }
            layout.file(layout.seccomp(), SeccompFilter.standard().bytes());
            layout.file(layout.empty(), new byte[0]);
            for (Map.Entry<String, String> f : layout.etcFiles().entrySet()) {
                layout.file(layout.etc.resolve(f.getKey()), f.getValue().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dataDir, e);
        }
        return layout;
    }

    Path tools() {
        return tools;
    }

    Path etc() {
        return etc;
    }

    /** An empty file, bound over the host-wide {@code /proc} files a sandbox must not read. */
    Path empty() {
        return tools.getParent().resolve("empty");
    }

    /** The seccomp filter; root opens it for {@code bwrap --seccomp}, the sandbox never sees it. */
    Path seccomp() {
        return tools.getParent().resolve("seccomp.bpf");
    }

    /**
     * Unix socket paths hold at most {@value #MAX_SOCKET_PATH} bytes: with a deeper data dir every app would answer
     * 502 until its health check timed out, so refuse it at start-up instead.
     */
    private void checkSocketPaths() {
        SandboxDirs sample = dirs("sbx-aaaaaaaaaa");
        int longest = Stream.of(sample.socket(), sample.directSocket(),
                        sample.root().resolve("egress").resolve(EgressLeases.SOCKET))
                .mapToInt(p -> p.toAbsolutePath().toString().length()).max().orElseThrow();
        if (longest > MAX_SOCKET_PATH) {
            throw new IllegalStateException(Prerequisites.message(List.of("the data dir "
                    + sandboxes.getParent() + " is too deep: sandbox sockets under it would be " + longest
                    + " bytes long, and unix sockets allow " + MAX_SOCKET_PATH + ". Use a spawnai.data-dir at most "
                    + (sandboxes.getParent().toString().length() - (longest - MAX_SOCKET_PATH))
                    + " characters long")));
        }
    }

    SandboxDirs dirs(String sandboxId) {
        Path root = sandboxes.resolve(sandboxId);
        return new SandboxDirs(root, root.resolve("workspace"), root.resolve("run"));
    }

    /** Creates the sandbox's directories; the workspace mount point stays root's until a tmpfs covers it. */
    SandboxDirs create(String sandboxId) throws IOException {
        SandboxDirs dirs = dirs(sandboxId);
        Files.createDirectory(dirs.root());
        Files.setPosixFilePermissions(dirs.root(), PosixFilePermissions.fromString("rwx--x--x"));
        Files.createDirectory(dirs.workspace());
        Files.setPosixFilePermissions(dirs.workspace(), PosixFilePermissions.fromString("rwx------"));
        Files.createDirectory(dirs.run());
        Files.setPosixFilePermissions(dirs.run(), PosixFilePermissions.fromString("rwx------"));
        Files.setAttribute(dirs.run(), "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(dirs.run(), "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        return dirs;
    }

    /** Ids of the sandbox directories on disk, including those a previous process left. */
    Set<String> ids() {
        Set<String> ids = new HashSet<>();
        try (Stream<Path> dirs = Files.list(sandboxes)) {
            dirs.map(p -> p.getFileName().toString()).filter(SandboxIds::isValid).forEach(ids::add);
        } catch (NoSuchFileException e) {
            return Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    /** File name inside {@code sandbox-etc} → its contents. */
    Map<String, String> etcFiles() {
        return Map.of(
                "passwd", "root:x:0:0:root:/root:/usr/sbin/nologin\n"
                        + "user:x:" + uid + ":" + uid + ":app:/home/user:/bin/sh\n"
                        + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n",
                "group", "root:x:0:\nuser:x:" + uid + ":\nnogroup:x:65534:\n",
                "hosts", "127.0.0.1 localhost sandbox\n::1 localhost ip6-localhost ip6-loopback\n",
                "nsswitch.conf", "passwd: files\ngroup: files\nshadow: files\nhosts: files\n");
    }

    private void directory(Path dir, String perms) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(perms));
    }

    private void file(Path file, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), ".", ".tmp");
        Files.write(tmp, content);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
