package ai.spawn.generation.blueprint;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Template values of the landing page: the business's name, what kind of business it is (which picks the copy from
 * {@code landing/kinds.json}) and where it is. "a landing page for my bakery Sweet Crumbs in Berlin" → name "Sweet
 * Crumbs", bakery copy, "Find us in Berlin". Thread-safe once built.
 */
final class LandingValues implements Blueprint.Contributor {

    private static final String DEFAULT_KIND = "_default";
    private static final Pattern PLACE = Pattern.compile(
            "\\b(?:in|near|based in|located in)\\s+(\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+){0,2})");
    private static final Set<String> NAME_STOP = Set.of(
            "with", "that", "in", "which", "and", "for", "on", "at", "to", "where", "located", "near", "who", "using",
            "please", "page", "landing", "website", "site", "homepage", "a", "an", "the", "is", "it", "of", "by",
            "from", "we", "i", "selling", "serving", "based", "offering", "called", "named", "my", "our");
    private static final Set<String> GENERIC_NOUNS = Set.of(
            "shop", "store", "house", "business", "company", "bar", "place", "brand", "team", "service", "services",
            "studio", "parlour", "parlor", "truck", "stand", "practice", "centre", "center");

    /** Copy for one kind of business, as stored in {@code kinds.json}. */
    record Kind(List<String> words, String noun, String emoji, String headline, String tagline, String cta,
                List<Feature> features, String about) {
    }

    /** One of three feature cards. */
    record Feature(String icon, String title, String text) {
    }

    private final Map<String, Kind> kinds;
    private final List<String> order;

    LandingValues(String kindsJson) {
        Map<String, Kind> parsed = JsonMapper.builder().build()
                .readValue(kindsJson, new TypeReference<LinkedHashMap<String, Kind>>() { });
        if (!parsed.containsKey(DEFAULT_KIND)) {
            throw new IllegalStateException("landing/kinds.json has no " + DEFAULT_KIND + " entry");
        }
        this.kinds = Map.copyOf(parsed);
        this.order = List.copyOf(parsed.keySet());
    }

    @Override
    public void contribute(PromptFacts facts, Map<String, String> values) {
        PromptText whole = facts.whole();
        Optional<KindAt> kind = kindOf(whole);
        Kind copy = kinds.get(kind.map(KindAt::key).orElse(DEFAULT_KIND));
        String name = facts.title(EnumSet.allOf(Title.Source.class))
                .map(Title::text)
                .or(() -> kind.flatMap(k -> nameAfter(whole, k.index(), isKindWord())))
                .orElse(kind.map(k -> capitalise(copy.noun())).orElse(values.get("title")));
        values.put("title", name);
        values.put("kindNoun", copy.noun());
        values.put("emoji", copy.emoji());
        values.put("headline", copy.headline());
        values.put("tagline", copy.tagline());
        values.put("cta", copy.cta());
        values.put("about", copy.about());
        for (int i = 0; i < 3; i++) {
            Feature f = copy.features().get(i);
            values.put("feature" + (i + 1) + "Icon", f.icon());
            values.put("feature" + (i + 1) + "Title", f.title());
            values.put("feature" + (i + 1) + "Text", f.text());
        }
        Matcher place = PLACE.matcher(whole.original());
        values.put("locationLine", place.find() ? "Find us in " + place.group(1) + "." : "We'd love to hear from you.");
    }

    /** The kind a word in the prompt names, first mention first. */
    Optional<KindAt> kindOf(PromptText prompt) {
        List<String> words = prompt.words();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String stem = prompt.stems().get(i);
            for (String key : order) {
                List<String> kindWords = kinds.get(key).words();
                if (kindWords.contains(w) || kindWords.contains(stem)) {
                    return Optional.of(new KindAt(key, i));
                }
            }
        }
        return Optional.empty();
    }

    private Predicate<String> isKindWord() {
        return w -> kinds.values().stream().anyMatch(k -> k.words().contains(w));
    }

    /** A kind found at word {@code index}. */
    record KindAt(String key, int index) {
    }

    /** A lower-case name written right after the kind ("my bakery sweet crumbs"). */
    private static Optional<String> nameAfter(PromptText prompt, int index, Predicate<String> kindWord) {
        StringBuilder name = new StringBuilder();
        List<String> words = prompt.words();
        int start = index + 1;
        while (start < words.size() && (GENERIC_NOUNS.contains(words.get(start)) || kindWord.test(words.get(start)))) {
            start++;
        }
        for (int i = start; i < words.size() && i < start + 4; i++) {
            String w = words.get(i);
            if (NAME_STOP.contains(w) || ColourExtractor.NAMED.containsKey(w)) {
                break;
            }
            name.append(name.length() == 0 ? "" : " ").append(capitalise(w));
        }
        return name.length() == 0 ? Optional.empty() : Optional.of(name.toString());
    }

    private static String capitalise(String w) {
        return w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
    }
}
