package ai.spawn.generation.blueprint;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Template values of the CRUD API blueprint: the entity, its field schema as a JSON array for the server, and an
 * example body for the docs page. Stateless and thread-safe.
 */
final class CrudValues implements Blueprint.Contributor {

    @Override
    public void contribute(PromptFacts facts, Map<String, String> values) {
        Entity entity = entity(facts);
        String label = Character.toUpperCase(entity.plural().charAt(0)) + entity.plural().substring(1);
        values.put("entityPlural", entity.plural());
        values.put("entitySingular", entity.singular());
        values.put("entityLabel", label);
        values.put("fieldsJson", fieldsJson(entity));
        values.put("exampleJson", exampleJson(entity));
        if (facts.title(Set.of(Title.Source.EXPLICIT)).isEmpty()) {
            values.put("title", label + " API");
        }
    }

    @Override
    public boolean understands(PromptText clause) {
        return !change(clause).isEmpty();
    }

    /**
     * The entity: its name from the whole conversation; its fields from the first message that lists them, then
     * each follow-up's additions, removals or new list.
     */
    static Entity entity(PromptFacts facts) {
        Entity named = EntityExtractor.extract(facts.whole());
        List<PromptText> messages = facts.oldestFirst();
        List<Field> fields = null;
        for (PromptText m : messages) {
            FieldEdits.Change change = change(m);
            if (!change.isEmpty()) {
                fields = FieldEdits.apply(fields == null ? named.fields() : fields, change);
            }
        }
        if (fields == null || fields.isEmpty()) {
            return named;
        }
        return new Entity(named.plural(), named.singular(), fields, true);
    }

    /** What one message says about the fields: a list it names outright, else additions or removals. */
    static FieldEdits.Change change(PromptText message) {
        FieldEdits.Change edit = FieldEdits.read(message, true);
        if (!edit.isEmpty()) {
            return edit;
        }
        if (EntityExtractor.namesFields(message)) {
            return new FieldEdits.Change(List.of(), List.of(), EntityExtractor.extract(message).fields());
        }
        return FieldEdits.Change.NONE;
    }

    static String fieldsJson(Entity entity) {
        return fieldsJson(entity.fields());
    }

    /** The fields as the JSON array the generated servers validate against ({@code []} for none). */
    static String fieldsJson(List<Field> fields) {
        if (fields.isEmpty()) {
            return "[]";
        }
        StringJoiner j = new StringJoiner(",\n  ", "[\n  ", "\n]");
        for (Field f : fields) {
            j.add("{ \"name\": " + Escape.JS.apply(f.name()) + ", \"label\": " + Escape.JS.apply(f.label())
                    + ", \"type\": " + Escape.JS.apply(f.type().wire()) + ", \"required\": " + f.required() + " }");
        }
        return j.toString();
    }

    static String exampleJson(Entity entity) {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        for (Field f : entity.fields()) {
            j.add(Escape.JS.apply(f.name()) + ": " + example(f));
        }
        return j.toString();
    }

    private static String example(Field f) {
        return switch (f.type()) {
            case INTEGER -> f.name().toLowerCase().contains("year") ? "2024" : "3";
            case NUMBER -> "9.5";
            case BOOLEAN -> "true";
            case DATE -> "\"2025-06-30\"";
            case EMAIL -> "\"ada@example.com\"";
            case URL -> "\"https://example.com\"";
            case STRING -> Escape.JS.apply("Sample " + f.label().toLowerCase());
        };
    }
}
