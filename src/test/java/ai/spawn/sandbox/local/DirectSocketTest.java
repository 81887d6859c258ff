package ai.spawn.sandbox.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectSocketTest {

    @Test
    void theAppGetsThePreloadAndWhereToListen() {
        Map<String, String> env = DirectSocket.appEnv(Map.of("PORT", "3000"));

        assertThat(env).containsEntry("PORT", "3000")
                .containsEntry("SPAWNAI_APP_SOCKET", "/run/sbx/direct.sock")
                .containsEntry("NODE_OPTIONS", "--require=/opt/spawnai/direct-socket.js");
    }

    @Test
    void nodeOptionsOfTheAppAreKeptAfterThePreload() {
        Map<String, String> env = DirectSocket.appEnv(Map.of("NODE_OPTIONS", " --max-old-space-size=200 "));

        assertThat(env).containsEntry("NODE_OPTIONS",
                "--require=/opt/spawnai/direct-socket.js --max-old-space-size=200");
    }
}
