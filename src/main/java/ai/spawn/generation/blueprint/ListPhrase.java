package ai.spawn.generation.blueprint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits an enumeration as people write it ("title, author and year", "todo / doing / done") into its items. The
 * list ends at the end of the sentence. Stateless and thread-safe.
 */
final class ListPhrase {

    private static final Pattern SENTENCE_END = Pattern.compile("[.;!?\\n]\\s|[;!?\\n]|\\.$");
    private static final Pattern SEPARATOR = Pattern.compile(
            "\\s*(?:,|\\band\\b|&|\\+|\\s/\\s|/|\\bplus\\b|\\bas well as\\b|\\bor\\b)\\s*",
            Pattern.CASE_INSENSITIVE);

    private ListPhrase() {
    }

    /** The non-blank items of the enumeration that starts {@code text}, trimmed, in order. */
    static List<String> items(String text) {
        String sentence = SENTENCE_END.split(text, 2)[0];
        List<String> out = new ArrayList<>();
        for (String item : SEPARATOR.split(protectParentheses(sentence))) {
            String v = item.replace('\u0001', ',').strip();
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * The items of the enumeration that starts {@code text} as display names: articles and "my" dropped, first letter
     * capitalised, duplicates removed; the list stops at the first item longer than {@code maxWords} words or 40
     * characters (where the sentence moves on). Empty unless at least two items remain.
     */
    static List<String> names(String text, int maxItems, int maxWords) {
        List<String> out = new ArrayList<>();
        for (String item : items(text)) {
            String name = TitleExtractor.clean(item.replaceFirst("(?i)^(?:a|an|the|my|our|some)\\s+", ""));
            if (name.isEmpty() || name.split("\\s+").length > maxWords || name.length() > 40) {
                break;
            }
            String display = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            if (out.size() < maxItems && out.stream().noneMatch(display::equalsIgnoreCase)) {
                out.add(display);
            }
        }
        return out.size() >= 2 ? out : List.of();
    }

    /** Commas inside "(...)" belong to a type hint, not to the list. */
    private static String protectParentheses(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int depth = 0;
        for (char c : s.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
            b.append(depth > 0 && c == ',' ? '\u0001' : c);
        }
        return b.toString();
    }
}
