package ai.spawn.sandbox.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The file work of a template build on the host: copying what a build sandbox wrote into the template without ever
 * following a link the sandbox made, making the result readable to every sandbox, and swapping it into place.
 * Stateless; thread-safe.
 */
final class TemplateFiles {

    private static final Logger log = LoggerFactory.getLogger(TemplateFiles.class);
    private static final String DIRECTORY = "rwxr-xr-x";
    private static final String EXECUTABLE = "rwxr-xr-x";
    private static final String REGULAR = "rw-r--r--";

    private TemplateFiles() {
    }

    /** Copies regular files and directories only: the sandbox wrote the source, so links are never followed. */
    static void copyRegularFiles(Path from, Path to) throws IOException {
        copy(from, to, false);
    }

    /**
     * Copies directories, regular files (keeping whether they are executable) and the relative symbolic links
     * whose target, read as a path, stays inside {@code from} (npm's {@code node_modules/.bin} links): an installed
     * tree. Other links and special files are left out; links are copied as links, never followed. Keeping links
     * inside the tree keeps it self-contained; it is no security boundary (the host never follows these links, and
     * a sandbox resolves them in its own mount namespace).
     */
    static void copyTree(Path from, Path to) throws IOException {
        copy(from, to, true);
    }

    private static void copy(Path from, Path to, boolean innerLinks) throws IOException {
        if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("the build left no " + from.getFileName());
        }
        Path root = from.toAbsolutePath().normalize();
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (attrs.isRegularFile()) {
                    Files.copy(file, target, LinkOption.NOFOLLOW_LINKS);
                } else if (attrs.isSymbolicLink() && innerLinks) {
                    Path link = Files.readSymbolicLink(file);
                    Path resolved = file.toAbsolutePath().getParent().resolve(link).normalize();
                    if (!link.isAbsolute() && resolved.startsWith(root) && !resolved.equals(root)) {
                        Files.createSymbolicLink(target, link);
                    } else {
                        log.debug("template build: link {} -> {} points outside the tree; left out", file, link);
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Makes directories {@code rwxr-xr-x}, executable files {@code rwxr-xr-x} and other files {@code rw-r--r--};
     * links are left alone (changing one would change its target).
     */
    static void makeReadable(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attrs.isDirectory()) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(DIRECTORY));
                } else if (attrs.isRegularFile()) {
                    boolean executable = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)
                            .contains(PosixFilePermission.OWNER_EXECUTE);
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(executable ? EXECUTABLE
                            : REGULAR));
                }
            }
        }
    }

    /** Moves {@code tmp} to {@code target} in one rename, replacing (then deleting) what was there. */
    static void replace(Path tmp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + Long.toHexString(System.nanoTime()));
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Deletes {@code root} and everything under it, links as links; failures are logged. */
    static void deleteTree(Path root) {
        try {
            FileSystemUtils.deleteRecursively(root);
        } catch (IOException e) {
            log.warn("cannot remove {}: {}", root, e.toString());
        }
    }
}
