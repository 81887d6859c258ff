package ai.spawn.generation.anthropic;

import java.util.Map;
import java.util.TreeMap;

import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.model.PartialAppScanner;
import ai.spawn.generation.model.Prompts;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageDeltaUsage;
import com.anthropic.models.messages.RawContentBlockDelta;
import com.anthropic.models.messages.RawContentBlockStartEvent;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.Usage;

/**
 * Follows one streamed answer: the SDK's {@link MessageAccumulator} rebuilds the message, a
 * {@link PartialAppScanner} per {@code deliver_app} block reports files as their JSON completes, and the usage is
 * tracked event by event so that a stream that breaks off still tells what it consumed. Not thread-safe: one per
 * call, fed from the calling thread.
 */
final class StreamedAnswer {

    private final MessageAccumulator accumulator = MessageAccumulator.create();
    private final Map<Long, PartialAppScanner> toolInputs = new TreeMap<>();
    private final GenerationListener listener;
    private long input;
    private long output;
    private long cacheWrite;
    private long cacheRead;
    private boolean announced;

    StreamedAnswer(GenerationListener listener) {
        this.listener = listener;
    }

    void accept(RawMessageStreamEvent event) {
        accumulator.accumulate(event);
        if (event.isMessageStart()) {
            Usage usage = event.asMessageStart().message().usage();
            input = usage.inputTokens();
            output = usage.outputTokens();
            cacheWrite = usage.cacheCreationInputTokens().orElse(0L);
            cacheRead = usage.cacheReadInputTokens().orElse(0L);
        } else if (event.isContentBlockStart()) {
            RawContentBlockStartEvent start = event.asContentBlockStart();
            RawContentBlockStartEvent.ContentBlock block = start.contentBlock();
            if (block.isToolUse() && Prompts.TOOL_NAME.equals(block.asToolUse().name())) {
                toolInputs.put(start.index(), new PartialAppScanner());
                if (!announced) {
                    announced = true;
                    listener.progress("the model is writing the files");
                }
            }
        } else if (event.isContentBlockDelta()) {
            RawContentBlockDelta delta = event.asContentBlockDelta().delta();
            PartialAppScanner scanner = toolInputs.get(event.asContentBlockDelta().index());
            if (scanner != null && delta.isInputJson()) {
                for (String path : scanner.append(delta.asInputJson().partialJson())) {
                    listener.fileWritten(path);
                }
            }
        } else if (event.isMessageDelta()) {
            // message_delta carries cumulative counts
            MessageDeltaUsage usage = event.asMessageDelta().usage();
            output = usage.outputTokens();
            input = usage.inputTokens().orElse(input);
            cacheWrite = usage.cacheCreationInputTokens().orElse(cacheWrite);
            cacheRead = usage.cacheReadInputTokens().orElse(cacheRead);
        }
    }

    /** What the stream has consumed so far, also when it broke off. */
    Answer.Tokens tokens() {
        return new Answer.Tokens(input, output, cacheWrite, cacheRead);
    }

    /** Whether {@code message_stop} arrived. */
    boolean complete() {
        try {
            accumulator.message();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * The answer, after {@code message_stop}. The tool input is the exact streamed JSON text (the accumulator
     * replaces JSON it cannot parse by an empty object, which would hide why an answer is unusable); a block that
     * was streamed whole, without deltas, falls back to the accumulated input.
     */
    Answer answer(String configuredModel) {
        Message message = accumulator.message();
        Answer whole = AnthropicCodeGenerator.answerOf(message, configuredModel);
        String streamed = toolInputs.values().stream().map(PartialAppScanner::json).filter(j -> !j.isBlank())
                .findFirst().orElse(null);
        return new Answer(whole.model(), streamed != null ? streamed : whole.toolInput(), whole.text(),
                whole.stopReason(), tokens());
    }
}
