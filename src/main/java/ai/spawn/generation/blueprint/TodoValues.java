package ai.spawn.generation.blueprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Template values of the todo list: the extra fields each task has next to its title and done flag — "a todo list
 * with due dates and priorities", then "add a notes field" or "remove the priority field". Stateless and
 * thread-safe.
 */
final class TodoValues implements Blueprint.Contributor {

    static final int MAX_EXTRAS = 8;
    private static final Set<String> BUILT_IN = Set.of("title", "task", "tasks", "name", "done", "completed",
            "complete", "finished", "todo", "todos", "item", "items", "text", "id", "checkbox", "checkboxes");

    @Override
    public void contribute(PromptFacts facts, Map<String, String> values) {
        values.put("extraFieldsJson", CrudValues.fieldsJson(extras(facts)));
    }

    @Override
    public boolean understands(PromptText clause) {
        return !FieldEdits.read(clause, false).isEmpty();
    }

    /** The extra fields: those the first message lists, then each follow-up's additions and removals. */
    static List<Field> extras(PromptFacts facts) {
        List<PromptText> messages = facts.oldestFirst();
        List<Field> fields = initial(messages.get(0));
        for (PromptText m : messages.subList(1, messages.size())) {
            fields = FieldEdits.apply(fields, FieldEdits.read(m, false));
        }
        List<Field> out = new ArrayList<>();
        for (Field f : fields) {
            if (!BUILT_IN.contains(f.name().toLowerCase(Locale.ROOT)) && out.size() < MAX_EXTRAS) {
                out.add(new Field(f.name(), f.label(), f.type(), false));
            }
        }
        return out;
    }

    private static List<Field> initial(PromptText first) {
        FieldEdits.Change change = FieldEdits.read(first, false);
        if (!change.added().isEmpty()) {
            return change.added();
        }
        List<Field> out = new ArrayList<>();
        for (Field f : EntityExtractor.listedFields(first)) {
            Field single = singular(f);
            if (FieldEdits.isData(single, false, false)) {
                out.add(single);
            }
        }
        return out;
    }

    /** "due dates" → dueDate, "priorities" → priority: a task has one of each. */
    private static Field singular(Field f) {
        String[] words = f.label().toLowerCase(Locale.ROOT).split("\\s+");
        String last = words[words.length - 1];
        String one = PromptText.singular(last);
        if (one.equals(last) || f.type() == FieldType.STRING && Set.of("notes", "tags", "details").contains(last)) {
            return f;
        }
        words[words.length - 1] = one;
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        String label = String.join(" ", words);
        return new Field(name.toString(), Character.toUpperCase(label.charAt(0)) + label.substring(1), f.type(), false);
    }
}
