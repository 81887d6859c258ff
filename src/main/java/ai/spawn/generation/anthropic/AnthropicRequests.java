package ai.spawn.generation.anthropic;

import java.util.List;

import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.model.Prompts;
import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.CacheControlEphemeral;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.TextBlockParam;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoiceTool;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Builds the Messages API request of a generation: the system prompt as one block marked for prompt caching (with
 * the tool definition before it, both are cached), the edit or fix instructions as a second, uncached block, the
 * {@code deliver_app} tool forced by {@code tool_choice}, and the user message. Immutable and thread-safe.
 */
final class AnthropicRequests {

    private final Prompts prompts;
    private final String model;
    private final long maxTokens;
    private final Tool tool;
    private final TextBlockParam system;
    private final ToolChoiceTool choice;

    AnthropicRequests(Prompts prompts, String model, long maxTokens) {
        this.prompts = prompts;
        this.model = model;
        this.maxTokens = maxTokens;
        this.tool = Tool.builder().name(Prompts.TOOL_NAME).description(prompts.toolDescription())
                .inputSchema(schema(prompts.toolSchema())).build();
        this.system = TextBlockParam.builder().text(prompts.system())
                .cacheControl(CacheControlEphemeral.builder().build()).build();
        this.choice = ToolChoiceTool.builder().name(Prompts.TOOL_NAME).disableParallelToolUse(true).build();
    }

    MessageCreateParams params(GenerationRequest request) {
        String instructions = prompts.instructions(request);
        List<TextBlockParam> blocks = instructions.isEmpty() ? List.of(system)
                : List.of(system, TextBlockParam.builder().text(instructions).build());
        return MessageCreateParams.builder().model(model).maxTokens(maxTokens).systemOfTextBlockParams(blocks)
                .addTool(tool).toolChoice(choice).addUserMessage(prompts.userMessage(request)).build();
    }

    long maxTokens() {
        return maxTokens;
    }

    private static Tool.InputSchema schema(String json) {
        try {
            // the SDK's own (Jackson 2) mapper: its model classes carry Jackson 2 annotations
            return ObjectMappers.jsonMapper().readValue(json, Tool.InputSchema.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the deliver_app schema of the prompts is not valid JSON", e);
        }
    }
}
