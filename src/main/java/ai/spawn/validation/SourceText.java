package ai.spawn.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A piece of source text with every character classified as code, string (or regular-expression) literal, or
 * comment, so that rules can look for calls in code only and for paths in literals only. Immutable after
 * construction, so thread-safe.
 */
final class SourceText {

    static final byte CODE = 0;
    static final byte STRING = 1;
    static final byte COMMENT = 2;

    /** A string literal: where it starts (its opening quote) and its content without prefix and quotes. */
    record Literal(int start, int end, String value) {
    }

    private final String text;
    private final byte[] kinds;
    private final int firstLine;
    private final int[] lineStarts;
    private final String withoutComments;
    private final List<Literal> literals;

    private SourceText(String text, byte[] kinds, int firstLine) {
        this.text = text;
        this.kinds = kinds;
        this.firstLine = firstLine;
        this.lineStarts = lineStarts(text);
        this.withoutComments = blankComments(text, kinds);
        this.literals = literals(text, kinds);
    }

    /** JavaScript or TypeScript; {@code firstLine} is the line of the text's first character in its file. */
    static SourceText javascript(String text, int firstLine) {
        return new SourceText(text, JavaScriptLexer.classify(text), firstLine);
    }

    static SourceText python(String text, int firstLine) {
        return new SourceText(text, PythonLexer.classify(text), firstLine);
    }

    /** Text that is not code (a shell line, a config file): everything counts as literal text. */
    static SourceText plain(String text, int firstLine) {
        byte[] kinds = new byte[text.length()];
        Arrays.fill(kinds, STRING);
        return new SourceText(text, kinds, firstLine);
    }

    String text() {
        return text;
    }

    /** The text with comments replaced by spaces (line breaks kept), so offsets and lines stay the same. */
    String withoutComments() {
        return withoutComments;
    }

    List<Literal> literals() {
        return literals;
    }

    /** The literal that starts exactly at {@code offset}, or {@code null}. */
    Literal literalAt(int offset) {
        int lo = 0;
        int hi = literals.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int start = literals.get(mid).start();
            if (start == offset) {
                return literals.get(mid);
            }
            if (start < offset) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return null;
    }

    int length() {
        return text.length();
    }

    boolean isCode(int offset) {
        return kinds[offset] == CODE;
    }

    boolean isComment(int offset) {
        return kinds[offset] == COMMENT;
    }

    /** 1-based line in the file of the character at {@code offset}. */
    int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        int index = i >= 0 ? i : -i - 2;
        return firstLine + index;
    }

    /** Matches of {@code pattern} (run on the text without comments) that start in code. */
    void eachCodeMatch(Pattern pattern, Consumer<Matcher> action) {
        Matcher m = pattern.matcher(withoutComments);
        while (m.find()) {
            if (m.end() > m.start() && isCode(m.start())) {
                action.accept(m);
            }
        }
    }

    /** Whether {@code pattern} matches anywhere in code. */
    boolean hasCode(Pattern pattern) {
        Matcher m = pattern.matcher(withoutComments);
        while (m.find()) {
            if (m.end() > m.start() && isCode(m.start())) {
                return true;
            }
        }
        return false;
    }

    /** Matches of {@code pattern} anywhere outside comments. */
    void eachMatch(Pattern pattern, Consumer<Matcher> action) {
        Matcher m = pattern.matcher(withoutComments);
        while (m.find()) {
            if (m.end() > m.start() && !isComment(m.start())) {
                action.accept(m);
            }
        }
    }

    private static int[] lineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[n++] = i + 1;
            }
        }
        return starts;
    }

    private static String blankComments(String text, byte[] kinds) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (kinds[i] == COMMENT && chars[i] != '\n' && chars[i] != '\r') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    private static List<Literal> literals(String text, byte[] kinds) {
        List<Literal> out = new ArrayList<>();
        int i = 0;
        while (i < kinds.length) {
            if (kinds[i] != STRING) {
                i++;
                continue;
            }
            int start = i;
            while (i < kinds.length && kinds[i] == STRING) {
                i++;
            }
            out.add(new Literal(start, i, unquote(text.substring(start, i))));
        }
        return out;
    }

    /** Drops a Python string prefix and the quotes around a literal's text. */
    private static String unquote(String raw) {
        int from = 0;
        while (from < raw.length() && from < 2 && "rRbBuUfF".indexOf(raw.charAt(from)) >= 0
                && raw.length() > from + 1 && "rRbBuUfF'\"".indexOf(raw.charAt(from + 1)) >= 0) {
            from++;
        }
        int to = raw.length();
        while (from < to && isQuote(raw.charAt(from))) {
            from++;
        }
        while (to > from && isQuote(raw.charAt(to - 1))) {
            to--;
        }
        return raw.substring(from, to);
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"' || c == '`';
    }
}
