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
