package ai.spawn.sandbox.local;

import ai.spawn.sandbox.EndpointClient;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The bundled {@code static-server.js}, run the way static bundles run: in a sandbox, over its unix socket. */
class StaticServerIT {

    private static BubblewrapSandboxProvider provider;
    private static Sandbox sandbox;

    @BeforeAll
    static void serveABundle() {
        provider = BubblewrapSandboxProvider.open(Path.of("target", "static-server-it").toAbsolutePath(), 10001);
        sandbox = provider.create(new SandboxSpec("static-test", "static", SandboxLimits.defaults(), Map.of()));
        sandbox.writeFiles(Map.of(
                "index.html", "<h1>home</h1>",
                "app.js", "console.log(1)",
                "style.css", "body{}",
                "data.json", "{}",
                "logo.svg", "<svg/>",
                "docs/index.html", "<h1>docs</h1>",
                "blob.bin", "raw",
                ".env", "SECRET=1"));
        sandbox.exec("ln -s /etc/passwd passwd-link", Duration.ofSeconds(10), line -> { });
        sandbox.start("node /opt/spawnai/static-server.js", 8080);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> get("/").status() == 200);
    }

    @AfterAll
    static void close() {
        provider.close();
    }

    private static EndpointClient.Response get(String path) throws IOException {
        return EndpointClient.get(sandbox.endpoint(), path);
    }

    @Test
    void servesIndexHtmlForTheRootAndDirectories() throws IOException {
        assertThat(get("/").body()).isEqualTo("<h1>home</h1>");
        assertThat(get("/docs/").body()).isEqualTo("<h1>docs</h1>");
        assertThat(get("/docs").status()).isEqualTo(301);
        assertThat(get("/docs").headers()).containsIgnoringCase("location: /docs/");
    }

    @Test
    void sendsContentTypesByExtension() throws IOException {
        assertThat(get("/index.html").headers()).containsIgnoringCase("content-type: text/html; charset=utf-8");
        assertThat(get("/app.js").headers()).containsIgnoringCase("content-type: text/javascript");
        assertThat(get("/style.css").headers()).containsIgnoringCase("content-type: text/css");
        assertThat(get("/data.json").headers()).containsIgnoringCase("content-type: application/json");
        assertThat(get("/logo.svg").headers()).containsIgnoringCase("content-type: image/svg+xml");
        assertThat(get("/blob.bin").headers()).containsIgnoringCase("content-type: application/octet-stream");
    }

    @Test
    void answers404ForMissingHiddenAndOutsideFiles() throws IOException {
        assertThat(get("/missing.html").status()).isEqualTo(404);
        assertThat(get("/.env").status()).isEqualTo(404);
        assertThat(get("/../../../etc/passwd").status()).isEqualTo(404);
        assertThat(get("/%2e%2e/%2e%2e/etc/passwd").status()).isEqualTo(404);
        assertThat(get("/docs/..%2f..%2f..%2fetc%2fpasswd").status()).isEqualTo(404);
        assertThat(get("/passwd-link").status()).isEqualTo(404);
    }

    @Test
    void forbidsContentSniffing() throws IOException {
        assertThat(get("/").headers()).containsIgnoringCase("x-content-type-options: nosniff");
    }
}
