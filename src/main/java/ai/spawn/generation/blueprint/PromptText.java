package ai.spawn.generation.blueprint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A prompt split into lower-case words and their singular stems, the form every matcher and extractor reads.
 * Immutable and thread-safe. Only the first {@value #MAX_CHARS} characters are read: enough for any description,
 * and it bounds the work done per request.
 */
final class PromptText {

    static final int MAX_CHARS = 2_000;

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("people", "person"), Map.entry("children", "child"), Map.entry("men", "man"),
            Map.entry("women", "woman"), Map.entry("mice", "mouse"), Map.entry("geese", "goose"),
            Map.entry("quizzes", "quiz"), Map.entry("series", "series"), Map.entry("movies", "movie"),
            Map.entry("cookies", "cookie"), Map.entry("news", "news"), Map.entry("species", "species"),
            Map.entry("indices", "index"), Map.entry("data", "data"), Map.entry("boxes", "box"));

    private final String original;
    private final List<String> words;
    private final List<String> stems;

    private PromptText(String original, List<String> words) {
        this.original = original;
        this.words = Collections.unmodifiableList(words);
        List<String> s = new ArrayList<>(words.size());
        for (String w : words) {
            s.add(singular(w));
        }
        this.stems = Collections.unmodifiableList(s);
    }

    static PromptText of(String prompt) {
        String text = prompt == null ? "" : prompt.strip();
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS);
        }
        List<String> words = new ArrayList<>();
        for (String w : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return new PromptText(text, words);
    }

    /** The prompt as typed (trimmed, bounded). */
    String original() {
        return original;
    }

    /** Lower-case words in order. */
    List<String> words() {
        return words;
    }

    /** {@link #singular singular} stems of {@link #words()}, index for index. */
    List<String> stems() {
        return stems;
    }

    boolean isBlank() {
        return words.isEmpty();
    }

    /** Whether any word has the stem of {@code word}. */
    boolean mentions(String word) {
        return stems.contains(singular(word.toLowerCase(Locale.ROOT)));
    }

    /**
     * A rough singular form, used for matching only (both sides go through it, so consistency matters more than
     * grammar).
     */
    static String singular(String word) {
        String irregular = IRREGULAR.get(word);
        if (irregular != null) {
            return irregular;
        }
        int n = word.length();
        if (n > 4 && word.endsWith("ies")) {
            return word.substring(0, n - 3) + "y";
        }
        if (n > 4 && (word.endsWith("sses") || word.endsWith("shes") || word.endsWith("ches") || word.endsWith("xes")
                || word.endsWith("zes"))) {
            return word.substring(0, n - 2);
        }
        if (n > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, n - 1);
        }
        return word;
    }

    /** A plural for a singular noun ("book" → "books", "category" → "categories"). */
    static String plural(String word) {
        for (Map.Entry<String, String> e : IRREGULAR.entrySet()) {
            if (e.getValue().equals(word)) {
                return e.getKey();
            }
        }
        int n = word.length();
        if (n > 1 && word.endsWith("y") && "aeiou".indexOf(word.charAt(n - 2)) < 0) {
            return word.substring(0, n - 1) + "ies";
        }
        if (word.endsWith("s") || word.endsWith("x") || word.endsWith("z") || word.endsWith("ch")
                || word.endsWith("sh")) {
            return word + "es";
        }
        return word + "s";
    }
}
