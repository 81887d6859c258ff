package ai.spawn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.spawn.egress.EgressProperties;
import ai.spawn.egress.EgressProxy;
import ai.spawn.egress.HostResolver;
import ai.spawn.egress.RecordingEgressListener;
import ai.spawn.sandbox.ExecResult;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxEndpoint;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.sandbox.local.BubblewrapSandboxProvider;
import ai.spawn.testing.DataDirs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Node apps are served through their own unix socket (the preload of the local provider's {@code DirectSocket}),
 * everything else through the sandbox's relay: real sandboxes behind the real gateway. Each app answers with the
 * kind of handle its connection has ({@code Pipe} for the direct socket, {@code TCP} for socat's relay), so a test
 * fails if the path is not the expected one. Express and ws are installed with npm through the egress proxy. Needs
 * root, bubblewrap, node, python3 and the npm registry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectSocketIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String KIND = "const kind = (s) => (s._handle ? s._handle.constructor.name : 'none');\n";
    private static final int CHUNK = 64 * 1024;
    private static final int CHUNKS = 160;

    private final MapRouteResolver routes = new MapRouteResolver();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Sandbox> created = new ArrayList<>();
    private EgressProxy proxy;
    private BubblewrapSandboxProvider provider;
    private GatewayServer gateway;
    private Sandbox express;

    @BeforeAll
    void start() {
        proxy = new EgressProxy(EgressProperties.defaults(), HostResolver.system(), new RecordingEgressListener());
        provider = BubblewrapSandboxProvider.open(DataDirs.fresh("direct"), 10001,
                new BubblewrapSandboxProvider.Installs(proxy, null));
        gateway = TestGateways.start(routes, new AppActivity(Clock.systemUTC()), Map.of("max-connections-per-client-per-app", "256"));
        express = provider.create(new SandboxSpec("express", "node", SandboxLimits.defaults(), Map.of()));
        express.writeFiles(Map.of("package.json", "{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true}",
                "server.js", KIND + """
                        const express = require('express');
                        const { WebSocketServer } = require('ws');
                        const chunk = Buffer.alloc(%d);
                        for (let i = 0; i < chunk.length; i++) chunk[i] = (i * 31 + 7) & 0xff;
                        const app = express();
                        app.get('/', (req, res) => res.send(kind(req.socket) + ' ' + req.ip));
                        app.get('/slow', (req, res) => setTimeout(() => res.send(kind(req.socket)), 1000));
                        app.get('/big', (req, res) => {
                          res.set('content-type', 'application/octet-stream');
                          let sent = 0;
                          const more = () => {
                            while (sent < %d) {
                              sent++;
                              if (!res.write(chunk)) { res.once('drain', more); return; }
                            }
                            res.end();
                          };
                          more();
                        });
                        const server = app.listen(process.env.PORT, () => console.log('listening'));
                        new WebSocketServer({ server }).on('connection', (ws, req) => {
                          ws.send('hello ' + kind(req.socket));
                          ws.on('message', (m) => ws.send('echo: ' + m));
                        });
                        """.formatted(CHUNK, CHUNKS)));
        ExecResult install = express.exec("npm install --no-audit --no-fund express@4 ws@8", Duration.ofMinutes(3),
                line -> { });
        assertThat(install.succeeded()).as("npm install: %s", install.lastLines()).isTrue();
        express.start("node server.js", 3000);
        await().atMost(TIMEOUT).until(() -> express.logs(5).contains("listening"));
        routes.live("express", 3000, express.endpoint());
    }

    @AfterAll
    void stop() {
        gateway.stop();
        provider.close();
        proxy.close();
    }

    @AfterEach
    void destroyCreated() {
        created.forEach(Sandbox::destroy);
        created.clear();
    }

    @Test
    void anExpressAppIsServedThroughItsOwnSocketWithTheAddressesTheRelayWouldGive() throws IOException {
        assertThat(get("express", "/")).isEqualTo("Pipe ::ffff:127.0.0.1");
        assertThat(Files.exists(((SandboxEndpoint.UnixSocket) express.endpoint()).path())).isTrue();
    }

    @Test
    void aWebSocketUpgradeWorksThroughTheAppsOwnSocket() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket = http.newWebSocketBuilder()
                .header("Host", "3000-express.localhost")
                .buildAsync(URI.create("ws://127.0.0.1:" + gateway.port() + "/"), new TextFrames(received))
                .get(10, TimeUnit.SECONDS);

        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("hello Pipe");
        socket.sendText("ping", true).get(10, TimeUnit.SECONDS);
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("echo: ping");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
    }

    @Test
    void aStreamed10MiBBodyArrivesWholeThroughTheAppsOwnSocket() throws Exception {
        HttpResponse<byte[]> response = http.send(request("express", "/big"), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(CHUNK * CHUNKS);
        assertThat(sha256(response.body())).isEqualTo(sha256(expectedBig()));
    }

    /**
     * 150 requests in flight at once: through the relay each upstream connection is a {@code socat} process and
     * about 115 of them exhaust the sandbox's pids limit (128); through the app's own socket they cost none.
     */
    @Test
    void manyConcurrentConnectionsStayWithinThePidsLimit() throws IOException {
        List<RawHttp> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 150; i++) {
                clients.add(new RawHttp(gateway.port())
                        .send("GET /slow HTTP/1.1\r\nHost: 3000-express.localhost\r\n\r\n"));
            }
            for (RawHttp client : clients) {
                RawHttp.Response response = client.read();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.text()).isEqualTo("Pipe");
            }
        } finally {
            for (RawHttp client : clients) {
                client.close();
            }
        }
        assertThat(express.isRunning()).isTrue();
    }

    @Test
    void aPlainHttpAppIsServedThroughItsOwnSocket() throws IOException {
        serve("plain", "node", "node server.js", Map.of("server.js", KIND
                + "require('http').createServer((q, r) => r.end('plain ' + kind(q.socket)))"
                + ".listen(process.env.PORT, () => console.log('listening'));"));

        assertThat(get("plain", "/")).isEqualTo("plain Pipe");
    }

    @Test
    void aStaticAppIsServedThroughItsOwnSocket() throws IOException {
        Sandbox sandbox = serve("static", "static", "node /opt/spawnai/static-server.js",
                Map.of("index.html", "<h1>static</h1>"), "static server on port 3000");

        assertThat(get("static", "/")).isEqualTo("<h1>static</h1>");
        assertThat(Files.exists(((SandboxEndpoint.UnixSocket) sandbox.endpoint()).path())).isTrue();
    }

    @Test
    void aPythonAppIsServedThroughTheRelay() throws IOException {
        Sandbox sandbox = serve("python", "python", "python3 -u app.py", Map.of("app.py", """
                import os
                from http.server import BaseHTTPRequestHandler, HTTPServer
                class Handler(BaseHTTPRequestHandler):
                    def do_GET(self):
                        body = b"python"
                        self.send_response(200)
                        self.send_header("Content-Length", str(len(body)))
                        self.end_headers()
                        self.wfile.write(body)
                server = HTTPServer(("127.0.0.1", int(os.environ["PORT"])), Handler)
                print("listening", flush=True)
                server.serve_forever()
                """));

        assertThat(get("python", "/")).isEqualTo("python");
        assertThat(Files.exists(((SandboxEndpoint.UnixSocket) sandbox.endpoint()).path())).isFalse();
    }

    @Test
    void aClusteredAppIsServedThroughTheRelayAndKeepsRunning() throws IOException {
        Sandbox sandbox = serve("cluster", "node", "node server.js", Map.of("server.js", KIND + """
                const cluster = require('cluster');
                if (cluster.isPrimary) {
                  cluster.fork();
                  cluster.fork();
                } else {
                  require('http').createServer((q, r) => r.end('worker ' + kind(q.socket)))
                    .listen(process.env.PORT, () => console.log('listening'));
                }
                """));

        assertThat(get("cluster", "/")).isEqualTo("worker TCP");
        assertThat(get("cluster", "/")).isEqualTo("worker TCP");
        assertThat(sandbox.isRunning()).isTrue();
    }

    @Test
    void anAppThatClosesItsServerAndListensAgainIsServedThroughItsNewSocket() throws IOException {
        Sandbox sandbox = serve("again", "node", "node server.js", Map.of("server.js", KIND + """
                let generation = 1;
                function serve() {
                  const server = require('http').createServer((q, r) => {
                    if (q.url === '/again') {
                      r.setHeader('connection', 'close');
                      r.end('closing');
                      server.close(() => { generation++; serve(); });
                      return;
                    }
                    r.end(generation + ' ' + kind(q.socket));
                  });
                  server.listen(process.env.PORT, () => console.log('listening ' + generation));
                }
                serve();
                """));
        assertThat(get("again", "/")).isEqualTo("1 Pipe");

        assertThat(get("again", "/again")).isEqualTo("closing");
        await().atMost(TIMEOUT).until(() -> sandbox.logs(5).contains("listening 2"));

        assertThat(get("again", "/")).isEqualTo("2 Pipe");
    }

    @Test
    void anAppThatIgnoresPortKeepsItsOwnListenerAndGetsNoSocket() throws IOException {
        Sandbox sandbox = serve("other", "node", "node server.js", Map.of("server.js", """
                const net = require('net');
                net.createServer((s) => s.end('other port')).listen(4000, () => {
                  const c = net.connect(4000, '127.0.0.1');
                  c.on('data', (d) => console.log('got ' + d));
                });
                """), "got other port");

        assertThat(Files.exists(((SandboxEndpoint.UnixSocket) sandbox.endpoint()).path())).isFalse();
        try (RawHttp raw = new RawHttp(gateway.port())) {
            assertThat(raw.send("GET / HTTP/1.1\r\nHost: 3000-other.localhost\r\n\r\n").read().status())
                    .isEqualTo(502);
        }
        assertThat(sandbox.isRunning()).isTrue();
    }

    // ---- helpers

    private Sandbox serve(String appId, String runtime, String start, Map<String, String> files) {
        return serve(appId, runtime, start, files, "listening");
    }

    private Sandbox serve(String appId, String runtime, String start, Map<String, String> files, String ready) {
        Sandbox sandbox = provider.create(new SandboxSpec(appId, runtime, SandboxLimits.defaults(), Map.of()));
        created.add(sandbox);
        sandbox.writeFiles(files);
        sandbox.start(start, 3000);
        await().atMost(TIMEOUT).until(() -> String.join("\n", sandbox.logs(10)).contains(ready));
        routes.live(appId, 3000, sandbox.endpoint());
        return sandbox;
    }

    private String get(String appId, String path) throws IOException {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            RawHttp.Response response = raw.send("GET " + path + " HTTP/1.1\r\nHost: 3000-" + appId
                    + ".localhost\r\n\r\n").read();
            assertThat(response.status()).as("GET %s of %s: %s", path, appId, response.text()).isEqualTo(200);
            return response.text();
        }
    }

    private HttpRequest request(String appId, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .header("Host", "3000-" + appId + ".localhost").timeout(TIMEOUT).build();
    }

    private static byte[] expectedBig() {
        byte[] body = new byte[CHUNK * CHUNKS];
        for (int i = 0; i < body.length; i++) {
            int inChunk = i % CHUNK;
            body[i] = (byte) ((inChunk * 31 + 7) & 0xff);
        }
        return body;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
