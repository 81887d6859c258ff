package ai.spawn.sandbox.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a local sandbox leaves on the host, for tests: its processes, cgroups, workspace mount, directory. Reads
 * the real {@code /sys/fs/cgroup} and {@code /proc}.
 */
final class Leftovers {

    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

    private final Path dataDir;

    Leftovers(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Pids in the sandbox's cgroups. */
    Set<Long> pids(String id) {
        Set<Long> pids = new HashSet<>();
        for (Path dir : cgroups(id)) {
            try {
                Files.readAllLines(dir.resolve("cgroup.procs")).forEach(l -> pids.add(Long.parseLong(l.trim())));
            } catch (IOException e) {
                // removed meanwhile
            }
        }
        return pids;
    }

    /** Every directory of the sandbox under this data dir's cgroup parent, in any hierarchy (v1 or v2). */
    List<Path> cgroups(String id) {
        String parent = BubblewrapSandboxProvider.parentCgroup(dataDir);
        try (Stream<Path> hierarchies = Files.list(CGROUPS)) {
            return Stream.concat(hierarchies, Stream.of(CGROUPS))
                    .map(h -> h.resolve(parent).resolve(id))
                    .filter(Files::isDirectory)
                    .distinct()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that nothing of the destroyed sandbox is left: processes, cgroups, mounts, files, listing. */
    void assertNoneOf(String id, Set<Long> pidsBefore, BubblewrapSandboxProvider provider) throws IOException {
        assertThat(pidsBefore).allMatch(Leftovers::isGoneOrZombie);
        assertThat(cgroups(id)).isEmpty();
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(id);
        assertThat(LocalLeftovers.loopDevices("/" + id + "/")).isEmpty();
        assertThat(dataDir.resolve("sandboxes").resolve(id)).doesNotExist();
        assertThat(provider.list()).doesNotContain(id);
    }

    /** A zombie runs nothing; it only waits for its parent (or init) to collect its exit status. */
    static boolean isGoneOrZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }
}
