package ai.spawn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.spawn.sandbox.SandboxEndpoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The gateway proxying to real apps: the JDK's HTTP server reached over TCP and, like the local sandbox provider
 * does it, over a unix socket (socat in front), and Netty WebSocket servers on both.
 */
@SpringBootTest(classes = GatewayTestConfig.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spawnai.test.gateway-only=true",
        "spawnai.gateway.port=0", "spawnai.gateway.bind=127.0.0.1", "spawnai.gateway.max-body=2MB",
        "spawnai.gateway.threads=2"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayIT {

    private static final int MIB = 1024 * 1024;
    private static final int GATEWAY_THREADS = 2;

    /** How the gateway reaches the echo app. */
    enum Via {
        TCP("tcpapp"), UNIX("unixapp");

        final String appId;

        Via(String appId) {
            this.appId = appId;
        }
    }

    @Autowired
    private GatewayServer gateway;
    @Autowired
    private MapRouteResolver routes;
    @Autowired
    private RecordingTrafficListener traffic;
    @TempDir
    static Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private EchoUpstream echo;
    private SocatUnixFront socat;
    private WebSocketEchoUpstream webSocketUnix;
    private WebSocketEchoUpstream webSocketTcp;
    private ScriptedUpstream oneAnswerPerConnection;

    @BeforeAll
    void startApps() throws IOException {
        echo = new EchoUpstream();
        socat = new SocatUnixFront(dir.resolve("app.sock"), echo.port());
        webSocketUnix = WebSocketEchoUpstream.unix(dir.resolve("ws.sock"));
        webSocketTcp = WebSocketEchoUpstream.tcp();
        oneAnswerPerConnection = new ScriptedUpstream(ScriptedUpstream.ONE_ANSWER_PER_CONNECTION);
        SandboxEndpoint echoTcp = new SandboxEndpoint.Tcp("127.0.0.1", echo.port());
        routes.live(Via.TCP.appId, 3000, echoTcp)
                .live(Via.UNIX.appId, 3000, new SandboxEndpoint.UnixSocket(socat.socket()))
                .live("meteredapp", 3000, echoTcp)
                .live("wsunix", 4000, new SandboxEndpoint.UnixSocket(dir.resolve("ws.sock")))
                .live("wstcp", 4000, new SandboxEndpoint.Tcp("127.0.0.1", webSocketTcp.port()))
                .live("flaky", 3000, new SandboxEndpoint.Tcp("127.0.0.1", oneAnswerPerConnection.port()));
    }

    @AfterAll
    void stopApps() throws IOException {
        socat.close();
        echo.close();
        webSocketUnix.close();
        webSocketTcp.close();
        oneAnswerPerConnection.close();
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void proxiesGetRequestsByHost(Via via) throws Exception {
        HttpResponse<String> response = http.send(request(via.appId, "/echo?x=1&y=%20z").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
        assertThat(response.body()).contains("method: GET\n", "target: /echo?x=1&y=%20z\n", "body-length: 0\n");
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void forwardsRequestBodies(Via via) throws Exception {
        byte[] body = new byte[300_000];
        new Random(1).nextBytes(body);

        HttpResponse<String> response = http.send(request(via.appId, "/echo")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("method: POST\n", "content-length: 300000\n", "body-length: 300000\n",
                "body-sha256: " + EchoUpstream.sha256(body) + "\n");
    }

    @Test
    void relaysInterimResponsesOfExpectContinue() throws IOException {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            raw.send("POST /echo HTTP/1.1\r\nHost: " + host(Via.TCP.appId, 3000) + "\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 5\r\n\r\n");

            assertThat(raw.read().status()).isEqualTo(100);
            RawHttp.Response response = raw.send("hello").read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).contains("expect: 100-continue\n", "body-length: 5\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void streamsChunkedRequestBodies(Via via) throws Exception {
        byte[] body = new byte[1_500_000];
        new Random(2).nextBytes(body);

        HttpResponse<String> response = http.send(request(via.appId, "/echo")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("transfer-encoding: chunked\n", "body-length: 1500000\n",
                "body-sha256: " + EchoUpstream.sha256(body) + "\n");
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void streamsA10MibResponseIntact(Via via) throws Exception {
        long size = 10L * MIB;
        HttpResponse<InputStream> response = http.send(request(via.appId, "/big?bytes=" + size).build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        MessageDigest received = EchoUpstream.digest();
        MessageDigest expected = EchoUpstream.digest();
        long length = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                received.update(buffer, 0, n);
                for (int i = 0; i < n; i++) {
                    expected.update(EchoUpstream.pattern(length + i));
                }
                length += n;
            }
        }
        assertThat(length).isEqualTo(size);
        assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(HexFormat.of().formatHex(expected.digest()));
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void addsForwardingHeaders(Via via) throws Exception {
        String host = host(via.appId, 3000);

        String body = http.send(request(via.appId, "/echo").build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(body).contains("host: " + host + "\n", "x-forwarded-for: 127.0.0.1\n",
                "x-forwarded-proto: http\n", "x-forwarded-host: " + host + "\n",
                "forwarded: for=127.0.0.1;host=\"" + host + "\";proto=http\n");
    }

    @Test
    void stripsHopByHopHeadersAndForwardingHeadersTheClientMadeUp() throws IOException {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            RawHttp.Response response = raw.send("GET /echo HTTP/1.1\r\nHost: " + host(Via.TCP.appId, 3000) + "\r\n"
                    + "Connection: keep-alive, X-Secret\r\nX-Secret: s\r\nKeep-Alive: timeout=5\r\n"
                    + "Proxy-Authorization: Basic eA==\r\nTE: trailers\r\nX-Forwarded-For: 6.6.6.6\r\n"
                    + "Forwarded: for=6.6.6.6\r\nX-Custom: kept\r\n\r\n").read();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).contains("x-custom: kept\n", "x-forwarded-for: 127.0.0.1\n")
                    .doesNotContain("x-secret", "keep-alive", "proxy-authorization", "te: ", "6.6.6.6",
                            "connection:");
        }
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void reusesOneUpstreamConnectionForSequentialRequestsOnAConnection(Via via) throws IOException {
        echo.resetConnections();
        try (RawHttp raw = new RawHttp(gateway.port())) {
            for (int i = 0; i < 25; i++) {
                RawHttp.Response response = raw.send(get(via.appId, "/echo?n=" + i)).read();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.text()).contains("target: /echo?n=" + i + "\n");
            }
        }
        assertThat(echo.connections()).hasSize(1);
    }

    @Test
    void poolsUpstreamConnectionsAcrossClientConnections() throws IOException {
        echo.resetConnections();
        for (int i = 0; i < 20; i++) {
            try (RawHttp raw = new RawHttp(gateway.port())) {
                assertThat(raw.send(get(Via.TCP.appId, "/echo")).read().status()).isEqualTo(200);
            }
        }
        // one pool per event loop: at most one idle connection per gateway thread is ever needed here
        assertThat(echo.connections()).hasSizeLessThanOrEqualTo(GATEWAY_THREADS);
    }

    @Test
    void retriesWhenTheAppClosedAPooledConnectionAsItWasReused() throws IOException {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            for (int i = 0; i < 5; i++) {
                RawHttp.Response response = raw.send(get("flaky", "/")).read();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.text()).isEqualTo("ok");
            }
        }
        assertThat(oneAnswerPerConnection.answered()).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(Via.class)
    void answersPipelinedRequestsInOrder(Via via) throws IOException {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            raw.send(get(via.appId, "/echo?n=1") + get(via.appId, "/big?bytes=100000") + get(via.appId, "/echo?n=3"));

            assertThat(raw.read().text()).contains("target: /echo?n=1\n");
            assertThat(raw.read().body()).hasSize(100_000);
            assertThat(raw.read().text()).contains("target: /echo?n=3\n");
        }
    }

    @Test
    void answersHttp10ClientsWithoutChunkedEncoding() throws IOException {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            RawHttp.Response response = raw.send("GET /big?bytes=5000 HTTP/1.0\r\nHost: " + host(Via.TCP.appId, 3000)
                    + "\r\n\r\n").read();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers()).doesNotContainKey("transfer-encoding");
            assertThat(response.body()).hasSize(5000);
        }
    }

    @Test
    void reportsTrafficPerApp() throws Exception {
        long requestsBefore = traffic.requests("meteredapp");
        long outBefore = gateway.traffic("meteredapp").bytesOut();
        long bodies = 0;
        for (int i = 0; i < 3; i++) {
            bodies += http.send(request("meteredapp", "/echo").build(), HttpResponse.BodyHandlers.ofByteArray())
                    .body().length;
        }

        assertThat(traffic.requests("meteredapp")).isEqualTo(requestsBefore + 3);
        AppTraffic counted = gateway.traffic("meteredapp");
        assertThat(counted.requests()).isGreaterThanOrEqualTo(3);
        assertThat(counted.bytesOut() - outBefore).isGreaterThan(bodies);
        assertThat(counted.bytesIn()).isPositive();
        assertThat(traffic.bytesOut("meteredapp")).isEqualTo(counted.bytesOut());
        assertThat(traffic.bytesIn("meteredapp")).isEqualTo(counted.bytesIn());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wsunix", "wstcp"})
    void relaysWebSocketsBothWays(String appId) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket = openWebSocket(appId, received);

        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");
        for (int i = 1; i <= 3; i++) {
            socket.sendText("message " + i, true).get(10, TimeUnit.SECONDS);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("echo: message " + i);
        }
        String large = "x".repeat(200_000);
        socket.sendText(large, true).get(10, TimeUnit.SECONDS);
        String reply = received.poll(10, TimeUnit.SECONDS);
        assertThat(reply).hasSize(large.length() + 6).startsWith("echo: xxx");
        assertThat(reply.equals("echo: " + large)).as("large message intact").isTrue();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("closed 1000");
    }

    @Test
    void disconnectClosesAnAppsOpenConnections() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        openWebSocket("wstcp", received);
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");
        await().until(() -> gateway.traffic("wstcp").openConnections() > 0);

        gateway.disconnect("wstcp");

        assertThat(received.poll(10, TimeUnit.SECONDS)).startsWith("closed");
        await().until(() -> gateway.traffic("wstcp").openConnections() == 0);
    }

    private WebSocket openWebSocket(String appId, BlockingQueue<String> received) throws Exception {
        return http.newWebSocketBuilder()
                .header("Host", host(appId, 4000))
                .buildAsync(URI.create("ws://127.0.0.1:" + gateway.port() + "/ws"), new TextFrames(received))
                .get(10, TimeUnit.SECONDS);
    }

    private HttpRequest.Builder request(String appId, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .header("Host", host(appId, 3000))
                .timeout(Duration.ofSeconds(30));
    }

    private String get(String appId, String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host(appId, 3000) + "\r\n\r\n";
    }

    private String host(String appId, int port) {
        return port + "-" + appId + ".localhost:" + gateway.port();
    }

    static {
        // when run from an IDE without the failsafe configuration
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
    }
}
