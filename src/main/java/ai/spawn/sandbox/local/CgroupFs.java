package ai.spawn.sandbox.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Reading and writing cgroup control files, shared by both cgroup strategies. Stateless. */
final class CgroupFs {

    private CgroupFs() {
    }

    static void mkdir(Path dir) {
        try {
            Files.createDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create cgroup " + dir, e);
        }
    }

    static void write(Path file, String value) {
        try {
            Files.writeString(file, value, StandardCharsets.US_ASCII, StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + value + " to " + file, e);
        }
    }

    /** The first number in {@code file}, or {@code fallback} when the file does not exist or holds no number. */
    static long readLong(Path file, long fallback) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            int end = 0;
            while (end < text.length() && Character.isDigit(text.charAt(end))) {
                end++;
            }
            return end == 0 ? fallback : Long.parseLong(text.substring(0, end));
        } catch (NoSuchFileException e) {
            return fallback;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first word in {@code file}, or {@code fallback} when the file does not exist or is empty. */
    static String readWord(Path file, String fallback) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? fallback : text.split("\\s+", 2)[0];
        } catch (NoSuchFileException e) {
            return fallback;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of {@code key} in a flat-keyed file such as {@code cpu.stat}, or {@code fallback}. */
    static long readKey(Path file, String key, long fallback) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.US_ASCII)) {
            return lines.map(l -> l.split(" "))
                    .filter(kv -> kv.length == 2 && kv[0].equals(key))
                    .mapToLong(kv -> Long.parseLong(kv[1].trim()))
                    .findFirst().orElse(fallback);
        } catch (NoSuchFileException e) {
            return fallback;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pids listed in a {@code cgroup.procs} file; empty when it does not exist. */
    static Set<Long> readPids(Path procs) {
        Set<Long> pids = new HashSet<>();
        try (Stream<String> lines = Files.lines(procs, StandardCharsets.US_ASCII)) {
            lines.map(String::trim).filter(l -> !l.isEmpty()).forEach(l -> pids.add(Long.parseLong(l)));
        } catch (NoSuchFileException e) {
            return Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }

    /**
     * SIGKILL for the processes of one sandbox, innermost first: a process whose parent is outside the set (the
     * {@code bwrap} that the JVM started) is spared while it still has children in the set, so that it reaps them
     * and nothing is orphaned to an init that may not reap. Callers repeat until the set is empty; the spared
     * process exits on its own once its child is gone, or is killed in a later round.
     */
    static void killAll(Set<Long> pids) {
        Map<Long, Long> parents = new HashMap<>();
        for (long pid : pids) {
            ProcessHandle.of(pid).flatMap(ProcessHandle::parent).ifPresent(p -> parents.put(pid, p.pid()));
        }
        Set<Long> withChildren = new HashSet<>(parents.values());
        for (long pid : pids) {
            boolean inner = pids.contains(parents.get(pid));
            if (inner || !withChildren.contains(pid)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /** Removes a cgroup directory; {@code true} when it is gone, {@code false} while processes still hold it. */
    static boolean rmdir(Path dir) {
        try {
            Files.deleteIfExists(dir);
            return true;
        } catch (IOException e) {
            // the kernel answers EBUSY while a dying process is still accounted to the cgroup
            return false;
        }
    }

    /** Sandbox cgroup names under {@code parent}. */
    static Set<String> children(Path parent) {
        Set<String> names = new HashSet<>();
        try (Stream<Path> dirs = Files.list(parent)) {
            dirs.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(SandboxIds::isValid)
                    .forEach(names::add);
        } catch (NoSuchFileException e) {
            return Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
