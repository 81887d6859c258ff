package ai.spawn.generation.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import ai.spawn.generation.model.Prompts;
import org.junit.jupiter.api.Test;

class SdkWarmUpTest {

    private final AnthropicRequests requests = new AnthropicRequests(Prompts.current(), "claude-sonnet-4-5", 16000);

    @Test
    void serializesARequestAndReadsACannedStreamToTheEnd() {
        assertThat(SdkWarmUp.run(requests, "claude-sonnet-4-5")).isTrue();
    }

    @Test
    void runsOnADaemonThreadThatEnds() {
        Thread thread = SdkWarmUp.inBackground(requests, "claude-sonnet-4-5");

        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread.getName()).isEqualTo("anthropic-warm-up");
        await().atMost(Duration.ofSeconds(60)).until(() -> !thread.isAlive());
    }
}
