package ai.spawn.generation.anthropic;

import static ai.spawn.generation.anthropic.AnthropicTesting.KEY;
import static ai.spawn.generation.anthropic.AnthropicTesting.generator;
import static ai.spawn.generation.anthropic.FakeAnthropicServer.toolMessage;
import static ai.spawn.generation.anthropic.FakeAnthropicServer.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import ai.spawn.generation.AppBundle;
import ai.spawn.generation.GenerationInfo;
import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.Runtime;
import ai.spawn.generation.SampleApps;
import ai.spawn.generation.anthropic.AnthropicTesting.Recording;
import ai.spawn.generation.anthropic.FakeAnthropicServer.Frame;
import ai.spawn.generation.anthropic.FakeAnthropicServer.Recorded;
import ai.spawn.generation.anthropic.FakeAnthropicServer.Stream;
import ai.spawn.generation.model.Prompts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AnthropicCodeGeneratorTest {

    private FakeAnthropicServer fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeAnthropicServer(KEY);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void streamsADeliverAppCallIntoABundle() {
        fake.enqueue(new Stream(FakeAnthropicServer.toolStream(SampleApps.todoInput(), 11,
                usage(1200, 850, 0, 0), "tool_use")));
        Recording listener = new Recording();
        try (AnthropicCodeGenerator generator = generator(fake, KEY, true, null)) {
            AppBundle bundle = generator.generate(GenerationRequest.newApp("a todo list"), listener);

            assertThat(bundle.runtime()).isEqualTo(Runtime.NODE);
            assertThat(bundle.files()).isEqualTo(SampleApps.todoFiles());
            assertThat(bundle.start()).isEqualTo("node server.js");
            assertThat(bundle.port()).isEqualTo(3000);
            assertThat(bundle.title()).isEqualTo("Todo list");
            assertThat(bundle.summary()).isEqualTo("A todo list that keeps items in memory.");
            assertThat(bundle.install()).isNull();
            assertThat(listener.files).containsExactly("server.js", "public/index.html", "public/app.js");
            assertThat(listener.progress).anyMatch(p -> p.contains("claude-sonnet-4-5"))
                    .anyMatch(p -> p.startsWith("received 3 files"));
        }
    }

    @Test
    void reportsEachFileWhileTheAnswerIsStillStreaming() {
        String input = SampleApps.todoInput();
        int cut = input.indexOf("},{\"path\":\"public/index.html\"") + 1;
        CountDownLatch firstFile = new CountDownLatch(1);
        List<Frame> frames = new ArrayList<>(FakeAnthropicServer.toolStream(input.substring(0, cut), 5,
                usage(10, 20, 0, 0), "tool_use"));
        List<Frame> tail = frames.subList(frames.size() - 3, frames.size());
        List<Frame> script = new ArrayList<>(frames.subList(0, frames.size() - 3));
        script.add(Frame.await(firstFile));
        script.add(FakeAnthropicServer.inputDelta(input.substring(cut)));
        script.addAll(tail);
        fake.enqueue(new Stream(script));
        List<String> files = new ArrayList<>();
        GenerationListener listener = new GenerationListener() {
            @Override
            public void fileWritten(String path) {
                files.add(path);
                firstFile.countDown();
            }
        };
        try (AnthropicCodeGenerator generator = generator(fake, KEY, true, null)) {
            generator.generate(GenerationRequest.newApp("a todo list"), listener);
        }
        assertThat(fake.gates()).as("the first file was reported before the server sent the rest")
                .containsExactly(true);
        assertThat(files).containsExactly("server.js", "public/index.html", "public/app.js");
    }

    @Test
    void readsAWholeAnswerWhenStreamingIsOff() {
        fake.enqueue(toolMessage(SampleApps.todoInput(), usage(1200, 850, 0, 0)));
        Recording listener = new Recording();
        try (AnthropicCodeGenerator generator = generator(fake, KEY, false, null)) {
            AppBundle bundle = generator.generate(GenerationRequest.newApp("a todo list"), listener);

            assertThat(bundle.files()).isEqualTo(SampleApps.todoFiles());
            assertThat(bundle.origin().outputTokens()).isEqualTo(850);
            assertThat(listener.files).containsExactlyInAnyOrder("server.js", "public/index.html", "public/app.js");
        }
        assertThat(fake.requests().get(0).json().path("stream").asBoolean(false)).as("stream flag").isFalse();
    }

    @Test
    void recordsUsageWithCacheTokensAndItsCost() {
        fake.enqueue(new Stream(FakeAnthropicServer.toolStream(SampleApps.todoInput(), 64,
                usage(1000, 500, 2000, 3000), "tool_use")));
        try (AnthropicCodeGenerator generator = generator(fake, KEY, true, null)) {
            GenerationInfo origin = generator.generate(GenerationRequest.newApp("a todo list"), null).origin();

            assertThat(origin.engine()).isEqualTo("anthropic");
            assertThat(origin.model()).isEqualTo(FakeAnthropicServer.MODEL);
            assertThat(origin.inputTokens()).isEqualTo(1000);
            assertThat(origin.outputTokens()).isEqualTo(500);
            assertThat(origin.cacheWriteTokens()).isEqualTo(2000);
            assertThat(origin.cacheReadTokens()).isEqualTo(3000);
            assertThat(origin.costUsd()).isCloseTo((1000 * 3 + 2000 * 3.75 + 3000 * 0.30 + 500 * 15) / 1e6,
                    within(1e-12));
        }
    }

    @Test
    void sendsACachedSystemPromptAndForcesTheTool() {
        fake.enqueue(toolMessage(SampleApps.todoInput(), usage(1, 1, 0, 0)));
        try (AnthropicCodeGenerator generator = generator(fake, KEY, false, null)) {
            generator.generate(GenerationRequest.newApp("a todo list"), null);
        }
        Recorded request = fake.requests().get(0);
        JsonNode body = request.json();
        assertThat(request.header("authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("anthropic-version")).isNotBlank();
        assertThat(body.get("model").asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(16000);
        assertThat(body.get("system")).hasSize(1);
        assertThat(body.get("system").get(0).get("text").asString()).isEqualTo(Prompts.current().system());
        assertThat(body.get("system").get(0).get("cache_control").get("type").asString()).isEqualTo("ephemeral");
        assertThat(body.get("tools").get(0).get("name").asString()).isEqualTo("deliver_app");
        assertThat(body.get("tools").get(0).get("input_schema").get("properties").has("files")).isTrue();
        assertThat(body.get("tool_choice").get("type").asString()).isEqualTo("tool");
        assertThat(body.get("tool_choice").get("name").asString()).isEqualTo("deliver_app");
        assertThat(body.get("messages").get(0).get("role").asString()).isEqualTo("user");
        assertThat(body.get("messages").get(0).toString()).contains("a todo list");
        assertThat(body.has("temperature")).isFalse();
    }

    @Test
    void sendsTheCurrentFilesHistoryAndEditInstructionsForAFollowUp() {
        AppBundle current = new AppBundle("Todo", Runtime.NODE, SampleApps.todoFiles(), null, "node server.js", 3000,
                null);
        fake.enqueue(toolMessage(SampleApps.todoInput(), usage(1, 1, 0, 0)));
        try (AnthropicCodeGenerator generator = generator(fake, KEY, false, null)) {
            generator.generate(new GenerationRequest("add a dark mode", current, null, List.of("a todo list")), null);
        }
        JsonNode body = fake.requests().get(0).json();
        assertThat(body.get("system")).hasSize(2);
        assertThat(body.get("system").get(0).has("cache_control")).isTrue();
        assertThat(body.get("system").get(1).get("text").asString()).contains("change to an existing app");
        String user = body.get("messages").get(0).get("content").toString();
        assertThat(user).contains("add a dark mode", "a todo list", "server.js", "process.env.PORT");
    }

    @Test
    void sendsTheFailureAndFixInstructionsForAFixAttempt() {
        AppBundle current = new AppBundle("Todo", Runtime.NODE, SampleApps.todoFiles(), null, "node server.js", 3000,
                null);
        fake.enqueue(toolMessage(SampleApps.todoInput(), usage(1, 1, 0, 0)));
        try (AnthropicCodeGenerator generator = generator(fake, KEY, false, null)) {
            generator.generate(new GenerationRequest("a todo list", current,
                    "start: exit code 1\nError: Cannot find module 'express'", List.of()), null);
        }
        JsonNode body = fake.requests().get(0).json();
        assertThat(body.get("system").get(1).get("text").asString()).contains("repair of an app that failed");
        assertThat(body.get("messages").get(0).get("content").toString()).contains("Cannot find module 'express'");
    }

    @Test
    void exposesModelAndPromptVersionForCacheKeys() {
        try (AnthropicCodeGenerator generator = generator(fake, KEY, true, null)) {
            assertThat(generator.engine()).isEqualTo("anthropic");
            assertThat(generator.model()).isEqualTo("claude-sonnet-4-5");
            assertThat(generator.promptVersion()).isEqualTo("v1");
        }
    }
}
