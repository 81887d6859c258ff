package ai.spawn.generation.anthropic;

import static ai.spawn.generation.anthropic.AnthropicTesting.KEY;
import static ai.spawn.generation.anthropic.AnthropicTesting.generator;
import static ai.spawn.generation.anthropic.FakeAnthropicServer.error;
import static ai.spawn.generation.anthropic.FakeAnthropicServer.toolMessage;
import static ai.spawn.generation.anthropic.FakeAnthropicServer.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.spawn.generation.GenerationException;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.LogCapture;
import ai.spawn.generation.SampleApps;
import ai.spawn.generation.anthropic.AnthropicTesting.RecordingSleeper;
import ai.spawn.generation.anthropic.FakeAnthropicServer.Frame;
import ai.spawn.generation.anthropic.FakeAnthropicServer.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicFailuresTest {

    private static final GenerationRequest TODO = GenerationRequest.newApp("a todo list");

    private FakeAnthropicServer fake;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeEach
    void start() throws Exception {
        fake = new FakeAnthropicServer(KEY);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private GenerationException failure(boolean stream) {
        try (AnthropicCodeGenerator generator = generator(fake, KEY, stream, sleeper)) {
            return catchThrowableOfType(GenerationException.class, () -> generator.generate(TODO, null));
        }
    }

    @Test
    void aRefusedKeyFailsAtOnceWithAClearReason() {
        GenerationException e;
        try (AnthropicCodeGenerator generator = generator(fake, "sk-ant-wrong", true, sleeper)) {
            e = catchThrowableOfType(GenerationException.class, () -> generator.generate(TODO, null));
        }
        assertThat(e).hasMessageContaining("the Anthropic API key was refused");
        assertThat(e.usage()).isNull();
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void retriesARateLimitAfterWhatRetryAfterAsks() {
        fake.enqueue(error(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit",
                "retry-after", "2"));
        fake.enqueue(new Stream(FakeAnthropicServer.toolStream(SampleApps.todoInput(), 40, usage(5, 5, 0, 0),
                "tool_use")));
        try (AnthropicCodeGenerator generator = generator(fake, KEY, true, sleeper)) {
            assertThat(generator.generate(TODO, null).files()).hasSize(3);
        }
        assertThat(fake.requests()).hasSize(2);
        assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(fake.requests().get(1).header("x-stainless-retry-count")).isEqualTo("1");
    }

    @Test
    void givesUpOnRepeatedOverloadAfterTheConfiguredRetries() {
        for (int i = 0; i < 3; i++) {
            fake.enqueue(error(529, "overloaded_error", "Overloaded"));
        }
        GenerationException e = failure(true);

        assertThat(e).hasMessageContaining("overloaded").hasMessageContaining("3 attempts")
                .hasMessageContaining("529");
        assertThat(fake.requests()).hasSize(3);
        assertThat(sleeper.sleeps).hasSize(2);
    }

    @Test
    void anErrorEventMidStreamFailsTheAttemptAndKeepsItsUsage() {
        List<Frame> frames = new ArrayList<>(FakeAnthropicServer.toolStream(SampleApps.todoInput().substring(0, 80),
                20, usage(1500, 30, 0, 0), "tool_use"));
        frames = new ArrayList<>(frames.subList(0, frames.size() - 3));
        frames.add(FakeAnthropicServer.errorEvent("overloaded_error", "Overloaded"));
        fake.enqueue(new Stream(frames));
        GenerationException e = failure(true);

        assertThat(e).hasMessageContaining("stream broke off").hasMessageContaining("overloaded_error");
        assertThat(e.usage()).isNotNull();
        assertThat(e.usage().inputTokens()).isEqualTo(1500);
        assertThat(e.usage().costUsd()).isPositive();
    }

    @Test
    void aStreamThatStopsWithoutMessageStopFails() {
        List<Frame> frames = FakeAnthropicServer.toolStream(SampleApps.todoInput(), 50, usage(10, 10, 0, 0),
                "tool_use");
        fake.enqueue(new Stream(frames.subList(0, frames.size() - 2)));

        assertThat(failure(true)).hasMessageContaining("ended before the answer was complete");
    }

    @Test
    void anAnswerWithoutTheToolCallFails() {
        fake.enqueue(new Stream(FakeAnthropicServer.textStream("Here is your app: ```js\nconsole.log(1)```",
                usage(100, 40, 0, 0))));
        GenerationException e = failure(true);

        assertThat(e).hasMessageContaining("instead of calling deliver_app").hasMessageContaining("Here is your app");
        assertThat(e.usage().outputTokens()).isEqualTo(40);
    }

    @Test
    void aWholeAnswerWithoutTheToolCallFails() {
        fake.enqueue(FakeAnthropicServer.textMessage("I cannot do that.", usage(100, 5, 0, 0)));

        assertThat(failure(false)).hasMessageContaining("instead of calling deliver_app");
    }

    @Test
    void invalidJsonInTheToolInputFails() {
        String broken = SampleApps.todoInput().replace("\"runtime\":\"node\"", "\"runtime\":node");
        fake.enqueue(new Stream(FakeAnthropicServer.toolStream(broken, 30, usage(100, 50, 0, 0), "tool_use")));
        GenerationException e = failure(true);

        assertThat(e).hasMessageContaining("not valid JSON");
        assertThat(e.usage()).isNotNull();
    }

    @Test
    void anUnsafePathFails() {
        fake.enqueue(toolMessage(SampleApps.input("node", Map.of("../../etc/cron.d/x", "boom", "server.js", "x"),
                "node server.js", null, 3000), usage(1, 1, 0, 0)));

        assertThat(failure(false)).hasMessageContaining("unsafe path").hasMessageContaining("../../etc/cron.d/x");
    }

    @Test
    void anAnswerCutOffAtTheOutputLimitFails() {
        String input = SampleApps.todoInput();
        fake.enqueue(new Stream(FakeAnthropicServer.toolStream(input.substring(0, input.length() / 2), 30,
                usage(100, 16000, 0, 0), "max_tokens")));

        assertThat(failure(true)).hasMessageContaining("cut off at the output limit of 16000 tokens");
    }

    @Test
    void theKeyNeverAppearsInLogsExceptionsOrToString() {
        fake.enqueue(new Stream(FakeAnthropicServer.toolStream(SampleApps.todoInput(), 40, usage(5, 5, 0, 0),
                "tool_use")));
        fake.enqueue(error(529, "overloaded_error", "Overloaded"));
        fake.enqueue(error(529, "overloaded_error", "Overloaded"));
        fake.enqueue(error(529, "overloaded_error", "Overloaded"));
        List<String> texts = new ArrayList<>();
        try (LogCapture logs = new LogCapture();
             AnthropicCodeGenerator generator = generator(fake, KEY, true, sleeper)) {
            generator.generate(TODO, null);
            GenerationException e = catchThrowableOfType(GenerationException.class, () -> generator.generate(TODO,
                    null));
            for (Throwable t = e; t != null; t = t.getCause()) {
                texts.add(t.toString());
            }
            texts.add(generator.toString());
            texts.add(AnthropicTesting.properties(fake.baseUrl(), KEY, true).toString());
            texts.addAll(logs.lines());
            assertThat(logs.lines()).anyMatch(l -> l.contains("generated"));
        }
        assertThat(fake.requests()).anyMatch(r -> ("Bearer " + KEY).equals(r.header("authorization")));
        assertThat(texts).noneMatch(t -> t.contains(KEY)).noneMatch(t -> t.contains(KEY.substring(8)));
    }

    @Test
    void refusesToStartWithoutAKey() {
        assertThatThrownBy(() -> generator(fake, " ", true, sleeper)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ANTHROPIC_API_KEY");
    }
}
