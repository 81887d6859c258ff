package ai.spawn.generation.blueprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the entity and its fields from an API prompt: "a REST API for books with title, author and year" →
 * {@code books} with {@code title: string, author: string, year: integer}. Types come from explicit hints
 * ("price (number)", "rating as integer") or else from the field's words. Stateless and thread-safe.
 */
final class EntityExtractor {

    static final int MAX_FIELDS = 20;

    private static final String API_WORD =
            "(?:api|apis|service|backend|back-end|server|endpoints?|crud|database|db|store|registry|app|system)";
    private static final Pattern ENTITY_AFTER = Pattern.compile(
            "\\b" + API_WORD + "\\s+(?:for|of|to\\s+(?:manage|store|track|keep|save|list|hold|handle)|managing"
                    + "|storing|tracking|handling|about|around|that\\s+(?:manages|stores|tracks|holds|keeps|handles))"
                    + "\\s+(.+?)(?=\\s+(?:with|having|containing|including|that|which|where|so|using|stored|saved"
                    + "|persisted|in)\\b|[,.;:!?(\\n]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY_BEFORE = Pattern.compile(
            "([a-z][a-z0-9-]*(?:\\s+[a-z][a-z0-9-]*)?)\\s+(?:(?:rest|restful|crud|json|http|web)\\s+)*"
                    + "(?:api|apis|service|backend|endpoints?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELDS_START = Pattern.compile(
            "\\b(?:with\\s+(?:the\\s+)?(?:fields?|properties|attributes|columns)|with|having|containing|including"
                    + "|(?:that|which|who)\\s+(?:has|have)|where\\s+each\\s+\\w+\\s+has|fields?|properties"
                    + "|attributes)\\s*:?\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TYPE_HINT = Pattern.compile(
            "^(.*?)\\s*(?:\\(([^)]*)\\)|:\\s*([\\w -]+)|\\s+as\\s+(?:an?\\s+)?([\\w -]+)|\\s+of\\s+type\\s+(\\w+))$");
    private static final Set<String> NOT_A_NOUN = Set.of(
            "a", "an", "the", "my", "our", "your", "his", "her", "their", "some", "all", "simple", "small", "basic",
            "personal", "own", "favourite", "favorite", "new", "rest", "restful", "crud", "json", "http", "api", "web",
            "tiny", "little", "list", "collection", "library", "catalog", "catalogue", "inventory", "database", "db",
            "records", "entries", "set", "bunch", "registry", "tracker", "manager", "management", "store", "storage",
            "managing", "storing", "tracking", "of", "for", "me", "us", "that", "this", "to", "quick", "minimal",
            "full", "complete", "service", "backend", "server", "app", "system", "lot", "lots", "info", "details");
    static final Set<String> NOT_A_FIELD = Set.of(
            "validation", "validations", "persistence", "storage", "json", "database", "db", "pagination", "search",
            "sorting", "filtering", "auth", "authentication", "tests", "docs", "documentation", "ui", "page",
            "frontend", "endpoints", "crud", "rest", "api", "cors", "logging", "error", "errors", "types", "ids");
    private static final Set<String> LIST_BREAK = Set.of(
            "that", "which", "where", "stored", "saved", "persisted", "persist", "store", "save", "using", "use",
            "so", "please", "make", "also", "it", "should", "must", "then", "when", "returning",
            "return", "returns", "validate", "validated", "validating", "each", "every", "for", "with");
    private static final Pattern TRAILING_CLAUSE = Pattern.compile(
            "\\s+(?:in|stored|saved|persisted|as json|using|that|which|so|for|to be|with|without)\\b.*$");
    private static final Set<String> UNCOUNTABLE = Set.of(
            "data", "news", "series", "species", "music", "equipment", "information", "feedback", "software",
            "furniture", "luggage", "mail", "staff");
    private static final Set<String> RESERVED = Set.of("id", "createdat", "updatedat");
    private static final List<Field> DEFAULT_FIELDS = List.of(
            new Field("name", "Name", FieldType.STRING, true),
            new Field("description", "Description", FieldType.STRING, false));

    private EntityExtractor() {
    }

