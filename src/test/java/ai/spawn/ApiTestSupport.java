package ai.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ai.spawn.sandbox.SandboxProvider;
import ai.spawn.testing.ApiClient;
import ai.spawn.testing.ApiClient.Reply;
import ai.spawn.testing.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What tests of a running SpawnAI share: a session, waiting for states, the gateway, problem checks, cleanup. */
abstract class ApiTestSupport {

    static final String NODE_SERVER = """
            const http = require('http');
            http.createServer((req, res) => {
              res.writeHead(200, {'Content-Type': 'text/plain'});
              res.end('hello from a bundle ' + process.env.PORT);
            }).listen(process.env.PORT || 3000);
            console.log('bundle server up');
            """;

    @LocalServerPort
    int port;

    @Value("${spawnai.data-dir}")
    Path dataDir;

    @Autowired
    SandboxProvider provider;

    ApiClient api;

    @BeforeEach
    void session() {
        api = new ApiClient(port);
        api.newSession();
    }

    JsonNode awaitStatus(String id, String... wanted) {
        return api.awaitStatus(id, wanted);
    }

    String createBundle(String server) {
        Reply r = api.post("/api/v1/apps", Map.of("bundle", Map.of("runtime", "node",
                "files", Map.of("server.js", server), "start", "node server.js", "port", 3000)));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().get("id").asString();
    }

    static URI url(JsonNode app) {
        return URI.create(app.get("url").asString());
    }

    static RawHttp.Response viaGateway(JsonNode app, String method, String path, String json) throws IOException {
        URI u = url(app);
        return RawHttp.send(u.getPort(), u.getHost() + ":" + u.getPort(), method, path,
                json == null ? null : "application/json", json);
    }

    static void assertProblem(Reply r, int status, String detailContains) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asString()).isNotBlank();
        if (detailContains != null) {
            assertThat(p.get("detail").asString()).containsIgnoringCase(detailContains);
        }
    }

    /** Whether a sandbox process's command line names a sandbox of the warm pool (not listed by the provider). */
    private boolean pooled(String commandLine, Path sandboxes) {
        int at = commandLine.indexOf(sandboxes + "/");
        if (at < 0) {
            return false;
        }
        String rest = commandLine.substring(at + sandboxes.toString().length() + 1);
        int slash = rest.indexOf('/');
        return !provider.list().contains(slash < 0 ? rest : rest.substring(0, slash));
    }

    @AfterEach
    void destroyEverything() {
        for (JsonNode a : api.get("/api/v1/apps").json().get("apps")) {
            api.delete("/api/v1/apps/" + a.get("id").asString());
        }
    }

    /**
     * Nothing of this server's ended apps remains: no sandbox directory under its data dir and no process whose
     * command line names that directory (every sandbox process is started with its workspace path) — besides the
     * warm pool's, which belong to no app and which the provider does not list.
     */
    void assertNothingLeftBehind() {
        Path sandboxes = dataDir.toAbsolutePath().normalize().resolve("sandboxes");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            if (Files.isDirectory(sandboxes)) {
                try (Stream<Path> s = Files.list(sandboxes)) {
                    assertThat(s.filter(dir -> provider.list().contains(dir.getFileName().toString())).toList())
                            .isEmpty();
                }
            }
            assertThat(ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains(sandboxes.toString()))
                    .filter(p -> !pooled(p.info().commandLine().orElse(""), sandboxes))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                    .toList()).isEmpty();
        });
    }
}
