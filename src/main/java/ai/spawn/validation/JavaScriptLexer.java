package ai.spawn.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Classifies each character of JavaScript/TypeScript as code, literal or comment. Not a parser: it knows comments,
 * quotes, template literals with nested {@code ${...}} and regular-expression literals (guessed from the preceding
 * token, as syntax highlighters do). Quoted strings and regular expressions end at a line break, so a wrong guess
 * (JSX text with an apostrophe, say) only affects one line. Hand-rolled because no maintained Java library offers
 * this for JavaScript without a full parser; stateless and thread-safe.
 */
final class JavaScriptLexer {

    private static final Set<String> KEYWORDS_BEFORE_EXPRESSION = Set.of("return", "typeof", "instanceof", "in",
            "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await");

    private final String s;
    private final byte[] kinds;
    /** For each open {@code ${} of a template literal: how many plain braces are open inside it. */
    private final Deque<int[]> templates = new ArrayDeque<>();
    private int i;

    private JavaScriptLexer(String s) {
        this.s = s;
        this.kinds = new byte[s.length()];
    }

    static byte[] classify(String text) {
        JavaScriptLexer lexer = new JavaScriptLexer(text);
        lexer.run();
        return lexer.kinds;
    }

    private void run() {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            char next = i + 1 < n ? s.charAt(i + 1) : '\0';
            if (c == '/' && next == '/') {
                mark(i, endOfLine(i), SourceText.COMMENT);
            } else if (c == '/' && next == '*') {
                int end = s.indexOf("*/", i + 2);
                mark(i, end < 0 ? n : end + 2, SourceText.COMMENT);
            } else if (c == '\'' || c == '"') {
                mark(i, endOfQuoted(i, c), SourceText.STRING);
            } else if (c == '`') {
                template(i + 1, i);
            } else if (c == '/' && regexAllowed()) {
                mark(i, endOfRegex(i), SourceText.STRING);
            } else {
                if (c == '{' && !templates.isEmpty()) {
                    templates.peek()[0]++;
                } else if (c == '}' && !templates.isEmpty()) {
                    if (templates.peek()[0] == 0) {
                        templates.pop();
                        i++;
                        template(i, i);
                        continue;
                    }
                    templates.peek()[0]--;
                }
                i++;
            }
        }
    }

    /** Scans template text from {@code from}; stops after the closing backtick or after a {@code ${}. */
    private void template(int from, int literalStart) {
        int n = s.length();
        int j = from;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == '`') {
                mark(literalStart, j + 1, SourceText.STRING);
                return;
            } else if (c == '$' && j + 1 < n && s.charAt(j + 1) == '{') {
                mark(literalStart, j, SourceText.STRING);
                i = j + 2;
                templates.push(new int[] {0});
                return;
            } else {
                j++;
            }
        }
        mark(literalStart, n, SourceText.STRING);
    }

    private int endOfLine(int from) {
        int end = s.indexOf('\n', from);
        return end < 0 ? s.length() : end;
    }

    private int endOfQuoted(int start, char quote) {
        int n = s.length();
        int j = start + 1;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == quote) {
                return j + 1;
            } else if (c == '\n') {
                return j;
            } else {
                j++;
            }
        }
        return n;
    }

    private int endOfRegex(int start) {
        int n = s.length();
        int j = start + 1;
        boolean inClass = false;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '\n') {
                return j;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                j++;
                while (j < n && Character.isLetter(s.charAt(j))) {
                    j++;
                }
                return j;
            }
            j++;
        }
        return n;
    }

    /** Whether a slash here starts a regular expression rather than a division, judged by the previous token. */
    private boolean regexAllowed() {
        int j = i - 1;
        while (j >= 0 && (Character.isWhitespace(s.charAt(j)) || kinds[j] == SourceText.COMMENT)) {
            j--;
        }
        if (j < 0) {
            return true;
        }
        if (kinds[j] == SourceText.STRING) {
            return false;
        }
        char p = s.charAt(j);
        if (Character.isJavaIdentifierPart(p)) {
            int k = j;
            while (k >= 0 && Character.isJavaIdentifierPart(s.charAt(k))) {
                k--;
            }
            return KEYWORDS_BEFORE_EXPRESSION.contains(s.substring(k + 1, j + 1));
        }
        return p != ')' && p != ']' && p != '}';
    }

    private void mark(int from, int to, byte kind) {
        int end = Math.min(to, s.length());
        for (int k = from; k < end; k++) {
            kinds[k] = kind;
        }
        i = Math.max(i, end);
    }
}
