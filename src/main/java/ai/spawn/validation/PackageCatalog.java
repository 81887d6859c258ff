package ai.spawn.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The package lists of the dependency check, read once from the classpath: known-malicious packages
 * ({@code validation/malicious-packages.txt}) and popular packages that typosquats imitate
 * ({@code validation/popular-packages.txt}). Immutable after construction, so thread-safe; a missing or unreadable
 * list fails start-up.
 */
@Component
class PackageCatalog {

    static final String MALICIOUS = "validation/malicious-packages.txt";
    static final String POPULAR = "validation/popular-packages.txt";
    private static final int SHORTEST_TARGET = 5;
    private static final int LONG_NAME = 10;

    /** Per ecosystem: normalised name, or name@version, to what it did. */
    private final Map<Ecosystem, Map<String, String>> malicious = new EnumMap<>(Ecosystem.class);
    private final Map<Ecosystem, Set<String>> popular = new EnumMap<>(Ecosystem.class);

    PackageCatalog() {
        for (Ecosystem e : Ecosystem.values()) {
            malicious.put(e, new HashMap<>());
            popular.put(e, new HashSet<>());
        }
        read(MALICIOUS, (ecosystem, line) -> {
            int hash = line.indexOf('#');
            String entry = (hash < 0 ? line : line.substring(0, hash)).trim();
            String reason = hash < 0 ? "" : line.substring(hash + 1).trim();
            if (!entry.isEmpty()) {
                malicious.get(ecosystem).put(key(ecosystem, entry), reason);
            }
        });
        read(POPULAR, (ecosystem, line) -> {
            String names = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            for (String name : names.trim().split("\\s+")) {
                if (!name.isEmpty()) {
                    popular.get(ecosystem).add(ecosystem.normalize(name));
                }
            }
        });
    }

    /** What the dependency is known to have done, or {@code null} when it is not on the malicious list. */
    String maliciousReason(Dependency dependency) {
        Map<String, String> known = malicious.get(dependency.ecosystem());
        String name = dependency.normalizedName();
        if (known.containsKey(name)) {
            return known.get(name);
        }
        if (dependency.version() != null) {
            return known.get(name + "@" + dependency.version().trim());
        }
        return null;
    }

    /** The popular package the name imitates, or {@code null} when it is popular itself or far from all of them. */
    String lookalikeOf(Ecosystem ecosystem, String name) {
        String candidate = ecosystem.normalize(name);
        Set<String> known = popular.get(ecosystem);
        if (known.contains(candidate) || candidate.startsWith("@")) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String target : known) {
            if (target.length() < SHORTEST_TARGET || target.startsWith("@")) {
                continue;
            }
            int allowed = target.length() >= LONG_NAME ? 2 : 1;
            if (Math.abs(target.length() - candidate.length()) > allowed) {
                continue;
            }
            int d = EditDistance.between(candidate, target);
            if (d <= allowed && d < bestDistance) {
                best = target;
                bestDistance = d;
            }
        }
        return best;
    }

    /** {@code name} or {@code name@version}, normalised; PyPI lines use {@code ==} for the version. */
    private static String key(Ecosystem ecosystem, String entry) {
        if (ecosystem == Ecosystem.PYPI && entry.contains("==")) {
            int eq = entry.indexOf("==");
            return ecosystem.normalize(entry.substring(0, eq)) + "@" + entry.substring(eq + 2).trim();
        }
        int at = entry.lastIndexOf('@');
        if (ecosystem == Ecosystem.NPM && at > 0) {
            return ecosystem.normalize(entry.substring(0, at)) + "@" + entry.substring(at + 1).trim();
        }
        return ecosystem.normalize(entry);
    }

    private interface LineReader {
        void accept(Ecosystem ecosystem, String line);
    }

    private static void read(String resource, LineReader reader) {
        InputStream in = PackageCatalog.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("classpath resource " + resource + " is missing");
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Ecosystem section = null;
            for (String line : (Iterable<String>) lines.lines()::iterator) {
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (t.startsWith("[") && t.endsWith("]")) {
                    section = section(resource, t);
                    continue;
                }
                if (section == null) {
                    throw new IllegalStateException(resource + ": entries must follow a [npm] or [pypi] section");
                }
                reader.accept(section, t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Ecosystem section(String resource, String header) {
        for (Ecosystem e : Ecosystem.values()) {
            if (header.equalsIgnoreCase("[" + e.name() + "]")) {
                return e;
            }
        }
        throw new IllegalStateException(resource + ": unknown section " + header + "; use [npm] or [pypi]");
    }
}
