package ai.spawn.generation.openai;

import java.util.Map;
import java.util.TreeMap;

import ai.spawn.generation.GenerationException;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.model.PartialAppScanner;
import ai.spawn.generation.model.Prompts;
import tools.jackson.databind.JsonNode;

/**
 * Assembles one chat completion: from streamed {@code chat.completion.chunk}s (tool-call argument fragments joined
 * by their {@code index}, content deltas, the finish reason, usage from the last chunk) or from one whole
 * {@code chat.completion}. Reports each {@code deliver_app} file as its JSON completes. Not thread-safe: one per
 * call, fed from the calling thread.
 */
final class ChatAnswer {

    private static final int TEXT_LIMIT = 2000;

    private static final class ToolCall {
        String name;
        final PartialAppScanner arguments = new PartialAppScanner();
    }

    private final GenerationListener listener;
    private final Map<Integer, ToolCall> calls = new TreeMap<>();
    private final StringBuilder text = new StringBuilder();
    private String model;
    private String finishReason;
    private long promptTokens;
    private long completionTokens;
    private long cachedTokens;
    private boolean announced;

    ChatAnswer(GenerationListener listener) {
        this.listener = listener;
    }

    /**
     * Takes one streamed chunk.
     *
     * @throws GenerationException when the chunk reports an error
     */
    void chunk(JsonNode chunk) {
        failOnError(chunk);
        common(chunk);
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        if (delta.path("content").isString() && text.length() < TEXT_LIMIT) {
            text.append(delta.get("content").stringValue());
        }
        for (JsonNode fragment : delta.path("tool_calls")) {
            ToolCall call = calls.computeIfAbsent(fragment.path("index").asInt(0), i -> new ToolCall());
            JsonNode function = fragment.path("function");
            if (function.path("name").isString() && !function.get("name").stringValue().isEmpty()) {
                call.name = function.get("name").stringValue();
            }
            String arguments = arguments(function.get("arguments"));
            if (!arguments.isEmpty()) {
                boolean deliver = call.name == null || Prompts.TOOL_NAME.equals(call.name);
                if (deliver && !announced) {
                    announced = true;
                    listener.progress("the model is writing the files");
                }
                for (String path : call.arguments.append(arguments)) {
                    if (deliver) {
                        listener.fileWritten(path);
                    }
                }
            }
        }
        if (choice.path("finish_reason").isString()) {
            finishReason = choice.get("finish_reason").stringValue();
        }
    }

    /** Takes a whole, non-streamed completion. */
    void whole(JsonNode completion) {
        failOnError(completion);
        common(completion);
        JsonNode choice = completion.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (message.path("content").isString()) {
            text.append(message.get("content").stringValue(), 0,
                    Math.min(TEXT_LIMIT, message.get("content").stringValue().length()));
        }
        int i = 0;
        for (JsonNode call : message.path("tool_calls")) {
            ToolCall assembled = new ToolCall();
            assembled.name = call.path("function").path("name").asString(null);
            assembled.arguments.append(arguments(call.path("function").get("arguments")));
            calls.put(i++, assembled);
        }
        finishReason = choice.path("finish_reason").asString(null);
    }

    private void common(JsonNode node) {
        if (node.path("model").isString()) {
            model = node.get("model").stringValue();
        }
        JsonNode usage = node.get("usage");
        if (usage != null && usage.isObject()) {
            promptTokens = usage.path("prompt_tokens").asLong(promptTokens);
            completionTokens = usage.path("completion_tokens").asLong(completionTokens);
            cachedTokens = usage.path("prompt_tokens_details").path("cached_tokens").asLong(cachedTokens);
        }
    }

    private static void failOnError(JsonNode node) {
        JsonNode error = node.get("error");
        if (error != null && !error.isNull()) {
            String message = error.isObject() ? error.path("message").asString("no message") : error.asString();
            throw new GenerationException("the model server reported an error mid-answer (" + message + ")");
        }
    }

    private static String arguments(JsonNode arguments) {
        if (arguments == null || arguments.isNull()) {
            return "";
        }
        // some servers send the arguments as a JSON object instead of a string holding one
        return arguments.isString() ? arguments.stringValue() : arguments.toString();
    }

    /** The arguments of the first {@code deliver_app} call, or {@code null} when there was none. */
    String toolInput() {
        return calls.values().stream().filter(c -> Prompts.TOOL_NAME.equals(c.name)).map(c -> c.arguments.json())
                .findFirst().orElse(null);
    }

    String text() {
        return text.toString();
    }

    String model(String fallback) {
        return model == null ? fallback : model;
    }

    String finishReason() {
        return finishReason;
    }

    /** Uncached prompt tokens. */
    long inputTokens() {
        return Math.max(0, promptTokens - cachedTokens);
    }

    long outputTokens() {
        return completionTokens;
    }

    long cachedTokens() {
        return cachedTokens;
    }

    boolean consumedTokens() {
        return promptTokens > 0 || completionTokens > 0;
    }
}
