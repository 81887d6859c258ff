package ai.spawn.validation;

/**
 * Classifies each character of Python source as code, literal or comment: {@code #} comments, single- and
 * triple-quoted strings with their prefixes ({@code r b u f} and pairs), and the expressions inside f-string braces
 * as code. Not a parser; hand-rolled for the same reason as {@link JavaScriptLexer}. Stateless and thread-safe.
 */
final class PythonLexer {

    /** Deeper f-string nesting than this is treated as plain string text (hostile input must not overflow). */
    private static final int MAX_NESTING = 16;

    private final String s;
    private final byte[] kinds;

    private PythonLexer(String s) {
        this.s = s;
        this.kinds = new byte[s.length()];
    }

    static byte[] classify(String text) {
        PythonLexer lexer = new PythonLexer(text);
        lexer.code(0, false, 0);
        return lexer.kinds;
    }

    /**
     * Scans code from {@code from}. Inside an f-string expression ({@code inBraces}) it returns the index just after
     * the closing brace; otherwise it runs to the end.
     */
    private int code(int from, boolean inBraces, int depth) {
        int n = s.length();
        int i = from;
        int brackets = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '#') {
                int end = s.indexOf('\n', i);
                end = end < 0 ? n : end;
                mark(i, end, SourceText.COMMENT);
                i = end;
            } else if (c == '\'' || c == '"') {
                i = string(prefixStart(i), i, depth);
            } else if (inBraces && (c == '(' || c == '[' || c == '{')) {
                brackets++;
                i++;
            } else if (inBraces && (c == ')' || c == ']')) {
                brackets--;
                i++;
            } else if (inBraces && c == '}') {
                if (brackets <= 0) {
                    return i + 1;
                }
                brackets--;
                i++;
            } else {
                i++;
            }
        }
        return n;
    }

    /** Where the literal's prefix (r, b, f, rb, ...) starts, or {@code quote} when it has none. */
    private int prefixStart(int quote) {
        int j = quote;
        while (j > 0 && quote - j < 2 && "rRbBuUfF".indexOf(s.charAt(j - 1)) >= 0) {
            j--;
        }
        if (j > 0 && (Character.isLetterOrDigit(s.charAt(j - 1)) || s.charAt(j - 1) == '_')) {
            return quote;
        }
        return j;
    }

    /** Scans a string literal whose prefix starts at {@code start}; returns the index after it. */
    private int string(int start, int quoteAt, int depth) {
        int n = s.length();
        char q = s.charAt(quoteAt);
        boolean triple = quoteAt + 2 < n && s.charAt(quoteAt + 1) == q && s.charAt(quoteAt + 2) == q;
        String prefix = s.substring(start, quoteAt).toLowerCase();
        boolean formatted = prefix.indexOf('f') >= 0 && depth < MAX_NESTING;
        int j = quoteAt + (triple ? 3 : 1);
        int segmentStart = start;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (triple && c == q && j + 2 < n && s.charAt(j + 1) == q && s.charAt(j + 2) == q) {
                mark(segmentStart, j + 3, SourceText.STRING);
                return j + 3;
            } else if (!triple && c == q) {
                mark(segmentStart, j + 1, SourceText.STRING);
                return j + 1;
            } else if (!triple && c == '\n') {
                mark(segmentStart, j, SourceText.STRING);
                return j;
            } else if (formatted && c == '{') {
                if (j + 1 < n && s.charAt(j + 1) == '{') {
                    j += 2;
                    continue;
                }
                mark(segmentStart, j, SourceText.STRING);
                int after = code(j + 1, true, depth + 1);
                // the closing brace belongs to the code; the literal resumes after it
                j = after;
                segmentStart = after;
            } else {
                j++;
            }
        }
        mark(segmentStart, n, SourceText.STRING);
        return n;
    }

    private void mark(int from, int to, byte kind) {
        int end = Math.min(to, s.length());
        for (int k = from; k < end; k++) {
            kinds[k] = kind;
        }
    }
}
