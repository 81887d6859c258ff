package ai.spawn.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import ai.spawn.text.TerminalText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the server's JSON leniently: a missing or null field is {@code null}, never an exception. */
final class Json {

    private Json() {
    }

    static JsonMapper mapper() {
        return JsonMapper.builder().build();
    }

    /**
     * The text of {@code field}, or {@code null} when it is missing, null or not a scalar; without terminal
     * control characters, as the server's text may quote an app's output.
     */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        return TerminalText.clean(value.asString());
    }

    /** The text of {@code node} itself, cleaned like {@link #text(JsonNode, String)}. */
    static String text(JsonNode node) {
        return TerminalText.clean(node.asString());
    }

    /** The text of {@code field}, or {@code fallback}. */
    static String text(JsonNode node, String field, String fallback) {
        String value = text(node, field);
        return value == null ? fallback : value;
    }

    /** The number in {@code field}, or {@code null}. */
    static Long number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber() ? value.asLong() : null;
    }

    /** The ISO-8601 instant in {@code field}, or {@code null}. */
    static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String pretty(JsonMapper mapper, JsonNode node) {
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }
}
