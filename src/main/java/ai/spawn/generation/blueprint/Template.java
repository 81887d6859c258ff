package ai.spawn.generation.blueprint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed text template: literal text with {@code {{name}}} or {@code {{name|escape}}} placeholders (escape one of
 * {@code html}, {@code js}, {@code css}, {@code raw}; default by file extension, see {@link Escape#forPath}).
 * Anything else between braces stays literal, so JavaScript and CSS need no quoting. Immutable and thread-safe;
 * parse once, render often.
 */
final class Template {

    private static final Pattern SLOT = Pattern.compile("\\{\\{\\s*([a-zA-Z][a-zA-Z0-9]*)(?:\\|([a-z]+))?\\s*}}");

    private final String path;
    private final List<Object> parts;
    private final Set<String> names;

    private Template(String path, List<Object> parts, Set<String> names) {
        this.path = path;
        this.parts = List.copyOf(parts);
        this.names = Set.copyOf(names);
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException for an unknown escape name
     */
    static Template parse(String path, String text) {
        List<Object> parts = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Matcher m = SLOT.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(text.substring(at, m.start()));
            }
            Escape escape = m.group(2) == null ? Escape.forPath(path) : Escape.named(m.group(2));
            parts.add(new Slot(m.group(1), escape));
            names.add(m.group(1));
            at = m.end();
        }
        if (at < text.length()) {
            parts.add(text.substring(at));
        }
        return new Template(path, parts, names);
    }

    /** The placeholder names used, in order of first use. */
    Set<String> names() {
        return names;
    }

    /**
     * Fills every placeholder.
     *
     * @throws IllegalStateException when a placeholder has no value (a blueprint bug, never user input)
     */
    String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder(4096);
        for (Object part : parts) {
            if (part instanceof Slot slot) {
                String value = values.get(slot.name());
                if (value == null) {
                    throw new IllegalStateException("no value for {{" + slot.name() + "}} in " + path);
                }
                out.append(slot.escape().apply(value));
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    private record Slot(String name, Escape escape) {
    }
}
