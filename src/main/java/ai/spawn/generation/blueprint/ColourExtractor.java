package ai.spawn.generation.blueprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the colours a prompt names ("a blue todo app", "#ff8800", "dark green and gold") and whether it asks for a
 * dark theme. Colour names map to shades that read well on white. Stateless and thread-safe.
 */
final class ColourExtractor {

    static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("red", "#dc2626"), Map.entry("crimson", "#be123c"), Map.entry("maroon", "#9f1239"),
            Map.entry("orange", "#ea580c"), Map.entry("amber", "#d97706"), Map.entry("yellow", "#ca8a04"),
            Map.entry("gold", "#b7791f"), Map.entry("golden", "#b7791f"), Map.entry("lime", "#65a30d"),
            Map.entry("olive", "#6b7f1a"), Map.entry("green", "#16a34a"), Map.entry("emerald", "#059669"),
            Map.entry("mint", "#10b981"), Map.entry("teal", "#0d9488"), Map.entry("turquoise", "#14b8a6"),
            Map.entry("cyan", "#0891b2"), Map.entry("sky", "#0284c7"), Map.entry("blue", "#2563eb"),
            Map.entry("navy", "#1e3a8a"), Map.entry("indigo", "#4f46e5"), Map.entry("violet", "#7c3aed"),
            Map.entry("lavender", "#8b5cf6"), Map.entry("purple", "#9333ea"), Map.entry("fuchsia", "#c026d3"),
            Map.entry("magenta", "#c026d3"), Map.entry("pink", "#db2777"), Map.entry("rose", "#e11d48"),
            Map.entry("coral", "#f0643c"), Map.entry("salmon", "#f26b5b"), Map.entry("brown", "#92400e"),
            Map.entry("chocolate", "#7b3f00"), Map.entry("gray", "#4b5563"), Map.entry("grey", "#4b5563"),
            Map.entry("slate", "#475569"), Map.entry("silver", "#6b7280"), Map.entry("black", "#111827"));

    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\\b");
    private static final Pattern DARK_THEME = Pattern.compile(
            "\\b(?:dark|night|black)[\\s-]+(?:mode|theme|background|ui|look|style|scheme)\\b|\\bin dark\\b"
                    + "|\\bmake\\s+it\\s+(?:dark|darker)\\b(?!\\s+\\p{L})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LIGHT_THEME = Pattern.compile(
            "\\b(?:light|white|bright|day)[\\s-]+(?:mode|theme|background|ui|look|scheme)\\b|\\bin light\\b"
                    + "|\\bmake\\s+it\\s+(?:light|lighter|bright|brighter)\\b(?!\\s+\\p{L})"
                    + "|\\b(?:no|without|disable|turn\\s+off|remove|stop\\s+using)\\s+(?:the\\s+)?(?:dark|night)[\\s-]+"
                    + "(?:mode|theme)\\b",
            Pattern.CASE_INSENSITIVE);

    private ColourExtractor() {
    }

    /** Colours in the order named, each {@code #rrggbb}; "dark"/"light" before a name shade it. */
    static List<String> colours(PromptText prompt) {
        List<Found> found = new ArrayList<>();
        Matcher m = HEX.matcher(prompt.original());
        while (m.find()) {
            found.add(new Found(m.start(), expand(m.group(1))));
        }
        List<String> words = prompt.words();
        int position = 0;
        String lower = prompt.original().toLowerCase(Locale.ROOT);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            position = Math.max(position, lower.indexOf(w, position));
            String hex = NAMED.get(w);
            if (hex == null || (i + 1 < words.size() && isThemeWord(w, words.get(i + 1)))) {
                continue;
            }
            String before = i > 0 ? words.get(i - 1) : "";
            if (before.equals("dark") || before.equals("deep")) {
                hex = Palette.mix(hex, "#000000", 0.3);
            } else if (before.equals("light") || before.equals("pale") || before.equals("pastel")) {
                hex = Palette.mix(hex, "#ffffff", 0.25);
            }
            found.add(new Found(position, hex));
        }
        found.sort((a, b) -> Integer.compare(a.at, b.at));
        List<String> out = new ArrayList<>();
        for (Found f : found) {
            if (!out.contains(f.hex)) {
                out.add(f.hex);
            }
        }
        return out;
    }

    /** Whether the prompt asks for a dark theme ("dark mode", "night mode", "black background"). */
    static boolean darkTheme(PromptText prompt) {
        return theme(prompt).filter("dark"::equals).isPresent();
    }

    /**
     * The theme a prompt asks for: {@code dark} ("dark mode", "make it dark"), {@code light} ("light mode", "turn off
     * dark mode", "white background"), or empty when it says neither.
     */
    static Optional<String> theme(PromptText prompt) {
        String text = prompt.original();
        if (LIGHT_THEME.matcher(text).find()) {
            return Optional.of("light");
        }
        return DARK_THEME.matcher(text).find() ? Optional.of("dark") : Optional.empty();
    }

    private static boolean isThemeWord(String colour, String next) {
        return colour.equals("black") && (next.equals("background") || next.equals("theme") || next.equals("mode"));
    }

    private static String expand(String hex) {
        String h = hex.toLowerCase(Locale.ROOT);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        return "#" + h;
    }

    private record Found(int at, String hex) {
    }
}
