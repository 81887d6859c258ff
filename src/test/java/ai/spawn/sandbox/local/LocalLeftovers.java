package ai.spawn.sandbox.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What a local provider with a given data dir leaves on the host: sandbox dirs, cgroups, workspace mounts. */
final class LocalLeftovers {

    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

    private LocalLeftovers() {
    }

    /** Everything of sandbox {@code id}: its directory, its cgroups under any hierarchy, its workspace mount. */
    static List<String> of(Path dataDir, String id) {
        List<String> found = new ArrayList<>();
        if (Files.exists(dataDir.resolve("sandboxes").resolve(id))) {
            found.add("directory of " + id);
        }
        cgroups(dataDir).stream().filter(p -> p.getFileName().toString().equals(id))
                .forEach(p -> found.add("cgroup " + p));
        if (mounts().contains("/" + id + "/")) {
            found.add("workspace or run mount of " + id);
        }
        loopDevices("/" + id + "/").forEach(l -> found.add("loop device " + l));
        return found;
    }

    /** Every sandbox directory, cgroup and workspace mount of the provider with {@code dataDir}. */
    static List<String> all(Path dataDir) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(dataDir.resolve("sandboxes"))) {
            dirs.forEach(d -> found.add("directory " + d.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cgroups(dataDir).forEach(p -> found.add("cgroup " + p));
        for (String line : mounts().split("\n")) {
            if (line.contains(dataDir.toString())) {
                found.add("mount " + line);
            }
        }
        loopDevices(dataDir.toString()).forEach(l -> found.add("loop device " + l));
        return found;
    }

    /** Loop devices whose backing file's path contains {@code fragment} (a data dir, a sandbox id). */
    static List<String> loopDevices(String fragment) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> devices = Files.list(Path.of("/sys/block"))) {
            devices.filter(d -> d.getFileName().toString().startsWith("loop")).forEach(d -> {
                try {
                    Path backing = d.resolve("loop").resolve("backing_file");
                    if (Files.exists(backing) && Files.readString(backing).contains(fragment)) {
                        found.add(d.getFileName() + " " + Files.readString(backing).trim());
                    }
                } catch (IOException e) {
                    // detached meanwhile
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** How many processes are in sandbox {@code id}'s cgroups (its pids cgroup). */
    static int processes(Path dataDir, String id) {
        return (int) cgroups(dataDir).stream()
                .filter(p -> p.getFileName().toString().equals(id) && p.toString().contains("/pids/"))
                .mapToLong(p -> {
                    try {
                        return Files.readAllLines(p.resolve("cgroup.procs")).size();
                    } catch (IOException e) {
                        return 0;
                    }
                }).sum();
    }

    private static List<Path> cgroups(Path dataDir) {
        String parent = BubblewrapSandboxProvider.parentCgroup(dataDir);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> hierarchies = Files.list(CGROUPS)) {
            for (Path h : Stream.concat(hierarchies, Stream.of(CGROUPS)).toList()) {
                Path p = h.resolve(parent);
                if (Files.isDirectory(p)) {
                    try (Stream<Path> children = Files.list(p)) {
                        children.filter(Files::isDirectory)
                                .filter(c -> SandboxIds.isValid(c.getFileName().toString()))
                                .forEach(found::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static String mounts() {
        try {
            return Files.readString(Path.of("/proc/self/mounts"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
