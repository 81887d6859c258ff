package ai.spawn.generation.openai;

import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.model.Prompts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the Chat Completions request body of a generation: the system prompt (with the edit or fix
 * instructions appended) and the user message, the {@code deliver_app} function, {@code tool_choice} naming it,
 * and streaming with usage in the last chunk. Immutable and thread-safe.
 */
final class ChatRequests {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Prompts prompts;
    private final String model;
    private final int maxTokens;
    private final JsonNode tools;
    private final JsonNode toolChoice;

    ChatRequests(Prompts prompts, String model, int maxTokens) {
        this.prompts = prompts;
        this.model = model;
        this.maxTokens = maxTokens;
        ArrayNode tools = JSON.createArrayNode();
        ObjectNode function = tools.addObject().put("type", "function").putObject("function");
        function.put("name", Prompts.TOOL_NAME).put("description", prompts.toolDescription());
        function.set("parameters", JSON.readTree(prompts.toolSchema()));
        this.tools = tools;
        ObjectNode choice = JSON.createObjectNode().put("type", "function");
        choice.putObject("function").put("name", Prompts.TOOL_NAME);
        this.toolChoice = choice;
    }

    byte[] body(GenerationRequest request, boolean stream) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        String instructions = prompts.instructions(request);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system")
                .put("content", instructions.isEmpty() ? prompts.system() : prompts.system() + "\n" + instructions);
        messages.addObject().put("role", "user").put("content", prompts.userMessage(request));
        body.set("tools", tools);
        body.set("tool_choice", toolChoice);
        if (maxTokens > 0) {
            body.put("max_tokens", maxTokens);
        }
        body.put("stream", stream);
        if (stream) {
            body.putObject("stream_options").put("include_usage", true);
        }
        return JSON.writeValueAsBytes(body);
    }
}
