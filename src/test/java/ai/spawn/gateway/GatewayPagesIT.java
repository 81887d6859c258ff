package ai.spawn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.spawn.sandbox.SandboxEndpoint;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** What the gateway answers itself: unknown, gone, starting and dead apps, limits, bad requests. */
@SpringBootTest(classes = GatewayTestConfig.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spawnai.test.gateway-only=true",
        "spawnai.gateway.port=0", "spawnai.gateway.bind=127.0.0.1", "spawnai.gateway.max-body=1MB",
        "spawnai.gateway.max-connections-per-app=2"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayPagesIT {

    private static final int MIB = 1024 * 1024;

    @Autowired
    private GatewayServer gateway;
    @Autowired
    private MapRouteResolver routes;
    @TempDir
    static Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private EchoUpstream echo;
    private ScriptedUpstream hangUp;

    @BeforeAll
    void startApps() throws IOException {
        echo = new EchoUpstream();
        hangUp = new ScriptedUpstream(ScriptedUpstream.HANG_UP);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SandboxEndpoint echoTcp = new SandboxEndpoint.Tcp("127.0.0.1", echo.port());
        routes.live("liveapp", 3000, echoTcp)
                .live("busyapp", 3000, echoTcp)
                .put("goneapp", 3000, new Route.Gone("goneapp", "This app expired after 1 h."))
                .put("startingapp", 3000, new Route.Unavailable("startingapp", "Installing dependencies…"))
                .live("nosocket", 3000, new SandboxEndpoint.UnixSocket(dir.resolve("missing.sock")))
                .live("noport", 3000, new SandboxEndpoint.Tcp("127.0.0.1", closedPort))
                .live("hangsup", 3000, new SandboxEndpoint.Tcp("127.0.0.1", hangUp.port()));
    }

    @AfterAll
    void stopApps() throws IOException {
        echo.close();
        hangUp.close();
    }

    @Test
    void unknownAppGets404InPlainText() throws Exception {
        HttpResponse<String> response = get("3000-nobody.localhost", "*/*");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
        assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(response.body()).startsWith("404 No app here\n").contains("3000-nobody.localhost");
    }

    @Test
    void browsersGetHtmlPages() throws Exception {
        HttpResponse<String> response = get("3000-nobody.localhost", "text/html,application/xhtml+xml,*/*;q=0.8");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(response.body()).startsWith("<!doctype html>").contains("<h1>No app here</h1>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "liveapp.localhost", "3000-LIVE_APP.localhost", "3000-liveapp.example.com",
            "x.3000-liveapp.localhost", "03000-liveapp.localhost", "3000-liveapp.localhost.evil.com",
            "3001-liveapp.localhost", "127.0.0.1"})
    void hostsThatAreNotExactlyALiveAppGet404(String host) throws Exception {
        HttpResponse<String> response = get(host, "*/*");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("method: GET");
    }

    @Test
    void theSameAppIdAndPortIsServed() throws Exception {
        assertThat(get("3000-LiveApp.localhost", "*/*").body()).contains("method: GET");
    }

    @Test
    void requestsWithoutHostGet404() throws IOException {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            assertThat(raw.send("GET / HTTP/1.0\r\n\r\n").read().status()).isEqualTo(404);
        }
    }

    @Test
    void goneAppGets410WithItsMessage() throws Exception {
        HttpResponse<String> response = get("3000-goneapp.localhost", "*/*");

        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.body()).contains("This app expired after 1 h.");
        assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
    }

    @Test
    void startingAppGets503AskingToRetry() throws Exception {
        HttpResponse<String> response = get("3000-startingapp.localhost", "text/html");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("retry-after")).hasValue("3");
        assertThat(response.body()).contains("Installing dependencies…", "http-equiv=\"refresh\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nosocket", "noport", "hangsup"})
    void appThatDoesNotAnswerGets502(String appId) throws Exception {
        HttpResponse<String> response = get("3000-" + appId + ".localhost", "*/*");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("The app is not answering");
    }

    @Test
    void pagesKeepTheConnectionOpenAndDropRequestBodies() throws IOException {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            raw.send("POST /x HTTP/1.1\r\nHost: 3000-goneapp.localhost\r\nContent-Length: 5\r\n\r\nhello");
            assertThat(raw.read().status()).isEqualTo(410);
            raw.send("GET /echo HTTP/1.1\r\nHost: 3000-liveapp.localhost\r\n\r\n");
            assertThat(raw.read().text()).contains("method: GET");
        }
    }

    @Test
    void declaredBodyOverTheLimitGets413() throws Exception {
        HttpResponse<String> response = http.send(request("3000-liveapp.localhost")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[MIB + 1])).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Request too large");
    }

    @Test
    void streamedBodyOverTheLimitGets413() throws IOException {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            raw.send("POST /echo HTTP/1.1\r\nHost: 3000-liveapp.localhost\r\nTransfer-Encoding: chunked\r\n\r\n");
            byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            for (int sent = 0; sent <= MIB; sent += 0x10000) {
                raw.send(chunk);
            }
            raw.send("0\r\n\r\n");

            RawHttp.Response response = raw.read();
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.headers()).containsEntry("connection", "close");
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void bodyUnderTheLimitPasses() throws Exception {
        HttpResponse<String> response = http.send(request("3000-liveapp.localhost")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[MIB])).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).contains("body-length: " + MIB + "\n");
    }

    @Test
    void connectionsPerAppAreLimited() throws IOException {
        String request = "GET /echo HTTP/1.1\r\nHost: 3000-busyapp.localhost\r\n\r\n";
        try (RawHttp first = new RawHttp(gateway.port()); RawHttp second = new RawHttp(gateway.port())) {
            assertThat(first.send(request).read().status()).isEqualTo(200);
            assertThat(second.send(request).read().status()).isEqualTo(200);
            assertThat(gateway.traffic("busyapp").openConnections()).isEqualTo(2);

            try (RawHttp third = new RawHttp(gateway.port())) {
                RawHttp.Response refused = third.send(request).read();
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.text()).contains("too many open connections");
            }
            // a connection already counted against the app keeps working
            assertThat(first.send(request).read().status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.traffic("busyapp").openConnections() == 0);
        try (RawHttp again = new RawHttp(gateway.port())) {
            assertThat(again.send(request).read().status()).isEqualTo(200);
        }
    }

    @Test
    void malformedRequestsGet400() throws IOException {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            RawHttp.Response response = raw.send("NOT HTTP AT ALL\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(400);
        }
    }

    @Test
    void connectIsRefused() throws IOException {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            RawHttp.Response response = raw.send("CONNECT 3000-liveapp.localhost:443 HTTP/1.1\r\n"
                    + "Host: 3000-liveapp.localhost:443\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(405);
        }
    }

    @Test
    void absoluteFormTargetsAreRoutedByTheirAuthority() throws IOException {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            RawHttp.Response response = raw.send("GET http://3000-liveapp.localhost/echo?q=1 HTTP/1.1\r\n"
                    + "Host: 3000-goneapp.localhost\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).contains("target: /echo?q=1\n", "host: 3000-liveapp.localhost\n");
        }
    }

    private HttpResponse<String> get(String host, String accept) throws Exception {
        return http.send(request(host).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String host) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/echo"))
                .header("Host", host)
                .timeout(Duration.ofSeconds(30));
    }

    static {
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }
}
