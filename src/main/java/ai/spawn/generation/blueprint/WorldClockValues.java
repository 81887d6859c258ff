package ai.spawn.generation.blueprint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Template values of the world clock: the cities it shows, from "a world clock for London, Tokyo and New York" (and
 * follow-ups: "add Paris", "remove Tokyo"), else four around the globe; cities come from
 * {@code worldclock/cities.json} (name → IANA time zone). Thread-safe once built.
 */
final class WorldClockValues implements Blueprint.Contributor {

    static final List<String> DEFAULT_CITIES = List.of("New York", "London", "Tokyo", "Sydney");
    private static final int MAX_CITIES = 16;
    private static final Pattern REMOVE = Pattern.compile("(?i)\\b(?:remove|delete|drop|without|hide)\\b");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("nyc", "New York"), Map.entry("la", "Los Angeles"), Map.entry("sf", "San Francisco"),
            Map.entry("rio", "Rio de Janeiro"), Map.entry("saigon", "Ho Chi Minh City"),
            Map.entry("bombay", "Mumbai"), Map.entry("peking", "Beijing"), Map.entry("kiev", "Kyiv"),
            Map.entry("gmt", "UTC"), Map.entry("hk", "Hong Kong"), Map.entry("são paulo", "Sao Paulo"));

    private final Map<String, String> zones;
    private final Map<String, String> byLowerName;

    WorldClockValues(String citiesJson) {
        this.zones = JsonMapper.builder().build()
                .readValue(citiesJson, new TypeReference<LinkedHashMap<String, String>>() { });
        Map<String, String> lower = new LinkedHashMap<>();
        zones.keySet().forEach(name -> lower.put(name.toLowerCase(Locale.ROOT), name));
        ALIASES.forEach(lower::put);
        this.byLowerName = Map.copyOf(lower);
    }

    @Override
    public void contribute(PromptFacts facts, Map<String, String> values) {
        StringBuilder chosen = new StringBuilder("[");
        for (String city : cities(facts)) {
            chosen.append(chosen.length() > 1 ? ", " : "").append("[").append(Escape.JS.apply(city)).append(", ")
                    .append(Escape.JS.apply(zones.get(city))).append("]");
        }
        values.put("citiesJson", chosen.append("]").toString());
        StringBuilder all = new StringBuilder("[");
        zones.forEach((city, zone) -> all.append(all.length() > 1 ? ", " : "").append("[")
                .append(Escape.JS.apply(city)).append(", ").append(Escape.JS.apply(zone)).append("]"));
        values.put("allCitiesJson", all.append("]").toString());
    }

    @Override
    public boolean understands(PromptText clause) {
        return !found(clause).isEmpty();
    }

    /** The cities: those the first message naming any, then each follow-up's additions and removals. */
    List<String> cities(PromptFacts facts) {
        List<String> out = null;
        for (PromptText m : facts.oldestFirst()) {
            List<String> named = found(m);
            if (named.isEmpty()) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(named);
            } else if (REMOVE.matcher(m.original()).find()) {
                out.removeAll(named);
            } else {
                for (String c : named) {
                    if (!out.contains(c)) {
                        out.add(c);
                    }
                }
            }
        }
        List<String> result = out == null || out.isEmpty() ? DEFAULT_CITIES : out;
        return result.subList(0, Math.min(MAX_CITIES, result.size()));
    }

    /** Known cities named in {@code prompt}, in order; longest names first ("New Delhi" before "Delhi"). */
    List<String> found(PromptText prompt) {
        List<String> words = prompt.words();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            for (int n = Math.min(4, words.size() - i); n >= 1; n--) {
                String city = byLowerName.get(String.join(" ", words.subList(i, i + n)));
                if (city != null) {
                    if (!out.contains(city)) {
                        out.add(city);
                    }
                    i += n - 1;
                    break;
                }
            }
        }
        return out;
    }
}
