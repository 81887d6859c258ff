package ai.spawn.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the arguments of a call found in lexed source, so a rule can see which of them are string literals.
 * Looks at most {@link #MAX_SCAN} characters past the parenthesis. Stateless.
 */
final class CallArguments {

    private static final int MAX_SCAN = 1000;

    /**
     * One argument.
     *
     * @param text    its source text, trimmed
     * @param literal its value when the whole argument is one string literal, else {@code null}
     * @param leading the value of the literal it starts with (the whole literal or the start of a concatenation,
     *                template or f-string), else {@code null}
     */
    record Argument(String text, String literal, String leading) {

        /** Whether it refers to the folder of the file it is written in. */
        boolean mentionsOwnFolder() {
            return text.contains("__dirname") || text.contains("import.meta.dirname") || text.contains("import.meta.url")
                    || text.contains("__file__");
        }

        /** Whether it refers to the process's working folder (the workspace). */
        boolean mentionsWorkingFolder() {
            return text.contains("process.cwd()") || text.contains("os.getcwd()") || text.contains("Path.cwd()");
        }
    }

    private CallArguments() {
    }

    /** The arguments of the call whose opening parenthesis is at {@code openParen}; empty for {@code f()}. */
    static List<Argument> of(SourceText source, int openParen) {
        String s = source.withoutComments();
        int end = Math.min(s.length(), openParen + 1 + MAX_SCAN);
        List<Argument> out = new ArrayList<>();
        int depth = 0;
        int start = openParen + 1;
        for (int i = openParen + 1; i < end; i++) {
            if (!source.isCode(i)) {
                continue;
            }
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ')' || (c == ',' && depth == 0)) {
                add(source, start, i, out);
                if (c == ')') {
                    return out;
                }
                start = i + 1;
            }
        }
        add(source, start, end, out);
        return out;
    }

    private static void add(SourceText source, int from, int to, List<Argument> out) {
        String s = source.withoutComments();
        int a = from;
        int b = to;
        while (a < b && Character.isWhitespace(s.charAt(a))) {
            a++;
        }
        while (b > a && Character.isWhitespace(s.charAt(b - 1))) {
            b--;
        }
        if (a == b) {
            return;
        }
        String leading = null;
        String literal = null;
        int literalStart = a;
        // a Python string prefix (r, b, f, ...) is part of the literal's run
        SourceText.Literal first = source.isCode(literalStart) ? null : source.literalAt(literalStart);
        if (first != null) {
            leading = first.value();
            if (first.end() == b) {
                literal = first.value();
            }
        }
        out.add(new Argument(s.substring(a, b), literal, leading));
    }
}
