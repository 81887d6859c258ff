package ai.spawn.generation.anthropic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.spawn.generation.GenerationListener;
import ai.spawn.generation.GenerationProperties;
import ai.spawn.generation.GenerationProperties.Engine;
import ai.spawn.generation.GenerationProperties.Price;
import ai.spawn.generation.model.Prompts;
import com.anthropic.core.Sleeper;

/** Shared set-up of the Claude engine tests. */
final class AnthropicTesting {

    static final String KEY = "sk-ant-test-3f9c2a7d1e";
    static final Price SONNET = new Price(3, 3.75, 0.30, 15);

    private AnthropicTesting() {
    }

    static GenerationProperties properties(String baseUrl, String key, boolean stream) {
        return new GenerationProperties(Engine.ANTHROPIC,
                new GenerationProperties.Anthropic(key, baseUrl, "claude-sonnet-4-5", 16000, Duration.ofSeconds(10),
                        Duration.ofSeconds(30), 2, stream),
                new GenerationProperties.OpenAi(null, null, "llama3.1", 0, Duration.ofSeconds(10),
                        Duration.ofSeconds(30), 2, true),
                Map.of("claude-sonnet", SONNET, "claude-haiku", new Price(1, 1.25, 0.10, 5)));
    }

    static AnthropicCodeGenerator generator(FakeAnthropicServer fake, String key, boolean stream,
                                            RecordingSleeper sleeper) {
        return new AnthropicCodeGenerator(properties(fake.baseUrl(), key, stream), Prompts.current(), sleeper);
    }

    /** Remembers the waits between retries instead of waiting. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> sleeps = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
        }

        @Override
        public CompletableFuture<Void> sleepAsync(Duration duration) {
            sleeps.add(duration);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
        }
    }

    /** Remembers what a generator reported. */
    static class Recording implements GenerationListener {
        final List<String> files = new CopyOnWriteArrayList<>();
        final List<String> progress = new CopyOnWriteArrayList<>();

        @Override
        public void progress(String message) {
            progress.add(message);
        }

        @Override
        public void fileWritten(String path) {
            files.add(path);
        }
    }
}
