package ai.spawn.generation.blueprint;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template values of the poll: its question ("asking 'Where should we eat?'", "a poll about our team lunch") and
 * options ("with options pizza, sushi and tacos", "between tea or coffee"). Stateless and thread-safe.
 */
final class PollValues implements Blueprint.Contributor {

    static final List<String> DEFAULT_OPTIONS = List.of("Yes", "No", "Not sure");
    static final String DEFAULT_QUESTION = "What do you think?";
    private static final int MAX_OPTIONS = 12;
    private static final Pattern QUESTION = Pattern.compile(
            "[\"“']([^\"“”'\\n]{3,140}\\?)[\"”']"
                    + "|(?i)\\b(?:asking|asks|ask|question)\\s*:?\\s+"
                    + "(?:people\\s+|users\\s+|everyone\\s+|visitors\\s+)?"
                    + "([^\"“”?\\n]{3,140}\\?)");
    private static final Pattern TOPIC = Pattern.compile(
            "(?i)\\b(?:poll|vote|voting|survey|ballot)\\s+(?:about|on|for|to\\s+(?:decide|choose|pick))\\s+(?:the\\s+)?"
                    + "(.+?)(?=\\s+(?:with|where|that|which|between|and\\s+options?|options?)\\b|[,.;:!?(\\n]|$)");
    private static final Pattern OPTIONS = Pattern.compile(
            "(?i)\\b(?:options?|choices?|answers?|between|choose\\s+from|pick\\s+from|candidates?)\\s*"
                    + "(?::|like|such\\s+as|of|are|is)?\\s+(.+)");

    @Override
    public void contribute(PromptFacts facts, Map<String, String> values) {
        String question = question(facts);
        values.put("question", question);
        values.put("optionsJson", Escape.jsonArray(options(facts)));
        String title = values.get("title");
        if (title.equals(question) || title.equals(question.substring(0, question.length() - 1))) {
            values.put("title", "Poll");
        }
    }

    @Override
    public boolean understands(PromptText clause) {
        return !optionsOf(clause).isEmpty() || questionOf(clause).isPresent();
    }

    static String question(PromptFacts facts) {
        for (PromptText m : facts.messages()) {
            Optional<String> q = questionOf(m);
            if (q.isPresent()) {
                return q.get();
            }
        }
        return DEFAULT_QUESTION;
    }

    static List<String> options(PromptFacts facts) {
        for (PromptText m : facts.messages()) {
            List<String> found = optionsOf(m);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return DEFAULT_OPTIONS;
    }

    private static Optional<String> questionOf(PromptText message) {
        Matcher q = QUESTION.matcher(message.original());
        if (q.find()) {
            String question = TitleExtractor.clean(q.group(1) != null ? q.group(1) : q.group(2));
            question = Character.toUpperCase(question.charAt(0)) + question.substring(1);
            return Optional.of(question.endsWith("?") ? question : question + "?");
        }
        Matcher t = TOPIC.matcher(message.original());
        if (t.find()) {
            String topic = TitleExtractor.clean(t.group(1).replaceFirst("(?i)^(?:my|our|your)\\s+", ""));
            if (!topic.isEmpty() && topic.split("\\s+").length <= 8) {
                return Optional.of(Character.toUpperCase(topic.charAt(0)) + topic.substring(1)
                        + ": what's your pick?");
            }
        }
        return Optional.empty();
    }

    private static List<String> optionsOf(PromptText message) {
        Matcher m = OPTIONS.matcher(message.original());
        while (m.find()) {
            List<String> names = ListPhrase.names(m.group(1).replaceAll("(?i)\\s+or\\s+", ", "), MAX_OPTIONS, 6);
            if (!names.isEmpty()) {
                return names;
            }
        }
        return List.of();
    }
}
