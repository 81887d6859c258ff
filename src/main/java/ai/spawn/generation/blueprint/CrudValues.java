package ai.spawn.generation.blueprint;

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

    /** The newest message that names fields decides; else the whole conversation. */
    static Entity entity(PromptFacts facts) {
        for (PromptText m : facts.messages()) {
            if (EntityExtractor.namesFields(m)) {
                return EntityExtractor.extract(m);
            }
        }
        return EntityExtractor.extract(facts.whole());
    }

    static String fieldsJson(Entity entity) {
        StringJoiner j = new StringJoiner(",\n  ", "[\n  ", "\n]");
        for (Field f : entity.fields()) {
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
