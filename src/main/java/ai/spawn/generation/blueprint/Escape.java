package ai.spawn.generation.blueprint;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a value is written into a template, chosen per placeholder ({@code {{title|html}}}) or by the file's extension.
 * Values from prompts are never trusted: each context gets the escaping that keeps them data.
 */
enum Escape {
    /** Text or a quoted attribute value in HTML. */
    HTML {
        @Override
        String apply(String value) {
            StringBuilder b = new StringBuilder(value.length() + 16);
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '&' -> b.append("&amp;");
                    case '<' -> b.append("&lt;");
                    case '>' -> b.append("&gt;");
                    case '"' -> b.append("&quot;");
                    case '\'' -> b.append("&#39;");
                    default -> b.append(c);
                }
            }
            return b.toString();
        }
    },
    /**
     * A complete JavaScript/JSON (and Python) string literal, quotes included. {@code < > &} and line separators are
     * escaped too, so the literal is also safe inside an HTML {@code <script>}.
     */
    JS {
        @Override
        String apply(String value) {
            StringBuilder b = new StringBuilder(value.length() + 16).append('"');
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    case '<', '>', '&', '\u2028', '\u2029' -> b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    },
    /** A CSS value; only colours, numbers and keywords pass, anything else is a bug in the blueprint. */
    CSS {
        private final Pattern safe = Pattern.compile("[#a-zA-Z0-9 .,%()-]{1,64}");

        @Override
        String apply(String value) {
            if (!safe.matcher(value).matches()) {
                throw new IllegalArgumentException("not a safe CSS value: " + value);
            }
            return value;
        }
    },
    /** Verbatim: plain-text files, and values the generator computed itself (JSON it serialised). */
    RAW {
        @Override
        String apply(String value) {
            return value;
        }
    };

    abstract String apply(String value);

    /** The escape a placeholder gets when it names none, by the template's file name. */
    static Escape forPath(String path) {
        if (path.endsWith(".html") || path.endsWith(".htm") || path.endsWith(".svg")) {
            return HTML;
        }
        // a JSON string literal is a valid Python string literal too
        if (path.endsWith(".js") || path.endsWith(".mjs") || path.endsWith(".json") || path.endsWith(".py")) {
            return JS;
        }
        if (path.endsWith(".css")) {
            return CSS;
        }
        return RAW;
    }

    /** A JSON array of strings, each written as a {@link #JS} literal (so it is also safe inside a script tag). */
    static String jsonArray(java.util.List<String> values) {
        java.util.StringJoiner j = new java.util.StringJoiner(", ", "[", "]");
        for (String v : values) {
            j.add(JS.apply(v));
        }
        return j.toString();
    }

    static Escape named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
