package ai.spawn.generation.blueprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads templates from the class path under {@code blueprints/} and keeps them parsed: each resource is read once
 * per library. Thread-safe.
 */
final class TemplateLibrary {

    private static final String ROOT = "blueprints/";

    private final ClassLoader loader;
    private final Map<String, Template> cache = new ConcurrentHashMap<>();

    TemplateLibrary(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * The template at {@code blueprints/<path>}.
     *
     * @throws IllegalStateException when the resource is missing (a packaging bug)
     */
    Template get(String path) {
        return cache.computeIfAbsent(path, p -> Template.parse(p, text(p)));
    }

    /** The raw text at {@code blueprints/<path>}, not cached. */
    String text(String path) {
        try (InputStream in = loader.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("missing blueprint resource " + ROOT + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blueprint resource " + ROOT + path, e);
        }
    }
}
