package ai.spawn.generation.openai;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Readable reasons for error answers of an OpenAI-compatible server. Stateless. */
final class OpenAiFailures {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final int DETAIL_LIMIT = 300;

    private OpenAiFailures() {
    }

    static String reason(int status, String body, String model, int attempts) {
        String detail = detail(body);
        String tries = attempts == 1 ? "" : " after " + attempts + " attempts";
        return switch (status) {
            case 401 -> "the model server refused the API key (HTTP 401); check OPENAI_API_KEY";
            case 403 -> "the model server does not allow this request (HTTP 403: " + detail + ")";
            case 404 -> "the model server does not know model " + model + " or the URL is wrong (HTTP 404: " + detail
                    + "); for Ollama, pull the model first";
            case 429 -> "the model server's rate limit was still exceeded" + tries + " (HTTP 429: " + detail + ")";
            default -> status >= 500
                    ? "the model server failed" + tries + " (HTTP " + status + ": " + detail + ")"
                    : "the model server rejected the request (HTTP " + status + ": " + detail + ")";
        };
    }

    /** {@code error.message} of an OpenAI-style error body, else the start of the body. */
    static String detail(String body) {
        if (body == null || body.isBlank()) {
            return "no details";
        }
        try {
            JsonNode error = JSON.readTree(body).path("error");
            String message = error.isString() ? error.stringValue() : error.path("message").asString(null);
            if (message != null && !message.isBlank()) {
                return cut(message);
            }
        } catch (JacksonException e) {
            // not JSON: quote the text
        }
        return cut(body.strip());
    }

    private static String cut(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= DETAIL_LIMIT ? flat : flat.substring(0, DETAIL_LIMIT) + "…";
    }
}
