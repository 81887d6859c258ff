package ai.spawn.generation.anthropic;

import static ai.spawn.generation.anthropic.AnthropicTesting.KEY;
import static ai.spawn.generation.anthropic.FakeAnthropicServer.usage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.spawn.generation.GenerationRequest;
import ai.spawn.generation.SampleApps;
import ai.spawn.generation.anthropic.FakeAnthropicServer.Frame;
import ai.spawn.generation.anthropic.FakeAnthropicServer.Json;
import ai.spawn.generation.anthropic.FakeAnthropicServer.Stream;
import org.junit.jupiter.api.Test;

/**
 * The figure "per-app overhead outside the model's own time" of the Claude engine: wall time of
 * {@code generate()} against the protocol fake, which answers at once, so everything measured is SpawnAI's, the
 * SDK's, the loopback HTTP's and the fake's own time (an upper bound of the overhead). A realistic answer: six files,
 * about 24 KB, streamed in 40-character deltas (about 600 SSE frames). Prints figures, asserts nothing; not run by
 * the default build ({@code ./mvnw -B -o test -Dtest=AnthropicOverheadBench}).
 */
class AnthropicOverheadBench {

    private static final int WARM_UP = 100;
    private static final int RUNS = 300;

    @Test
    void measure() throws Exception {
        String input = SampleApps.input("node", app(), "node server.js", null, 3000);
        List<Frame> frames = FakeAnthropicServer.toolStream(input, 40, usage(2500, 7000, 0, 2200), "tool_use");
        Json whole = FakeAnthropicServer.toolMessage(input, usage(2500, 7000, 0, 2200));
        GenerationRequest request = GenerationRequest.newApp("a kanban board with three columns");
        try (FakeAnthropicServer fake = new FakeAnthropicServer(KEY)) {
            for (boolean stream : new boolean[] {true, false}) {
                try (AnthropicCodeGenerator generator = AnthropicTesting.generator(fake, KEY, stream, null)) {
                    long[] times = new long[RUNS];
                    long first = 0;
                    for (int i = 0; i < WARM_UP + RUNS; i++) {
                        fake.enqueue(stream ? new Stream(frames) : whole);
                        long t0 = System.nanoTime();
                        generator.generate(request, null);
                        long t = System.nanoTime() - t0;
                        if (i == 0) {
                            first = t;
                        }
                        if (i >= WARM_UP) {
                            times[i - WARM_UP] = t;
                        }
                    }
                    Arrays.sort(times);
                    System.out.printf("claude %s, %d KB in %d frames: first %.1f ms; after warm-up p50 %.2f ms, "
                                    + "p95 %.2f ms, max %.2f ms%n", stream ? "streamed" : "whole",
                            input.length() / 1024, stream ? frames.size() : 1, first / 1e6, times[RUNS / 2] / 1e6,
                            times[RUNS * 95 / 100] / 1e6, times[RUNS - 1] / 1e6);
                }
            }
        }
    }

    private static Map<String, String> app() {
        Map<String, String> files = new LinkedHashMap<>(SampleApps.todoFiles());
        String css = ".column { display: flex; gap: 1rem; padding: 0.75rem; border-radius: 8px; }\n";
        files.put("public/style.css", css.repeat(80));
        String js = "function render(board) { return board.columns.map(c => `<section>${c.title}</section>`); }\n";
        files.put("public/board.js", js.repeat(90));
        files.put("README.md", "# Kanban\n\nDrag cards between columns; data stays in memory.\n".repeat(40));
        return files;
    }
}
