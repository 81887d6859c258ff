package ai.spawn.sandbox.local;

import ai.spawn.sandbox.ExecResult;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxException;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * Builds one template version into its directory. Packages are fetched by the package manager itself running in a
 * throwaway sandbox whose only way out is the egress proxy, exactly like an app's install: the build executes
 * third-party code paths of npm/pip and the registry's content, so it gets no more trust than an app. The host then
 * copies the resulting cache (and for npm, each package's installed tree) out of the sandbox's workspace, never
 * following links ({@link TemplateFiles}), into a new directory, made readable to every sandbox and moved into place
 * in one rename. Stateless; thread-safe.
 */
final class TemplateBuild {

    /** The template name build sandboxes are created with: it has no template of its own. */
    static final String BUILDER = "template-build";
    /** The owner of a build's sandbox: held by the build's own run, never an orphan while it exists. */
    static final String OWNER_PREFIX = "spawnai-template-";

    /** Whether {@code spec} is a template build's sandbox. */
    static boolean builds(SandboxSpec spec) {
        return spec.owner().startsWith(OWNER_PREFIX);
    }
    static final String MARKER = "template.json";
    static final String NPM_CACHE = "npm-cache";
    static final String WHEELS = "wheels";
    /** One installed tree per node template package: {@code trees/<n>/{package.json,node_modules}}. */
    static final String TREES = "trees";
    /** The script that seeds a workspace's node_modules from {@link #TREES} (see {@link ExecEnvironment}). */
    static final String NPM_SEED = "npm-seed.cjs";
    /** The {@code npm} install commands find first on PATH: runs {@link #NPM_SEED} (see {@link ExecEnvironment}). */
    static final String NPM_SHIM = "bin/npm";
    private static final String NPM_SHIM_SCRIPT = "#!/bin/sh\nexec node \"${0%/*}/../" + NPM_SEED + "\" \"$@\"\n";

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
            TemplateFiles.makeReadable(tmp);
            TemplateFiles.replace(tmp, target);
            log.info("template {} version {} built in {} ms: {}", definition.name(), definition.version(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write template " + definition.directoryName(), e);
        } finally {
            TemplateFiles.deleteTree(tmp);
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
        Sandbox sandbox = sandboxes.create(new SandboxSpec(OWNER_PREFIX + definition.name(), BUILDER,
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
            Path workspace = sandboxes.workspace(sandbox.id());
            Path from = workspace.resolve(output);
            if (output.endsWith("_cacache")) {
                for (String part : List.of("index-v5", "content-v2")) {
                    TemplateFiles.copyRegularFiles(from.resolve(part), tmp.resolve(into).resolve(part));
                }
                copyTrees(definition, workspace, tmp);
            } else {
                TemplateFiles.copyRegularFiles(from, tmp.resolve(into));
            }
        } finally {
            sandbox.destroy();
        }
    }

    /**
     * Keeps what each package's {@code npm install} left, {@code build/<n>/package.json} and
     * {@code build/<n>/node_modules} (with npm's {@code .package-lock.json} of it), as {@code trees/<n>}, plus the
     * script that seeds workspaces from them and the {@code bin/npm} that runs it.
     */
    private static void copyTrees(TemplateDefinition definition, Path workspace, Path tmp) throws IOException {
        for (int n = 1; n <= definition.packages().size(); n++) {
            Path from = workspace.resolve("build").resolve(Integer.toString(n));
            Path to = tmp.resolve(TREES).resolve(Integer.toString(n));
            TemplateFiles.copyTree(from.resolve("node_modules"), to.resolve("node_modules"));
            Path manifest = from.resolve("package.json");
            if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("the build left no package.json for " + definition.packages().get(n - 1));
            }
            Files.copy(manifest, to.resolve("package.json"), LinkOption.NOFOLLOW_LINKS);
        }
        try (InputStream seed = TemplateBuild.class.getResourceAsStream(NPM_SEED)) {
            if (seed == null) {
                throw new IllegalStateException("resource " + NPM_SEED + " is missing from the classpath");
            }
            Files.write(tmp.resolve(NPM_SEED), seed.readAllBytes());
        }
        Path shim = tmp.resolve(NPM_SHIM);
        Files.createDirectories(shim.getParent());
        Files.writeString(shim, NPM_SHIM_SCRIPT);
        Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * One {@code npm install} per package, each in its own directory and all into one cache in the workspace, with
     * no lifecycle scripts. Separately, because npm deduplicates a shared tree: installed together, two packages
     * may settle on an older version of a common dependency than either picks alone, and an app installing just
     * one of them would then miss the newer one in the cache. Each directory's tree is kept ({@link #TREES}).
     */
    static String npmCommand(List<String> packages) {
        return "set -e; n=0; for spec in " + quoted(packages) + "; do n=$((n+1)); mkdir -p build/$n; cd build/$n;"
                + " echo '{\"name\":\"spawnai-template\",\"version\":\"1.0.0\",\"private\":true}' > package.json;"
                + " npm install --cache " + BwrapCommand.APP_DIR + "/cache --no-audit --no-fund --no-update-notifier"
                + " --ignore-scripts --no-package-lock --loglevel=warn \"$spec\"; cd ../..; done";
    }

    static String quoted(List<String> words) {
        return words.stream().map(AppLaunch::quote).collect(Collectors.joining(" "));
    }

    private static String describe(TemplateDefinition d) {
        String packages = d.packages().stream().map(p -> "\"" + p.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(", "));
        return "{\"name\": \"" + d.name() + "\", \"version\": \"" + d.version() + "\", \"recipe\": "
                + TemplateDefinition.RECIPE + ", \"installer\": \"" + d.installer() + "\", \"packages\": ["
                + packages + "], \"builtAt\": \"" + Instant.now() + "\"}\n";
    }
}
