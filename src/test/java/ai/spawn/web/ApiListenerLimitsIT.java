package ai.spawn.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spawn.gateway.RawHttp;
import ai.spawn.testing.ApiClient;
import ai.spawn.testing.DataDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The API listener (Tomcat) against raw sockets, with its timeouts lowered (head 1 s, keep-alive 2 s) and the
 * default body limit (12 MB): oversized bodies get 413 problem JSON, declared ones before they are read; half-sent
 * heads and idle kept-alive connections are closed; event streams outlive both timeouts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spawnai.gateway.port=0", "spawnai.apps.health-timeout=PT10S",
                "server.tomcat.connection-timeout=1s", "server.tomcat.keep-alive-timeout=2s"})
class ApiListenerLimitsIT {

    static final Path data = DataDirs.fresh("api-listener");
    /** How long a test waits for the server to close a connection: the timeout under test plus generous slack. */
    private static final Duration SLACK = Duration.ofSeconds(10);
    /** Longer than both lowered timeouts together: a connection still open then was not cut by them. */
    private static final Duration PAST_THE_TIMEOUTS = Duration.ofSeconds(5);
    private static final int OVER_THE_LIMIT = 13 * 1024 * 1024;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("spawnai.data-dir", () -> data.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext context;

    private final List<RawHttp> clients = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private ApiClient api;

    @BeforeEach
    void session() {
        api = new ApiClient(port);
        api.newSession();
    }

    @AfterEach
    void close() throws IOException {
        for (RawHttp client : clients) {
            client.close();
        }
        for (JsonNode app : api.get("/api/v1/apps").json().get("apps")) {
            api.delete("/api/v1/apps/" + app.get("id").asString());
        }
    }

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsSent() throws IOException {
        RawHttp client = connect().send(post("Content-Length: " + OVER_THE_LIMIT));

        // not a byte of the body was sent: the answer cannot have waited for it
        RawHttp.Response response = client.read();

        assertTooLarge(response);
        assertThat(client.closedWithin(SLACK)).isTrue();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileItIsRead() throws Exception {
        RawHttp client = connect().send(post("Transfer-Encoding: chunked"));
        CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> sendChunks(client, OVER_THE_LIMIT));

        RawHttp.Response response = client.read();

        assertTooLarge(response);
        assertThat(client.closedWithin(SLACK)).isTrue();
        sent.get(SLACK.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void aBundleIsStillCreatedAndItsEventStreamsOutliveTheListenerTimeouts() throws IOException {
        ApiClient.Reply created = api.post("/api/v1/apps", Map.of("bundle", Map.of("runtime", "node",
                "files", Map.of("server.js", "require('http').createServer((q, s) => s.end('hi'))"
                        + ".listen(process.env.PORT || 3000);"),
                "start", "node server.js", "port", 3000)));
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String id = created.json().get("id").asString();
        api.awaitStatus(id, "LIVE");

        RawHttp sse = connect().send("GET /api/v1/apps/" + id + "/events HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + api.token() + "\r\nAccept: text/event-stream\r\n\r\n");
        assertThat(sse.readHead()).startsWith("HTTP/1.1 200");
        RawHttp ws = connect().send("GET /api/v1/apps/" + id + "/events/ws?access_token=" + api.token()
                + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        assertThat(ws.readHead()).startsWith("HTTP/1.1 101");

        assertThat(sse.closedWithin(PAST_THE_TIMEOUTS)).as("server-sent events still open").isFalse();
        assertThat(ws.closedWithin(Duration.ofSeconds(1))).as("WebSocket still open").isFalse();
    }

    @Test
    void halfSentHeadsAreClosedAfterTheHeadTimeout() throws IOException {
        for (int i = 0; i < 20; i++) {
            connect().send("GET /api/v1/examples HTTP/1.1\r\nHost: localhost\r\nX-Slow: 1\r\n");
        }
        RawHttp silent = connect();

        for (RawHttp client : clients) {
            assertThat(client.closedWithin(SLACK)).isTrue();
        }
        assertThat(silent.closedWithin(SLACK)).isTrue();
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedAfterTheKeepAliveTimeout() throws IOException {
        RawHttp client = connect();
        assertThat(client.send("GET /api/v1/examples HTTP/1.1\r\nHost: localhost\r\n\r\n").read().status())
                .isEqualTo(200);

        assertThat(client.closedWithin(SLACK)).isTrue();
    }

    @Test
    void theListenerCapsConnectionsPerClientAddress() {
        var connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();

        assertThat(connector.getProtocolHandler()).isInstanceOf(CappedHttp11NioProtocol.class);
    }

    private String post(String framing) {
        return "POST /api/v1/apps HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + api.token()
                + "\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n";
    }

    /** Sends {@code total} bytes of a JSON string in 64 KiB chunks; stops quietly when the server hangs up. */
    private static void sendChunks(RawHttp client, int total) {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        byte[] head = ("%x\r\n".formatted(chunk.length)).getBytes(StandardCharsets.ISO_8859_1);
        try {
            client.send("9\r\n{\"prompt\"\r\n2\r\n:\"\r\n");
            for (int sent = 0; sent < total; sent += chunk.length) {
                client.send(head).send(chunk).send("\r\n");
            }
            client.send("2\r\n\"}\r\n0\r\n\r\n");
        } catch (IOException e) {
            // the server answered and closed before the whole body was sent: expected beyond the limit
        }
    }

    private void assertTooLarge(RawHttp.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(413);
        assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.text());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("title").asString()).isEqualTo("Request body too large");
        assertThat(problem.get("limit").asLong()).isEqualTo(12L * 1024 * 1024);
    }

    private RawHttp connect() throws IOException {
        RawHttp client = new RawHttp(port);
        clients.add(client);
        return client;
    }
}
