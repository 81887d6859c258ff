package ai.spawn.generation.blueprint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a message says about an app's data fields — "add a due date field", "also track the price (number)",
 * "remove the year field" — and applies it to a list of fields. A conversation's fields are the fold of its
 * messages, oldest first. Stateless and thread-safe.
 */
final class FieldEdits {

    private static final String FIELD_WORD = "(?:fields?|columns?|propert(?:y|ies)|attributes?|inputs?)";
    private static final Pattern ADD = Pattern.compile(
            "\\b(?:add|adds|adding|include|also\\s+(?:track|store|record|save|keep|show|have))\\s+"
                    + "(?:(?:a|an|the|some)\\s+)?(?:(?:new|extra|additional|optional|more)\\s+)?"
                    + "(?:" + FIELD_WORD + "\\s*(?:called|named|for|:)?\\s+)?(.+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REMOVE = Pattern.compile(
            "\\b(?:remove|delete|drop|get\\s+rid\\s+of|take\\s+out|no\\s+longer\\s+(?:track|store|need))\\s+"
                    + "(?:(?:the|its|a)\\s+)?(?:" + FIELD_WORD + "\\s*:?\\s+)?(.+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_FIELD_WORD = Pattern.compile(
            "(?i)\\s+" + FIELD_WORD + "(?=\\s|$).*$");
    private static final Pattern TRAILING_TARGET = Pattern.compile(
            "(?i)\\s+(?:to|for|on|from|in)\\s+(?:each|every|all|the|my|its|it|them|this)\\b.*$");
    private static final Pattern EXPLICIT = Pattern.compile("(?i)\\b" + FIELD_WORD + "\\b|\\(");
    /** Interface words: "add a login page" asks for a screen, not a field. */
    private static final Set<String> NOT_DATA = Set.of(
            "page", "pages", "screen", "button", "buttons", "login", "logout", "signup", "sign", "register", "auth",
            "chart", "charts", "graph", "graphs", "menu", "sidebar", "navbar", "nav", "footer", "header", "modal",
            "dialog", "popup", "animation", "animations", "feature", "features", "support", "mode", "theme", "tab",
            "tabs", "section", "sections", "drag", "drop", "dark", "light",
            "sound", "sounds", "music", "notification", "notifications", "filter", "filters", "export", "import",
            "users", "user", "accounts", "account", "map", "image", "images", "photo", "photos", "upload",
            "way", "option", "options", "ability", "emoji", "emojis", "icon", "icons", "logo", "font", "fonts");
    /** Data words a todo's extra field may be named after even without the word "field". */
    private static final Set<String> DATA_WORDS = Set.of(
            "due", "date", "deadline", "priority", "priorities", "tag", "tags", "category", "categories", "note",
            "notes", "assignee", "owner", "estimate", "effort", "points", "project", "label", "labels", "location",
            "place", "description", "details", "comment", "comments", "url", "email", "phone", "cost", "price",
            "amount", "person", "context", "area", "energy", "duration", "time", "start", "reminder", "status",
            "author", "name", "title", "rating", "score", "quantity", "weight", "size", "color", "colour", "type",
            "genre", "year", "age", "address", "city", "country", "company", "subtitle", "summary", "isbn", "stock");

    private FieldEdits() {
    }

    /**
     * What one message asks: fields to add, names to remove, or (for a message that lists fields outright) a
     * replacement list.
     *
     * @param added    fields to append (existing names are replaced in place)
     * @param removed  names or labels to drop, lower-case
     * @param replaced the complete new list, or {@code null}
     */
    record Change(List<Field> added, List<String> removed, List<Field> replaced) {

        static final Change NONE = new Change(List.of(), List.of(), null);

        boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && replaced == null;
        }
    }

    /**
     * Reads {@code message} for a blueprint whose fields are the entity's ({@code lenient}: any noun phrase that is not
     * an interface word is a field) or extras next to fixed ones (a data word, a non-text type or the word "field"
     * is needed, so "add drag and drop" is no field).
     */
    static Change read(PromptText message, boolean lenient) {
        List<Field> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (PromptText clause : FollowUp.clauses(message)) {
            Change c = readClause(clause, lenient);
            added.addAll(c.added());
            removed.addAll(c.removed());
        }
        return added.isEmpty() && removed.isEmpty() ? Change.NONE : new Change(added, removed, null);
    }

    /** One clause: "add …" or "remove …" (the message's other clauses may say other things). */
    private static Change readClause(PromptText message, boolean lenient) {
        String text = message.original();
        Matcher remove = REMOVE.matcher(text);
        if (remove.find()) {
            List<String> names = new ArrayList<>();
            for (String item : ListPhrase.items(remove.group(1))) {
                String name = TRAILING_TARGET.matcher(TRAILING_FIELD_WORD.matcher(item).replaceFirst(""))
                        .replaceFirst("").strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && name.split("\\s+").length <= 3) {
                    names.add(name);
                }
            }
            return names.isEmpty() ? Change.NONE : new Change(List.of(), names, null);
        }
        Matcher add = ADD.matcher(text);
        if (add.find()) {
            boolean explicit = EXPLICIT.matcher(add.group()).find();
            List<Field> fields = new ArrayList<>();
            for (String item : ListPhrase.items(add.group(1))) {
                String cleaned = TRAILING_TARGET.matcher(TRAILING_FIELD_WORD.matcher(item).replaceFirst(""))
                        .replaceFirst("").strip();
                Optional<Field> field = EntityExtractor.parseItem(cleaned).filter(f -> isData(f, lenient, explicit));
                if (field.isEmpty()) {
                    return Change.NONE;
                }
                fields.add(field.get());
            }
            return fields.isEmpty() ? Change.NONE : new Change(fields, List.of(), null);
        }
        return Change.NONE;
    }

    /** Whether {@code field}, read from a list, is data rather than a feature ("drag", "a login page"). */
    static boolean isData(Field field, boolean lenient, boolean explicit) {
        List<String> words = List.of(field.label().toLowerCase(Locale.ROOT).split("\\s+"));
        if (words.stream().anyMatch(NOT_DATA::contains)
                || EntityExtractor.NOT_A_FIELD.contains(field.name().toLowerCase(Locale.ROOT))) {
            return false;
        }
        return lenient || explicit || field.type() != FieldType.STRING || words.stream().anyMatch(DATA_WORDS::contains);
    }

    /** {@code fields} after {@code change}: replaced, then removals, then additions (same name: replaced in place). */
    static List<Field> apply(List<Field> fields, Change change) {
        Map<String, Field> out = new LinkedHashMap<>();
        for (Field f : change.replaced() != null ? change.replaced() : fields) {
            out.put(f.name(), f);
        }
        for (String name : change.removed()) {
            out.values().removeIf(f -> matches(f, name));
        }
        for (Field f : change.added()) {
            out.put(f.name(), f);
        }
        return new ArrayList<>(out.values());
    }

    /** Whether every name {@code change} removes is one of {@code fields}. */
    static boolean removesOnlyKnown(List<Field> fields, Change change) {
        return change.removed().stream().allMatch(name -> fields.stream().anyMatch(f -> matches(f, name)));
    }

    private static boolean matches(Field f, String name) {
        String n = name.replaceFirst("^(?:the|a|an)\\s+", "");
        String compact = n.replaceAll("[\\s_-]+", "");
        return f.name().equalsIgnoreCase(compact) || f.label().equalsIgnoreCase(n)
                || PromptText.singular(f.name().toLowerCase(Locale.ROOT)).equals(PromptText.singular(compact));
    }
}
