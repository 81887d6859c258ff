package ai.spawn.sandbox.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Start-up checks of the local provider, each failing with a message that says how to fix it. Stateless.
 */
final class Prerequisites {

    private static final String INSTALL = "install them with: apt-get install -y bubblewrap util-linux socat tar";

    private Prerequisites() {
    }

    /**
     * Finds the host programs (in {@code searchPath}, a {@code PATH}-style list) and checks that this process may
     * use them.
     *
     * @throws IllegalStateException listing every problem found
     */
    static HostTools check(String searchPath, int uid) {
        List<String> problems = new ArrayList<>();
        if (uid <= 0) {
            problems.add("spawnai.sandbox.uid must be an unprivileged uid (not " + uid + ")");
        }
        String arch = System.getProperty("os.arch");
        if (!List.of("amd64", "x86_64").contains(arch)) {
            problems.add("the local provider's seccomp filter knows the x86_64 system calls only; this host is "
                    + arch + ". Run SpawnAI on x86_64, or set spawnai.sandbox.provider to another provider");
        }
        long processUid = effectiveUid();
        if (processUid != 0) {
            problems.add("the local sandbox provider must run as root (this process runs as uid " + processUid
                    + "): it mounts a size-limited tmpfs per workspace, creates cgroups and then drops to uid " + uid
                    + " before starting bubblewrap. Running it unprivileged would need unprivileged user namespaces"
                    + " plus a delegated cgroup v2 subtree (systemd Delegate=yes) and another way to limit the"
                    + " workspace size, which is not implemented. Run SpawnAI as root, or set"
                    + " spawnai.sandbox.provider to another provider");
        }
        Set<String> missing = new LinkedHashSet<>();
        Path sh = find("sh", searchPath, missing);
        Path setpriv = find("setpriv", searchPath, missing);
        Path bwrap = find("bwrap", searchPath, missing);
        Path socat = find("socat", searchPath, missing);
        Path tar = find("tar", searchPath, missing);
        Path mount = find("mount", searchPath, missing);
        Path umount = find("umount", searchPath, missing);
        if (!missing.isEmpty()) {
            problems.add("missing programs " + missing + "; " + INSTALL);
        }
        for (Path inside : Stream.of(socat, tar).filter(p -> p != null).toList()) {
            if (!realPath(inside).startsWith("/usr/")) {
                problems.add(inside + " must live under /usr to be usable inside a sandbox; " + INSTALL);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(message(problems));
        }
        return new HostTools(sh, setpriv, bwrap, socat, tar, mount, umount,
                find("mkfs.ext4", searchPath, new LinkedHashSet<>()));
    }

    /**
     * Checks that {@code uid} can reach {@code dir}: bubblewrap runs as that uid and must open the directories it
     * binds into a sandbox.
     */
    static void checkSearchable(Path dir, int uid) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                int owner = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                boolean searchable = perms.contains(PosixFilePermission.OTHERS_EXECUTE)
                        || owner == uid && perms.contains(PosixFilePermission.OWNER_EXECUTE);
                if (!searchable) {
                    throw new IllegalStateException(message(List.of("uid " + uid + " cannot enter " + p
                            + ", so bubblewrap cannot bind " + dir + " into sandboxes: run chmod o+x " + p
                            + " or put spawnai.data-dir somewhere every user can enter")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String message(List<String> problems) {
        return "The local sandbox provider cannot start:\n - " + String.join("\n - ", problems);
    }

    private static Path find(String program, String searchPath, Set<String> missing) {
        Optional<Path> found = Stream.of(searchPath.split(":"))
                .filter(d -> !d.isBlank())
                .map(d -> Path.of(d, program))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            missing.add(program);
        }
        return found.map(p -> p.toAbsolutePath().normalize()).orElse(null);
    }

    private static String realPath(Path p) {
        try {
            return p.toRealPath().toString();
        } catch (IOException e) {
            return p.toString();
        }
    }

    private static long effectiveUid() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("Uid:"))
                    .map(l -> Long.parseLong(l.split("\\s+")[2]))
                    .findFirst().orElse(-1L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
