package ai.spawn.generation.blueprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template values of the kanban blueprint: its columns, from "columns backlog, doing and done" or the classic three.
 * Stateless and thread-safe.
 */
final class KanbanValues implements Blueprint.Contributor {

    static final List<String> DEFAULT_COLUMNS = List.of("To do", "In progress", "Done");
    private static final int MAX_COLUMNS = 8;
    private static final Pattern COLUMNS = Pattern.compile(
            "\\b(?:columns?|lanes?|stages?|statuses|states)\\s*(?::|like|named|called|for|of)?\\s*(.+)",
            Pattern.CASE_INSENSITIVE);

    @Override
    public void contribute(PromptFacts facts, Map<String, String> values) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (String c : columns(facts)) {
            j.add(Escape.JS.apply(c));
        }
        values.put("columnsJson", j.toString());
    }

    @Override
    public boolean understands(PromptText clause) {
        return named(clause).size() >= 2;
    }

    static List<String> columns(PromptFacts facts) {
        for (PromptText m : facts.messages()) {
            List<String> found = named(m);
            if (found.size() >= 2) {
                return found;
            }
        }
        return DEFAULT_COLUMNS;
    }

    private static List<String> named(PromptText m) {
        Matcher matcher = COLUMNS.matcher(m.original());
        List<String> found = new ArrayList<>();
        if (matcher.find()) {
            for (String item : ListPhrase.items(matcher.group(1))) {
                String name = TitleExtractor.clean(item.replaceFirst("(?i)^(?:a|an|the)\\s+", ""));
                if (name.isEmpty() || name.split("\\s+").length > 3 || name.length() > 24) {
                    break;
                }
                if (found.size() < MAX_COLUMNS && found.stream().noneMatch(name::equalsIgnoreCase)) {
                    found.add(Character.toUpperCase(name.charAt(0)) + name.substring(1));
                }
            }
        }
        return found;
    }
}
