package ai.spawn.generation.openai;

import static ai.spawn.generation.openai.FakeOpenAiServer.error;
import static ai.spawn.generation.openai.FakeOpenAiServer.stream;
import static ai.spawn.generation.openai.FakeOpenAiServer.toolCallChunks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.GenerationException;
import ai.spawn.generation.GenerationInfo;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationProperties;
import ai.spawn.generation.GenerationProperties.Engine;
import ai.spawn.generation.GenerationProperties.Price;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.LogCapture;
import ai.spawn.generation.Runtime;
import ai.spawn.generation.SampleApps;
import ai.spawn.generation.model.Prompts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenAiCompatibleCodeGeneratorTest {

    private static final GenerationRequest TODO = GenerationRequest.newApp("a todo list");
    private static final String KEY = "sk-proj-test-8c1d5e0b2a";

    private FakeOpenAiServer fake;
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final List<String> files = new CopyOnWriteArrayList<>();
    private final GenerationListener listener = new GenerationListener() {
        @Override
        public void fileWritten(String path) {
            files.add(path);
        }
    };

    @BeforeEach
    void start() throws Exception {
        fake = new FakeOpenAiServer();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private GenerationProperties properties(String key, boolean stream, Map<String, Price> prices) {
        return new GenerationProperties(Engine.OPENAI,
                new GenerationProperties.Anthropic(null, null, "claude-sonnet-4-5", 16000, Duration.ofSeconds(10),
                        Duration.ofSeconds(30), 2, true),
                new GenerationProperties.OpenAi(fake.baseUrl(), key, "llama3.1", 4096, Duration.ofSeconds(10),
                        Duration.ofSeconds(30), 2, stream), prices);
    }

    private OpenAiCompatibleCodeGenerator generator(String key, boolean stream) {
        return new OpenAiCompatibleCodeGenerator(properties(key, stream, Map.of()), Prompts.current(), pauses::add);
    }

    @Test
    void assemblesStreamedToolCallFragmentsIntoABundle() {
        fake.enqueue(stream(toolCallChunks(SampleApps.todoInput(), 9, 1000, 300, 200)));
        AppBundle bundle = generator(null, true).generate(TODO, listener);

        assertThat(bundle.runtime()).isEqualTo(Runtime.NODE);
        assertThat(bundle.files()).isEqualTo(SampleApps.todoFiles());
        assertThat(bundle.start()).isEqualTo("node server.js");
        assertThat(files).containsExactly("server.js", "public/index.html", "public/app.js");
    }

    @Test
    void recordsUsageFromTheLastChunk() {
        fake.enqueue(stream(toolCallChunks(SampleApps.todoInput(), 50, 1000, 300, 200)));
        GenerationInfo origin = new OpenAiCompatibleCodeGenerator(
                properties(KEY, true, Map.of("llama", new Price(0.2, 0, 0.1, 0.6))), Prompts.current(), pauses::add)
                .generate(TODO, null).origin();

        assertThat(origin.engine()).isEqualTo("openai");
        assertThat(origin.model()).isEqualTo("llama3.1");
        assertThat(origin.inputTokens()).isEqualTo(800);
        assertThat(origin.cacheReadTokens()).isEqualTo(200);
        assertThat(origin.outputTokens()).isEqualTo(300);
        assertThat(origin.costUsd()).isCloseTo((800 * 0.2 + 200 * 0.1 + 300 * 0.6) / 1e6, within(1e-12));
    }

    @Test
    void localModelsWithoutAPriceCostNothing() {
        fake.enqueue(stream(toolCallChunks(SampleApps.todoInput(), 50, 1000, 300, 0)));

        assertThat(generator(null, true).generate(TODO, null).origin().costUsd()).isZero();
    }

    @Test
    void sendsToolsToolChoiceAndStreamOptions() {
        fake.enqueue(stream(toolCallChunks(SampleApps.todoInput(), 50, 1, 1, 0)));
        generator(null, true).generate(TODO, null);

        FakeOpenAiServer.Recorded request = fake.requests().get(0);
        JsonNode body = request.json();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(body.get("model").asString()).isEqualTo("llama3.1");
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("stream_options").get("include_usage").asBoolean()).isTrue();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(4096);
        assertThat(body.get("tools").get(0).get("type").asString()).isEqualTo("function");
        assertThat(body.get("tools").get(0).get("function").get("name").asString()).isEqualTo("deliver_app");
        assertThat(body.get("tools").get(0).get("function").get("parameters").get("properties").has("files")).isTrue();
        assertThat(body.get("tool_choice").get("function").get("name").asString()).isEqualTo("deliver_app");
        assertThat(body.get("messages").get(0).get("role").asString()).isEqualTo("system");
        assertThat(body.get("messages").get(0).get("content").asString()).isEqualTo(Prompts.current().system());
        assertThat(body.get("messages").get(1).get("role").asString()).isEqualTo("user");
        assertThat(body.get("messages").get(1).get("content").asString()).contains("a todo list");
    }

    @Test
    void sendsNoAuthorizationHeaderWithoutAKey() {
        fake.enqueue(stream(toolCallChunks(SampleApps.todoInput(), 50, 1, 1, 0)));
        generator(" ", true).generate(TODO, null);

        assertThat(fake.requests().get(0).header("authorization")).isNull();
    }

    @Test
    void sendsTheKeyAsABearerTokenWhenSet() {
        fake.enqueue(stream(toolCallChunks(SampleApps.todoInput(), 50, 1, 1, 0)));
        generator(KEY, true).generate(TODO, null);

        assertThat(fake.requests().get(0).header("authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void retriesARateLimitAfterWhatRetryAfterAsks() {
        fake.enqueue(error(429, "Rate limit reached", "Retry-After", "3"));
        fake.enqueue(stream(toolCallChunks(SampleApps.todoInput(), 50, 1, 1, 0)));

        assertThat(generator(null, true).generate(TODO, null).files()).hasSize(3);
        assertThat(fake.requests()).hasSize(2);
        assertThat(pauses).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void givesUpAfterTheConfiguredRetries() {
        for (int i = 0; i < 3; i++) {
            fake.enqueue(error(503, "model is loading"));
        }
        GenerationException e = catchThrowableOfType(GenerationException.class,
                () -> generator(null, true).generate(TODO, null));

        assertThat(e).hasMessageContaining("HTTP 503").hasMessageContaining("model is loading")
                .hasMessageContaining("3 attempts");
        assertThat(fake.requests()).hasSize(3);
        assertThat(pauses).hasSize(2).allMatch(d -> d.compareTo(Duration.ofMillis(300)) >= 0
                && d.compareTo(Duration.ofSeconds(8)) <= 0);
    }

    @Test
    void doesNotRetryAnUnknownModel() {
        fake.enqueue(error(404, "model \"llama3.1\" not found, try pulling it first"));

        assertThatThrownBy(() -> generator(null, true).generate(TODO, null)).isInstanceOf(GenerationException.class)
                .hasMessageContaining("does not know model llama3.1").hasMessageContaining("try pulling it first");
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void anAnswerWithoutTheToolCallFails() {
        fake.enqueue(stream(FakeOpenAiServer.textChunks("```html\n<h1>Todo</h1>\n```")));
        GenerationException e = catchThrowableOfType(GenerationException.class,
                () -> generator(null, true).generate(TODO, null));

        assertThat(e).hasMessageContaining("instead of calling deliver_app").hasMessageContaining("<h1>Todo</h1>");
        assertThat(e.usage().outputTokens()).isEqualTo(20);
    }

    @Test
    void anAnswerCutOffByTheOutputLimitFails() {
        String input = SampleApps.todoInput();
        List<String> events = new ArrayList<>(toolCallChunks(input.substring(0, 100), 50, 1, 4096, 0));
        events.set(events.size() - 3, events.get(events.size() - 3).replace("tool_calls", "length"));
        fake.enqueue(stream(events));

        assertThatThrownBy(() -> generator(null, true).generate(TODO, null)).isInstanceOf(GenerationException.class)
                .hasMessageContaining("cut off at the output limit of 4096 tokens");
    }

    @Test
    void anErrorChunkMidStreamFails() {
        List<String> events = new ArrayList<>(toolCallChunks(SampleApps.todoInput(), 50, 1, 1, 0).subList(0, 3));
        events.add("{\"error\":{\"message\":\"CUDA out of memory\",\"type\":\"server_error\"}}");
        fake.enqueue(stream(events));

        assertThatThrownBy(() -> generator(null, true).generate(TODO, null)).isInstanceOf(GenerationException.class)
                .hasMessageContaining("CUDA out of memory");
    }

    @Test
    void aStreamThatEndsEarlyFails() {
        fake.enqueue(stream(toolCallChunks(SampleApps.todoInput(), 50, 1, 1, 0).subList(0, 4)));

        assertThatThrownBy(() -> generator(null, true).generate(TODO, null)).isInstanceOf(GenerationException.class)
                .hasMessageContaining("ended before the answer was complete");
    }

    @Test
    void readsAWholeCompletionWhenStreamingIsOff() {
        fake.enqueue(FakeOpenAiServer.completion(SampleApps.todoInput(), 700, 250));
        AppBundle bundle = generator(null, false).generate(TODO, listener);

        assertThat(bundle.files()).isEqualTo(SampleApps.todoFiles());
        assertThat(bundle.origin().inputTokens()).isEqualTo(700);
        assertThat(bundle.origin().outputTokens()).isEqualTo(250);
        assertThat(files).hasSize(3);
        assertThat(fake.requests().get(0).json().get("stream").asBoolean()).isFalse();
        assertThat(fake.requests().get(0).json().has("stream_options")).isFalse();
    }

    @Test
    void anUnreachableServerFailsWithAClearReason() {
        fake.close();
        assertThatThrownBy(() -> generator(null, true).generate(TODO, null)).isInstanceOf(GenerationException.class)
                .hasMessageContaining("could not be reached");
        assertThat(pauses).hasSize(2);
    }

    @Test
    void theKeyNeverAppearsInLogsExceptionsOrToString() {
        fake.enqueue(stream(toolCallChunks(SampleApps.todoInput(), 50, 1, 1, 0)));
        fake.enqueue(error(401, "Incorrect API key provided: " + KEY.substring(0, 6) + "****"));
        List<String> texts = new ArrayList<>();
        OpenAiCompatibleCodeGenerator generator = generator(KEY, true);
        try (LogCapture logs = new LogCapture()) {
            generator.generate(TODO, null);
            GenerationException e = catchThrowableOfType(GenerationException.class,
                    () -> generator.generate(TODO, null));
            assertThat(e).hasMessageContaining("refused the API key");
            for (Throwable t = e; t != null; t = t.getCause()) {
                texts.add(t.toString());
            }
            texts.addAll(logs.lines());
            assertThat(logs.lines()).anyMatch(l -> l.contains("generated"));
        }
        texts.add(generator.toString());
        texts.add(properties(KEY, true, Map.of()).toString());
        assertThat(texts).noneMatch(t -> t.contains(KEY)).noneMatch(t -> t.contains(KEY.substring(8)));
    }

    @Test
    void acceptsBaseUrlsWithAndWithoutV1() {
        assertThat(OpenAiCompatibleCodeGenerator.endpoint("http://localhost:11434/v1").toString())
                .isEqualTo("http://localhost:11434/v1/chat/completions");
        assertThat(OpenAiCompatibleCodeGenerator.endpoint("http://localhost:8080/").toString())
                .isEqualTo("http://localhost:8080/v1/chat/completions");
        assertThat(OpenAiCompatibleCodeGenerator.endpoint("https://api.openai.com/v1/").toString())
                .isEqualTo("https://api.openai.com/v1/chat/completions");
    }
}
