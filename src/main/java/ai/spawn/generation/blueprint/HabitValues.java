package ai.spawn.generation.blueprint;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template values of the habit tracker: the habits it starts with, from "a habit tracker for reading, exercise and
 * meditation", else three common ones. Stateless and thread-safe.
 */
final class HabitValues implements Blueprint.Contributor {

    static final List<String> DEFAULT_HABITS = List.of("Drink water", "Read 20 minutes", "Move your body");
    private static final Pattern LIST = Pattern.compile(
            "\\b(?:(?:for|like|such as|including|track(?:ing)?|to build)\\s+|habits?\\s*:\\s*"
                    + "|habits\\s+(?=\\S+\\s*,))(.+)",
            Pattern.CASE_INSENSITIVE);

    /** "habits like running" is the list's lead-in, not a habit. */
    private static final Pattern NOT_A_HABIT = Pattern.compile("(?i)\\b(?:habits?|tracker|app)\\b");

    @Override
    public void contribute(PromptFacts facts, Map<String, String> values) {
        values.put("habitsJson", Escape.jsonArray(habits(facts)));
    }

    @Override
    public boolean understands(PromptText clause) {
        return !named(clause).isEmpty();
    }

    static List<String> habits(PromptFacts facts) {
        for (PromptText m : facts.messages()) {
            List<String> found = named(m);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return DEFAULT_HABITS;
    }

    private static List<String> named(PromptText message) {
        Matcher m = LIST.matcher(message.original());
        for (int from = 0; from < message.original().length() && m.find(from); from = m.start() + 1) {
            List<String> names = ListPhrase.names(m.group(1), 12, 4);
            if (!names.isEmpty() && !NOT_A_HABIT.matcher(names.get(0)).find()) {
                return names;
            }
        }
        return List.of();
    }
}
