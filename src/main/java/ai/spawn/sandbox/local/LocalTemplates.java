package ai.spawn.sandbox.local;

import ai.spawn.sandbox.SandboxException;
import ai.spawn.sandbox.SandboxTemplates;
import ai.spawn.sandbox.TemplateProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local provider's templates: one directory per built version under {@code {dataDir}/templates}
 * ({@code node-<version>}), mounted read-only at {@code /opt/template} for install commands. A version is complete
 * once its directory exists (it is moved into place whole). Older versions stay on disk.
 *
 * <p>Thread-safe: at most one build per template runs at a time; callers asking for a template being built wait
 * for it. A failed lazy build is not retried for {@link #RETRY_AFTER}, so a registry outage does not make every
 * install wait for a doomed build.
 */
final class LocalTemplates implements SandboxTemplates {

    static final Duration RETRY_AFTER = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(LocalTemplates.class);

    private final Path root;
    private final Map<String, TemplateDefinition> definitions = new LinkedHashMap<>();
    private final TemplateBuild build;
    private final boolean lazy;
    private final boolean seedNodeModules;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, Long> failedAt = new ConcurrentHashMap<>();

    LocalTemplates(Path root, TemplateProperties properties, TemplateBuild build) {
        this.root = root;
        this.build = build;
        this.lazy = properties.lazyBuild();
        this.seedNodeModules = properties.node().seedNodeModules();
        TemplateDefinition.all(properties).forEach(d -> definitions.put(d.name(), d));
        try {
            Files.createDirectories(root);
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            removeAbandonedBuilds();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root, e);
        }
    }

    /** Removes what builds that died half-way left (older than an hour, so a build running elsewhere is spared). */
    private void removeAbandonedBuilds() throws IOException {
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        try (Stream<Path> entries = Files.list(root)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && (name.contains(".tmp-") || name.contains(".old-"))
                        && Files.getLastModifiedTime(p).toInstant().isBefore(hourAgo)) {
                    TemplateFiles.deleteTree(p);
                }
            }
        }
    }

    /**
     * The directory of the current version of template {@code name}, built first when it is missing and lazy
     * builds are on. Empty for a name that is no template or one with nothing to install ({@code static}), when the
     * version is missing and lazy builds are off, or when building failed (logged).
     */
    Optional<Path> ready(String name) {
        TemplateDefinition definition = definitions.get(name);
        if (definition == null || definition.installer().equals("none")) {
            return Optional.empty();
        }
        Path dir = root.resolve(definition.directoryName());
        if (Files.isDirectory(dir)) {
            return Optional.of(dir);
        }
        if (!lazy) {
            log.debug("template {} version {} is not built and lazy builds are off", name, definition.version());
            return Optional.empty();
        }
        synchronized (lock(name)) {
            if (Files.isDirectory(dir)) {
                return Optional.of(dir);
            }
            Long failed = failedAt.get(name);
            if (failed != null && System.nanoTime() - failed < RETRY_AFTER.toNanos()) {
                return Optional.empty();
            }
            try {
                log.info("building template {} version {} on first use", name, definition.version());
                build.run(definition, dir);
                failedAt.remove(name);
                return Optional.of(dir);
            } catch (SandboxException | UncheckedIOException e) {
                failedAt.put(name, System.nanoTime());
                log.warn("template {} could not be built; installs run without it for {}: {}", name, RETRY_AFTER,
                        e.getMessage());
                return Optional.empty();
            }
        }
    }

    /** Whether npm installs start from the node template's installed trees (see {@link ExecEnvironment}). */
    boolean seedsNodeModules() {
        return seedNodeModules;
    }

    @Override
    public List<TemplateStatus> build(boolean force) {
        List<TemplateStatus> statuses = new ArrayList<>();
        for (TemplateDefinition definition : definitions.values()) {
            Path dir = root.resolve(definition.directoryName());
            boolean built = false;
            synchronized (lock(definition.name())) {
                if (force || !Files.isDirectory(dir)) {
                    try {
                        build.run(definition, dir);
                    } catch (UncheckedIOException e) {
                        throw new SandboxException(null, e.getMessage(), e);
                    }
                    failedAt.remove(definition.name());
                    built = true;
                }
            }
            statuses.add(new TemplateStatus(definition.name(), definition.version(), built,
                    describe(definition, dir)));
        }
        return statuses;
    }

    private static String describe(TemplateDefinition definition, Path dir) {
        String content = definition.packages().isEmpty() ? "no packages"
                : definition.packages().size() + " packages (" + String.join(", ", definition.packages()) + ")";
        return content + " in " + dir;
    }

    private Object lock(String name) {
        return locks.computeIfAbsent(name, n -> new Object());
    }
}