    /** The entity the prompt describes; {@code items} with name and description when it names none. */
    static Entity extract(PromptText prompt) {
        String text = prompt.original();
        String noun = entityNoun(text).orElse("items");
        String plural;
        String singular;
        String stem = PromptText.singular(noun);
        if (UNCOUNTABLE.contains(noun)) {
            plural = noun;
            singular = noun;
        } else if (!stem.equals(noun)) {
            plural = noun;
            singular = stem;
        } else {
            singular = noun;
            plural = PromptText.plural(noun);
        }
        List<Field> fields = fields(text, new HashSet<>(List.of(plural, singular)));
        return fields.isEmpty()
                ? new Entity(plural, singular, DEFAULT_FIELDS, false)
                : new Entity(plural, singular, fields, true);
    }

    /** Whether the prompt lists fields at all (used to prefer the API blueprint). */
    static boolean namesFields(PromptText prompt) {
        Optional<String> noun = entityNoun(prompt.original());
        Set<String> skip = noun.<Set<String>>map(n -> new HashSet<>(List.of(n, PromptText.singular(n))))
                .orElse(Set.of());
        return !fields(prompt.original(), skip).isEmpty();
    }

    static Optional<String> entityNoun(String text) {
        Matcher after = ENTITY_AFTER.matcher(text);
        while (after.find()) {
            Optional<String> noun = headNoun(after.group(1));
            if (noun.isPresent()) {
                return noun;
            }
        }
        Matcher before = ENTITY_BEFORE.matcher(text);
        while (before.find()) {
            Optional<String> noun = headNoun(before.group(1));
            if (noun.isPresent()) {
                return noun;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> headNoun(String phrase) {
        List<String> words = new ArrayList<>(Arrays.asList(phrase.toLowerCase(Locale.ROOT).split("[\\s-]+")));
        int of = words.lastIndexOf("of");
        if (of >= 0 && of + 1 < words.size()) {
            words = new ArrayList<>(words.subList(of + 1, words.size()));
        }
        words.removeIf(w -> NOT_A_NOUN.contains(w) || !w.matches("[a-z][a-z0-9]{1,31}"));
        return words.isEmpty() ? Optional.empty() : Optional.of(words.get(words.size() - 1));
    }

    /** The fields a "with …" (or "fields: …") list in {@code prompt} names, in order; empty when none. */
    static List<Field> listedFields(PromptText prompt) {
        return fields(prompt.original(), Set.of());
    }

    private static List<Field> fields(String text, Set<String> entityWords) {
        Matcher start = FIELDS_START.matcher(text);
        while (start.find()) {
            List<Field> fields = parseList(text.substring(start.end()), entityWords);
            if (!fields.isEmpty()) {
                return fields;
            }
        }
        return List.of();
    }

    private static List<Field> parseList(String clause, Set<String> entityWords) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (String raw : ListPhrase.items(clause)) {
            Optional<Field> field = parseItem(raw);
            if (field.isEmpty()) {
                break;
            }
            Field f = field.get();
            if (fields.isEmpty() && (entityWords.contains(f.name()) || NOT_A_FIELD.contains(f.name()))) {
                return List.of();
            }
            if (NOT_A_FIELD.contains(f.name()) || fields.size() >= MAX_FIELDS) {
                break;
            }
            if (!RESERVED.contains(f.name().toLowerCase(Locale.ROOT))) {
                fields.putIfAbsent(f.name(), f);
            }
        }
        return new ArrayList<>(fields.values());
    }

    /** One field from one item of a list ("due date", "price (number)"), or empty when it is not a field. */
    static Optional<Field> parseItem(String raw) {
        String item = raw.toLowerCase(Locale.ROOT).strip();
        String hint = null;
        Matcher m = TYPE_HINT.matcher(item);
        if (m.matches()) {
            for (int g = 2; g <= 5; g++) {
                if (m.group(g) != null) {
                    hint = m.group(g);
                }
            }
            item = m.group(1);
        }
        item = TRAILING_CLAUSE.matcher(item).replaceFirst("");
        List<String> words = new ArrayList<>(Arrays.asList(item.split("[\\s_-]+")));
        words.removeIf(String::isEmpty);
        boolean optional = false;
        while (!words.isEmpty() && Set.of("a", "an", "the", "its", "their", "his", "her", "optional", "optionally",
                "required", "mandatory", "also", "some", "plus").contains(words.get(0))) {
            optional |= words.get(0).startsWith("optional");
            words.remove(0);
        }
        if (words.isEmpty() || words.size() > 3 || LIST_BREAK.contains(words.get(0))
                || !words.stream().allMatch(w -> w.matches("[a-z][a-z0-9]{0,30}"))) {
            return Optional.empty();
        }
        if (hint != null) {
            optional |= hint.contains("optional");
        }
        FieldType type = hint == null ? null : explicitType(hint);
        if (type == null) {
            type = inferType(words);
        }
        return Optional.of(new Field(camel(words), label(words), type, !optional && type != FieldType.BOOLEAN));
    }

    static FieldType explicitType(String hint) {
        for (String w : hint.split("[^a-z0-9]+")) {
            switch (w) {
                case "string", "text", "str", "varchar" -> {
                    return FieldType.STRING;
                }
                case "int", "integer", "whole", "long" -> {
                    return FieldType.INTEGER;
                }
                case "number", "float", "decimal", "double", "numeric", "real" -> {
                    return FieldType.NUMBER;
                }
                case "bool", "boolean", "flag", "checkbox" -> {
                    return FieldType.BOOLEAN;
                }
                case "date", "datetime", "timestamp" -> {
                    return FieldType.DATE;
                }
                case "email" -> {
                    return FieldType.EMAIL;
                }
                case "url", "link", "uri" -> {
                    return FieldType.URL;
                }
                default -> {
                }
            }
        }
        return null;
    }

    static FieldType inferType(List<String> words) {
        Set<String> w = Set.copyOf(words);
        String first = words.get(0);
        String last = words.get(words.size() - 1);
        if (containsAny(w, "phone", "tel", "telephone", "mobile", "zip", "postcode", "postal", "isbn", "sku",
                "code", "ssn", "iban")) {
            return FieldType.STRING;
        }
        if (containsAny(w, "email", "mail")) {
            return FieldType.EMAIL;
        }
        if (containsAny(w, "url", "website", "link", "homepage", "uri")) {
            return FieldType.URL;
        }
        if (containsAny(w, "date", "due", "deadline", "birthday", "dob", "birthdate") || last.endsWith("date")
                || (words.size() > 1 && last.equals("at")) || last.equals("on")) {
            return FieldType.DATE;
        }
        if (Set.of("is", "has", "can", "should", "was", "in").contains(first) && words.size() > 1
                || containsAny(w, "done", "active", "completed", "complete", "finished", "published", "available",
                "enabled", "disabled", "archived", "public", "private", "verified", "paid", "read", "favorite",
                "favourite", "visible", "approved", "featured", "checked", "pinned", "starred", "vegan",
                "vegetarian", "deleted", "hidden", "confirmed", "resolved", "open", "closed", "flag")) {
            return FieldType.BOOLEAN;
        }
        if (containsAny(w, "year", "age", "count", "quantity", "qty", "pages", "stock", "rank", "votes", "level",
                "minutes", "seconds", "hours", "days", "floor", "seats", "capacity", "population", "likes", "views",
                "servings", "copies", "episodes", "season", "position", "reps", "sets", "steps", "points")) {
            return FieldType.INTEGER;
        }
        if (containsAny(w, "price", "cost", "amount", "total", "rating", "score", "weight", "height", "width",
                "length", "size", "distance", "duration", "balance", "salary", "budget", "percent", "percentage",
                "temperature", "lat", "latitude", "lng", "lon", "longitude", "number", "num", "calories", "fee",
                "rate", "value", "km", "miles")) {
            return FieldType.NUMBER;
        }
        return FieldType.STRING;
    }

    private static boolean containsAny(Set<String> words, String... candidates) {
        for (String c : candidates) {
            if (words.contains(c)) {
                return true;
            }
        }
        return false;
    }

    private static String camel(List<String> words) {
        StringBuilder b = new StringBuilder(words.get(0));
        for (String w : words.subList(1, words.size())) {
            b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return b.toString();
    }

    private static String label(List<String> words) {
        String joined = String.join(" ", words);
        return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }
}
