package ai.spawn.generation.model;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Watches the {@code deliver_app} input while a model streams it as JSON fragments and tells which files are
 * complete: each object of the top-level {@code "files"} array is reported as soon as its closing brace arrives,
 * so a person sees files appear while the model writes them. Keeps the whole text for the final parse.
 *
 * <p>Hand-written because no JSON library reports completed array elements of an unfinished document without
 * re-parsing it; this is a single pass over each character (strings, escapes, nesting), linear in the input.
 * Malformed input never throws here: it simply reports nothing, and the final parse explains the problem.
 * Not thread-safe: one scanner per streamed tool call.
 */
public final class PartialAppScanner {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final StringBuilder text = new StringBuilder(8192);
    private final StringBuilder stack = new StringBuilder();
    private int scanned;
    private boolean inString;
    private boolean escaped;
    private boolean keyExpected;
    private boolean stringIsTopKey;
    private int stringStart;
    private String topKey;
    private int fileStart = -1;

    /**
     * Adds the next fragment.
     *
     * @return the paths of the files completed by this fragment, in order (often empty)
     */
    public List<String> append(String fragment) {
        text.append(fragment);
        List<String> completed = List.of();
        for (int i = scanned; i < text.length(); i++) {
            String path = step(text.charAt(i), i);
            if (path != null) {
                if (completed.isEmpty()) {
                    completed = new ArrayList<>(2);
                }
                completed.add(path);
            }
        }
        scanned = text.length();
        return completed;
    }

    /** Everything appended so far. */
    public String json() {
        return text.toString();
    }

    private String step(char c, int i) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                inString = false;
                if (stringIsTopKey) {
                    topKey = text.substring(stringStart + 1, i);
                }
            }
            return null;
        }
        switch (c) {
            case '"' -> {
                inString = true;
                stringStart = i;
                stringIsTopKey = depth() == 1 && keyExpected;
            }
            case '{' -> {
                stack.append('{');
                keyExpected = true;
                if (depth() == 3 && stack.charAt(1) == '[' && "files".equals(topKey)) {
                    fileStart = i;
                }
            }
            case '[' -> stack.append('[');
            case '}' -> {
                String path = null;
                if (depth() == 3 && fileStart >= 0) {
                    path = pathOf(text.substring(fileStart, i + 1));
                    fileStart = -1;
                }
                pop();
                return path;
            }
            case ']' -> pop();
            case ':' -> keyExpected = false;
            case ',' -> keyExpected = depth() > 0 && stack.charAt(depth() - 1) == '{';
            default -> {
                // whitespace, numbers, literals: nothing to track
            }
        }
        return null;
    }

    private int depth() {
        return stack.length();
    }

    private void pop() {
        if (!stack.isEmpty()) {
            stack.setLength(stack.length() - 1);
        }
        keyExpected = false;
    }

    private static String pathOf(String fileObject) {
        try {
            JsonNode path = JSON.readTree(fileObject).get("path");
            return path != null && path.isString() ? path.stringValue() : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
