package ai.spawn.generation.blueprint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Template values of the unit converter: which kind of unit it opens on, from the units a prompt names ("a celsius
 * to fahrenheit converter" → temperature). Stateless and thread-safe.
 */
final class ConverterValues implements Blueprint.Contributor {

    private static final Map<String, List<String>> WORDS = words();

    private static Map<String, List<String>> words() {
        Map<String, List<String>> w = new LinkedHashMap<>();
        w.put("temperature", List.of("temperature", "celsius", "fahrenheit", "kelvin", "degree"));
        w.put("length", List.of("length", "distance", "km", "kilometer", "kilometre", "mile", "meter", "metre",
                "feet", "foot", "inch", "inche", "yard", "cm", "centimeter", "centimetre", "height"));
        w.put("mass", List.of("mass", "weight", "kg", "kilogram", "gram", "pound", "lb", "ounce", "oz", "stone",
                "ton", "tonne"));
        w.put("volume", List.of("volume", "liter", "litre", "gallon", "cup", "ml", "milliliter", "millilitre",
                "pint", "quart", "tablespoon", "teaspoon", "cooking", "recipe"));
        w.put("speed", List.of("speed", "mph", "kmh", "knot", "velocity", "pace"));
        w.put("area", List.of("area", "acre", "hectare", "sqft", "square"));
        w.put("data", List.of("data", "byte", "kb", "mb", "gb", "tb", "megabyte", "gigabyte", "storage", "bit"));
        w.put("time", List.of("time", "second", "minute", "hour", "day", "week", "year", "duration"));
        return w;
    }

    @Override
    public void contribute(PromptFacts facts, Map<String, String> values) {
        values.put("category", category(facts));
    }

    @Override
    public boolean understands(PromptText clause) {
        return !of(clause).isEmpty();
    }

    static String category(PromptFacts facts) {
        for (PromptText m : facts.messages()) {
            String c = of(m);
            if (!c.isEmpty()) {
                return c;
            }
        }
        return "length";
    }

    private static String of(PromptText prompt) {
        for (Map.Entry<String, List<String>> e : WORDS.entrySet()) {
            for (String w : e.getValue()) {
                if (prompt.stems().contains(w)) {
                    return e.getKey();
                }
            }
        }
        return "";
    }
}
