package ai.spawn.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.Runtime;

/** Bundles for the rule tests: small ones built inline, realistic ones read from src/test/resources. */
final class TestBundles {

    private TestBundles() {
    }

    /** A Node bundle from path/content pairs, started with {@code node server.js} on port 3000. */
    static AppBundle node(String... pathsAndContents) {
        return new AppBundle("test", Runtime.NODE, files(pathsAndContents), null, "node server.js", 3000, null);
    }

    static AppBundle python(String... pathsAndContents) {
        return new AppBundle("test", Runtime.PYTHON, files(pathsAndContents), null, "python3 app.py", 8000, null);
    }

    static AppBundle site(String... pathsAndContents) {
        return new AppBundle("test", Runtime.STATIC, files(pathsAndContents), null, "static", 3000, null);
    }

    static AppBundle withCommands(AppBundle b, String install, String start) {
        return new AppBundle(b.title(), b.runtime(), b.files(), install, start, b.port(), b.origin());
    }

    static Map<String, String> files(String... pathsAndContents) {
        if (pathsAndContents.length % 2 != 0) {
            throw new IllegalArgumentException("give path, content pairs");
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return files;
    }

    /** A sample app under {@code validation/apps/<name>}; its {@code _bundle.properties} gives runtime and commands. */
    static AppBundle app(String name) {
        Path dir = resourceDir("validation/apps/" + name);
        Properties meta = new Properties();
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (rel.equals("_bundle.properties")) {
                    try (InputStream in = Files.newInputStream(p)) {
                        meta.load(in);
                    }
                } else {
                    files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AppBundle(name, Runtime.fromWire(meta.getProperty("runtime")), files,
                meta.getProperty("install"), meta.getProperty("start"),
                Integer.parseInt(meta.getProperty("port", "3000")), null);
    }

    /** The text of a test resource. */
    static String resource(String name) {
        try {
            return Files.readString(resourceDir(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }

    private static Path resourceDir(String name) {
        URL url = TestBundles.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
