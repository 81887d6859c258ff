package ai.spawn.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A directory read as the files of an API bundle (path → text). Skips dependency and tool directories
 * ({@code node_modules}, {@code __pycache__}, {@code venv}, hidden ones), hidden files and files over 1 MiB —
 * each listed in {@link #skipped()}; refuses binary files, because the API carries text only. Symbolic links are
 * skipped, so nothing outside the directory is read.
 *
 * @param files   relative path ({@code /}-separated) → UTF-8 content, sorted
 * @param skipped what was left out, and why, one readable line each
 */
record BundleDirectory(Map<String, String> files, List<String> skipped) {

    static final long MAX_FILE_BYTES = 1024 * 1024;
    private static final Set<String> SKIPPED_DIRS = Set.of("node_modules", "__pycache__", "venv");
    private static final int MAX_NAMED = 5;

    /** Reads {@code dir}; {@link CliException} (usage) when it is missing, empty or holds binary files. */
    static BundleDirectory read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw CliException.usage(dir + " is not a directory");
        }
        Map<String, String> files = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        List<String> hidden = new ArrayList<>();
        List<String> binary = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String name = d.getFileName() == null ? "" : d.getFileName().toString();
                    if (!d.equals(dir) && (name.startsWith(".") || SKIPPED_DIRS.contains(name))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String path = relative(dir, file);
                    if (attrs.isSymbolicLink() || !attrs.isRegularFile()) {
                        skipped.add(path + ": not a regular file");
                    } else if (file.getFileName().toString().startsWith(".")) {
                        hidden.add(path);
                    } else if (attrs.size() > MAX_FILE_BYTES) {
                        skipped.add(path + ": larger than 1 MiB (" + attrs.size() / 1024 + " KiB)");
                    } else {
                        String text = text(Files.readAllBytes(file));
                        if (text == null) {
                            binary.add(path);
                        } else {
                            files.put(path, text);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw CliException.usage("cannot read " + dir + ": " + e.getMessage());
        }
        binary.sort(null);
        hidden.sort(null);
        if (!binary.isEmpty()) {
            throw CliException.usage("cannot deploy binary files, the API takes text files only: " + named(binary)
                    + "; move them out of " + dir);
        }
        if (!hidden.isEmpty()) {
            skipped.add("hidden files: " + named(hidden));
        }
        if (files.isEmpty()) {
            throw CliException.usage("no files to deploy in " + dir);
        }
        return new BundleDirectory(files, skipped);
    }

    /** {@code node}, {@code python} or {@code static} from the files, or {@code null} when it cannot tell. */
    String detectRuntime() {
        if (files.containsKey("package.json")) {
            return "node";
        }
        if (files.containsKey("requirements.txt") || files.keySet().stream().anyMatch(p -> p.endsWith(".py"))) {
            return "python";
        }
        if (files.containsKey("index.html")) {
            return "static";
        }
        return firstOf("server.js", "app.js", "index.js", "main.js") != null ? "node" : null;
    }

    /** The start command a runtime would most likely use here, or {@code null}. */
    String guessStart(String runtime, JsonMapper json) {
        switch (runtime) {
            case "node" -> {
                JsonNode pkg = packageJson(json);
                if (pkg != null && Json.text(pkg.path("scripts"), "start") != null) {
                    return "npm start";
                }
                String main = pkg == null ? null : Json.text(pkg, "main");
                if (main != null && files.containsKey(main)) {
                    return "node " + main;
                }
                String entry = firstOf("server.js", "app.js", "index.js", "main.js");
                return entry == null ? null : "node " + entry;
            }
            case "python" -> {
                String entry = firstOf("app.py", "main.py", "server.py");
                if (entry == null) {
                    List<String> top = files.keySet().stream().filter(p -> p.endsWith(".py") && !p.contains("/"))
                            .toList();
                    entry = top.size() == 1 ? top.get(0) : null;
                }
                return entry == null ? null : "python3 " + entry;
            }
            default -> {
                return null;
            }
        }
    }

    /** The install command the files ask for, or {@code null}. */
    String guessInstall(String runtime, JsonMapper json) {
        if (runtime.equals("node")) {
            JsonNode pkg = packageJson(json);
            JsonNode deps = pkg == null ? null : pkg.get("dependencies");
            return deps != null && deps.isObject() && !deps.isEmpty() ? "npm install --omit=dev --no-audit --no-fund"
                    : null;
        }
        if (runtime.equals("python")) {
            String requirements = files.get("requirements.txt");
            boolean any = requirements != null && requirements.lines().map(String::strip)
                    .anyMatch(l -> !l.isEmpty() && !l.startsWith("#"));
            return any ? "pip install -r requirements.txt" : null;
        }
        return null;
    }

    private JsonNode packageJson(JsonMapper json) {
        String text = files.get("package.json");
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            throw CliException.usage("package.json is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private String firstOf(String... names) {
        for (String name : names) {
            if (files.containsKey(name)) {
                return name;
            }
        }
        return null;
    }

    /** The bytes as UTF-8 text, or {@code null} when they look binary (a NUL byte, or not UTF-8). */
    static String text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static String named(List<String> paths) {
        String shown = String.join(", ", paths.subList(0, Math.min(MAX_NAMED, paths.size())));
        return paths.size() > MAX_NAMED ? shown + " and " + (paths.size() - MAX_NAMED) + " more" : shown;
    }
}
