package ai.spawn.generation.blueprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the name a prompt gives its app: quoted text, text after "called"/"named", or a run of capitalised words
 * that are not ordinary vocabulary. Thread-safe once built.
 */
final class TitleExtractor {

    static final int MAX_LENGTH = 60;

    private static final Pattern QUOTED = Pattern.compile(
            "[\"“”«»„]([^\"“”«»„\\n]{1,60})[\"“”«»„]"
                    + "|(?<![\\p{L}\\p{N}])'([^'\\n]{1,60})'(?![\\p{L}\\p{N}])");
    private static final Pattern NAMED = Pattern.compile(
            "\\b(?:called|named|titled|name it|call it|brand(?:ed)?"
                    + "|rename(?:\\s+(?:it|this|the\\s+\\w+))?\\s+(?:to|as)"
                    + "|(?:change|set|update)\\s+(?:the\\s+|its\\s+)?(?:app\\s+)?(?:title|name|heading)\\s+to"
                    + "|(?:title|heading)\\s+(?:should\\s+be|to\\s+be))\\s*:?\\s+(.{1,60}?)"
                    + "(?=\\s*(?:[,.;:!?()\\n]|$)"
                    + "|\\s+(?:with|that|which|for|where|to|using|in|on|and|it|so|please)\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPITALISED = Pattern.compile(
            "(?<![\\p{L}\\p{N}'’])\\p{Lu}[\\p{L}\\p{N}'’&-]*"
                    + "(?:\\s+(?:(?:of|and|the|de|&)\\s+)?\\p{Lu}[\\p{L}\\p{N}'’&-]*)*");
    private static final Pattern PLACE_BEFORE = Pattern.compile("\\b(?:in|at|near|from|around|across)\\s+$");
    private static final Set<String> ALWAYS_COMMON = Set.of(
            "i", "a", "an", "the", "my", "our", "your", "me", "we", "it", "make", "create", "build", "write",
            "generate", "give", "show", "need", "want", "please", "can", "could", "would", "should", "simple", "small",
            "tiny", "basic", "nice", "beautiful", "pretty", "modern", "clean", "minimal", "minimalist", "new", "quick",
            "web", "app", "application", "website", "site", "page", "tool", "api", "rest", "restful", "crud", "json",
            "http", "html", "css", "js", "javascript", "node", "nodejs", "python", "static", "dark", "light", "mode",
            "theme", "with", "for", "and", "of", "in", "on", "to", "that", "which", "using", "hey", "hi", "hello",
            "let", "lets", "let's", "just", "some", "one", "single", "fun", "cool", "awesome", "responsive", "mobile",
            "accent", "colour", "color", "colors", "colours", "style", "design", "one-page", "homepage", "home");

    private final Set<String> vocabulary;

    /** @param vocabulary lower-case words that never form a name on their own (every blueprint's keywords) */
    TitleExtractor(Set<String> vocabulary) {
        this.vocabulary = Set.copyOf(vocabulary);
    }

    Optional<Title> extract(PromptText prompt) {
        String text = prompt.original();
        Matcher q = QUOTED.matcher(text);
        while (q.find()) {
            String value = clean(q.group(1) != null ? q.group(1) : q.group(2));
            if (!value.isEmpty()) {
                return Optional.of(new Title(value, Title.Source.EXPLICIT));
            }
        }
        Matcher n = NAMED.matcher(text);
        if (n.find()) {
            String value = clean(stripArticle(n.group(1)));
            if (!value.isEmpty()) {
                return Optional.of(new Title(value, Title.Source.EXPLICIT));
            }
        }
        Matcher c = CAPITALISED.matcher(text);
        while (c.find()) {
            String run = trimCommon(c.group());
            if (run.isEmpty()) {
                continue;
            }
            String before = text.substring(0, c.start() + Math.max(0, c.group().indexOf(run))).toLowerCase(Locale.ROOT);
            if (PLACE_BEFORE.matcher(before).find()) {
                continue;
            }
            boolean afterFor = before.matches("(?s).*\\bfor\\s+(?:(?:my|our|the|a|an)\\s+)?$");
            return Optional.of(new Title(clean(run), afterFor ? Title.Source.AFTER_FOR : Title.Source.CAPITALISED));
        }
        return Optional.empty();
    }

    private String trimCommon(String run) {
        List<String> words = new ArrayList<>(List.of(run.split("\\s+")));
        while (!words.isEmpty() && isCommon(words.get(0))) {
            words.remove(0);
        }
        while (!words.isEmpty() && isCommon(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return String.join(" ", words);
    }

    private boolean isCommon(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}'’&-]", "");
        String stem = PromptText.singular(w);
        return w.isEmpty() || w.equals("&") || ALWAYS_COMMON.contains(w) || vocabulary.contains(w)
                || vocabulary.contains(stem) || ColourExtractor.NAMED.containsKey(w);
    }

    private static String stripArticle(String s) {
        return s.replaceFirst("^(?:the|a|an)\\s+", "");
    }

    /** Trims, drops control characters, collapses whitespace and bounds the length. */
    static String clean(String s) {
        String v = s.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        v = v.replaceAll("^[\\p{Punct}&&[^#@&]]+|[\\p{Punct}&&[^!?.)&]]+$", "").strip();
        if (v.length() > MAX_LENGTH) {
            v = v.substring(0, MAX_LENGTH).strip();
        }
        return v;
    }
}
