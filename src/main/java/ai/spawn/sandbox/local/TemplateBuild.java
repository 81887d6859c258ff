package ai.spawn.sandbox.local;

import ai.spawn.sandbox.ExecResult;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxException;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * Builds one template version into its directory. Packages are fetched by the package manager itself running in a
 * throwaway sandbox whose only way out is the egress proxy, exactly like an app's install: the build executes
 * third-party code paths of npm/pip and the registry's content, so it gets no more trust than an app. The host then
 * copies the resulting cache out of the sandbox's workspace (regular files only, never following links) into a new
 * directory, made readable to every sandbox and moved into place in one rename. Stateless; thread-safe.
 */
final class TemplateBuild {

    /** The template name build sandboxes are created with: it has no template of its own. */
    static final String BUILDER = "template-build";
    static final String MARKER = "template.json";
    static final String NPM_CACHE = "npm-cache";
    static final String WHEELS = "wheels";

    private static final Logger log = LoggerFactory.getLogger(TemplateBuild.class);
    private static final SandboxLimits LIMITS =
            new SandboxLimits(DataSize.ofGigabytes(1), 256, 1000, DataSize.ofGigabytes(1));

    /** Where builds get their sandboxes. */
    interface Sandboxes {
        Sandbox create(SandboxSpec spec);

        /** The host directory of a sandbox's workspace. */
        Path workspace(String sandboxId);

        /** Whether installs in sandboxes can reach the registries at all. */
        boolean hasEgress();
    }

    private final Sandboxes sandboxes;
    private final Duration timeout;

    TemplateBuild(Sandboxes sandboxes, Duration timeout) {
        this.sandboxes = sandboxes;
        this.timeout = timeout;
    }

    /**
     * Builds {@code definition} into {@code target} (replacing what is there).
     *
     * @throws SandboxException when fetching the packages fails
     * @throws UncheckedIOException when the template's files cannot be written
     */
    void run(TemplateDefinition definition, Path target) {
        long started = System.nanoTime();
        Path parent = target.getParent();
        Path tmp = parent.resolve("." + target.getFileName() + ".tmp-" + Long.toHexString(System.nanoTime()));
        try {
            Files.createDirectories(tmp);
            if (!definition.packages().isEmpty()) {
                fetch(definition, tmp);
            }
            if (definition.npmrc() != null) {
                Files.writeString(tmp.resolve("npmrc"), definition.npmrc());
            }
            Files.writeString(tmp.resolve(MARKER), describe(definition));
            makeReadable(tmp);
            replace(tmp, target);
            log.info("template {} version {} built in {} ms: {}", definition.name(), definition.version(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write template " + definition.directoryName(), e);
        } finally {
            deleteTree(tmp);
        }
    }

    private void fetch(TemplateDefinition definition, Path tmp) throws IOException {
        if (!sandboxes.hasEgress()) {
            throw new SandboxException(null, "template " + definition.name() + " has packages to fetch, but the"
                    + " egress proxy is off (spawnai.egress.enabled=false)");
        }
        String command;
        String output;
        String into;
        switch (definition.installer()) {
            case "npm" -> {
                command = npmCommand(definition.packages());
                output = "cache/_cacache";
                into = NPM_CACHE + "/_cacache";
            }
            case "pip" -> {
                command = "python3 -m pip download --no-input --disable-pip-version-check --dest "
                        + BwrapCommand.APP_DIR + "/" + WHEELS + " " + quoted(definition.packages());
                output = WHEELS;
                into = WHEELS;
            }
            default -> throw new IllegalArgumentException("template " + definition.name() + " installs nothing");
        }
        Sandbox sandbox = sandboxes.create(new SandboxSpec("spawnai-template-" + definition.name(), BUILDER,
                LIMITS, Map.of()));
        try {
            ExecResult result = sandbox.exec(command, timeout, line -> log.debug("template {}: {}",
                    definition.name(), line));
            List<String> lines = result.lastLines();
            if (!result.succeeded()) {
                throw new SandboxException(sandbox.id(), "building template " + definition.name() + " failed"
                        + (result.timedOut() ? " (timed out after " + timeout.toSeconds() + " s)"
                        : " (exit code " + result.exitCode() + ")") + ": "
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            }
            Path from = sandboxes.workspace(sandbox.id()).resolve(output);
            if (output.endsWith("_cacache")) {
                for (String part : List.of("index-v5", "content-v2")) {
                    copyRegularFiles(from.resolve(part), tmp.resolve(into).resolve(part));
                }
            } else {
                copyRegularFiles(from, tmp.resolve(into));
            }
        } finally {
            sandbox.destroy();
        }
    }

    /**
     * One {@code npm install} per package, each in its own directory and all into one cache in the workspace, with
     * no lifecycle scripts. Separately, because npm deduplicates a shared tree: installed together, two packages
     * may settle on an older version of a common dependency than either picks alone, and an app installing just
     * one of them would then miss the newer one in the cache.
     */
    static String npmCommand(List<String> packages) {
        return "set -e; n=0; for spec in " + quoted(packages) + "; do n=$((n+1)); mkdir -p build/$n; cd build/$n;"
                + " echo '{\"name\":\"spawnai-template\",\"version\":\"1.0.0\",\"private\":true}' > package.json;"
                + " npm install --cache " + BwrapCommand.APP_DIR + "/cache --no-audit --no-fund --no-update-notifier"
                + " --ignore-scripts --no-package-lock --loglevel=warn \"$spec\"; cd ../..; done";
    }

    static String quoted(List<String> words) {
        return words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }

    private static String describe(TemplateDefinition d) {
        String packages = d.packages().stream().map(p -> "\"" + p.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(", "));
        return "{\"name\": \"" + d.name() + "\", \"version\": \"" + d.version() + "\", \"recipe\": "
                + TemplateDefinition.RECIPE + ", \"installer\": \"" + d.installer() + "\", \"packages\": ["
                + packages + "], \"builtAt\": \"" + Instant.now() + "\"}\n";
    }

    /** Copies regular files and directories only: the sandbox wrote the source, so links are never followed. */
    private static void copyRegularFiles(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("the build left no " + from.getFileName());
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void makeReadable(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    private static void replace(Path tmp, Path target) throws IOException {
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

    static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("cannot remove {}: {}", root, e.toString());
        }
    }
}
