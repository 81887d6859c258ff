package ai.spawn.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of an HTML page that the rules need: start tags with their attributes and the bodies of
 * {@code <script>} elements, each with its offset in the page. A forgiving scanner, not a conforming HTML parser:
 * comments are skipped, the content of {@code script}, {@code style}, {@code textarea} and {@code title} is raw text.
 * Hand-rolled to stay linear on malformed input; immutable and thread-safe.
 */
final class HtmlDocument {

    /** An attribute value and the offset of its first character in the page. */
    record Attribute(String name, String value, int valueOffset) {
    }

    /** A start tag. */
    record Tag(String name, int offset, Map<String, Attribute> attributes) {

        String get(String attribute) {
            Attribute a = attributes.get(attribute);
            return a == null ? null : a.value();
        }
    }

    /** A {@code <script>} element: its start tag and its body. */
    record Script(Tag tag, String body, int bodyOffset) {

        /** Whether the body is JavaScript (not JSON, an import map or a template). */
        boolean isJavaScript() {
            String type = tag.get("type");
            if (type == null) {
                return true;
            }
            String t = type.trim().toLowerCase(Locale.ROOT);
            return t.isEmpty() || t.equals("module") || t.equals("text/javascript") || t.equals("application/javascript")
                    || t.equals("text/ecmascript") || t.equals("application/ecmascript") || t.equals("text/babel")
                    || t.equals("text/jsx");
        }

        /** Whether the browser would parse it as plain JavaScript (not JSX for an in-page transpiler). */
        boolean isPlainJavaScript() {
            String type = tag.get("type");
            return isJavaScript() && (type == null || !type.toLowerCase(Locale.ROOT).contains("babel")
                    && !type.toLowerCase(Locale.ROOT).contains("jsx"));
        }

        boolean isModule() {
            String type = tag.get("type");
            return type != null && type.trim().equalsIgnoreCase("module");
        }
    }

    private final List<Tag> tags = new ArrayList<>();
    private final List<Script> scripts = new ArrayList<>();

    private HtmlDocument() {
    }

    static HtmlDocument parse(String html) {
        HtmlDocument doc = new HtmlDocument();
        doc.scan(html);
        return doc;
    }

    List<Tag> tags() {
        return tags;
    }

    List<Script> scripts() {
        return scripts;
    }

    private void scan(String h) {
        String lower = h.toLowerCase(Locale.ROOT);
        int n = h.length();
        int i = 0;
        while (i < n) {
            int lt = h.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                return;
            }
            if (h.startsWith("<!--", lt)) {
                int end = h.indexOf("-->", lt + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            if (!Character.isLetter(h.charAt(lt + 1))) {
                i = lt + 1;
                continue;
            }
            int j = lt + 1;
            while (j < n && !Character.isWhitespace(h.charAt(j)) && h.charAt(j) != '>' && h.charAt(j) != '/') {
                j++;
            }
            String name = lower.substring(lt + 1, j);
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            j = attributes(h, j, attributes);
            Tag tag = new Tag(name, lt, attributes);
            tags.add(tag);
            i = j;
            if (name.equals("script") || name.equals("style") || name.equals("textarea") || name.equals("title")) {
                int close = lower.indexOf("</" + name, i);
                int end = close < 0 ? n : close;
                if (name.equals("script")) {
                    scripts.add(new Script(tag, h.substring(i, end), i));
                }
                i = end;
            }
        }
    }

    /** Reads attributes from {@code from} up to and including the tag's {@code >}; returns the index after it. */
    private static int attributes(String h, int from, Map<String, Attribute> out) {
        int n = h.length();
        int j = from;
        while (j < n) {
            char c = h.charAt(j);
            if (c == '>') {
                return j + 1;
            }
            if (Character.isWhitespace(c) || c == '/') {
                j++;
                continue;
            }
            int nameStart = j;
            while (j < n && !Character.isWhitespace(h.charAt(j)) && "=>/".indexOf(h.charAt(j)) < 0) {
                j++;
            }
            String name = h.substring(nameStart, j).toLowerCase(Locale.ROOT);
            while (j < n && Character.isWhitespace(h.charAt(j))) {
                j++;
            }
            if (j < n && h.charAt(j) == '=') {
                j++;
                while (j < n && Character.isWhitespace(h.charAt(j))) {
                    j++;
                }
                if (j < n && (h.charAt(j) == '"' || h.charAt(j) == '\'')) {
                    char q = h.charAt(j);
                    int end = h.indexOf(q, j + 1);
                    end = end < 0 ? n : end;
                    out.putIfAbsent(name, new Attribute(name, h.substring(j + 1, end), j + 1));
                    j = Math.min(n, end + 1);
                } else {
                    int start = j;
                    while (j < n && !Character.isWhitespace(h.charAt(j)) && h.charAt(j) != '>') {
                        j++;
                    }
                    out.putIfAbsent(name, new Attribute(name, h.substring(start, j), start));
                }
            } else if (!name.isEmpty()) {
                out.putIfAbsent(name, new Attribute(name, "", j));
            }
        }
        return n;
    }
}
