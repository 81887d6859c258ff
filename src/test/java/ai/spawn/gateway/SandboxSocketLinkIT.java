package ai.spawn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxEndpoint;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.sandbox.local.BubblewrapSandboxProvider;
import ai.spawn.testing.DataDirs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The attack of finding F1: an app replaces the unix sockets the gateway connects to (its run directory,
 * {@code /run/sbx}, is writable by the app) with a link to a host socket, hoping the gateway — root, in the host's
 * mount namespace — relays its visitors' requests there and the answers back. A root-only socket in a mode-700
 * directory stands in for docker.sock or a database socket and records every byte it receives; each test fails if a
 * single byte reaches it or its secret reaches the client. Real sandboxes behind the real gateway; needs root and
 * bubblewrap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxSocketLinkIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SECRET = "host-secret-7f3a";
    /** A python app that answers "sbx-answer" on $PORT. */
    private static final String APP = "python3 -c 'import http.server as h\n"
            + "class H(h.BaseHTTPRequestHandler):\n"
            + "  def do_GET(s):\n"
            + "    s.send_response(200); s.send_header(\"Content-Length\", \"10\"); s.end_headers();"
            + " s.wfile.write(b\"sbx-answer\")\n"
            + "h.HTTPServer((\"127.0.0.1\", int(__import__(\"os\").environ[\"PORT\"])), H).serve_forever()'";

    private final MapRouteResolver routes = new MapRouteResolver();
    private final List<Sandbox> created = new ArrayList<>();
    private BubblewrapSandboxProvider provider;
    private GatewayServer gateway;
    private HostSocket host;

    @BeforeAll
    void start() throws IOException {
        provider = BubblewrapSandboxProvider.open(DataDirs.fresh("socketlink"), 10001);
        gateway = TestGateways.start(routes, new AppActivity(Clock.systemUTC()), Map.of());
        host = new HostSocket(DataDirs.fresh("socketlink-host"));
    }

    @AfterAll
    void stop() throws IOException {
        gateway.stop();
        provider.close();
        host.close();
    }

    @AfterEach
    void destroyCreated() {
        created.forEach(Sandbox::destroy);
        created.clear();
    }

    @Test
    void linksTheAppPlantsInPlaceOfBothSocketsAreNeverFollowed() throws IOException {
        Sandbox app = sandbox("links", Map.of("TARGET", host.path.toString()),
                "while [ ! -S /run/sbx/app.sock ]; do sleep 0.05; done;"
                        + " ln -s \"$TARGET\" /run/sbx/new && mv -f /run/sbx/new /run/sbx/app.sock;"
                        + " ln -s \"$TARGET\" /run/sbx/direct.sock; echo planted; exec sleep 600");
        await().atMost(TIMEOUT).until(() -> app.logs(5).contains("planted"));
        assertThat(Files.isSymbolicLink(run(app).resolve("app.sock"))).isTrue();

        RawHttp.Response response = get("links");

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.text()).doesNotContain(SECRET);
        assertThat(host.connections.get()).as("connections to the host socket").isZero();
    }

    @Test
    void aLinkToAnotherSandboxsSocketIsNeverFollowed() throws IOException {
        Sandbox victim = sandbox("victim", Map.of(), APP);
        routes.live("victim", 3000, victim.endpoint());
        await().atMost(TIMEOUT).until(() -> get("victim").status() == 200);
        Path victimSocket = run(victim).resolve("app.sock");
        Sandbox attacker = sandbox("attacker", Map.of("TARGET", victimSocket.toString()),
                "while [ ! -S /run/sbx/app.sock ]; do sleep 0.05; done;"
                        + " ln -s \"$TARGET\" /run/sbx/new && mv -f /run/sbx/new /run/sbx/app.sock;"
                        + " echo planted; exec sleep 600");
        await().atMost(TIMEOUT).until(() -> attacker.logs(5).contains("planted"));

        RawHttp.Response response = get("attacker");

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.text()).doesNotContain("sbx-answer");
    }

    @Test
    void aHostSocketInPlaceOfTheAppsOwnIsRefusedByOwnerThenByPeerAndTheRelayServes() throws IOException {
        Sandbox app = sandbox("planted", Map.of(), APP);
        await().atMost(TIMEOUT).until(() -> get("planted").status() == 200);
        // as a hard link the app made to a host socket would be: a socket inode that is not the sandbox's, at the
        // path of the app's own socket, which the gateway prefers
        HostSocket inPlace = new HostSocket(run(app).resolve("direct.sock"));
        try {
            // each check on a route of its own: a fresh pool, so a new connection, not one kept from before
            routes.live("planted1", 3000, app.endpoint());
            RawHttp.Response byOwner = get("planted1");
            assertThat(byOwner.status()).isEqualTo(200);
            assertThat(byOwner.text()).isEqualTo("sbx-answer");
            assertThat(inPlace.connections.get()).as("connections refused by the file's owner").isZero();

            // owned by the sandbox uid, as a socket the app passed on could be: connected, but the peer is root
            // and outside the sandbox's cgroup, so nothing is sent and the relay answers instead
            Files.setAttribute(inPlace.path, "unix:uid", 10001, LinkOption.NOFOLLOW_LINKS);
            routes.live("planted2", 3000, app.endpoint());
            RawHttp.Response byPeer = get("planted2");
            assertThat(byPeer.status()).isEqualTo(200);
            assertThat(byPeer.text()).isEqualTo("sbx-answer");
            assertThat(inPlace.received()).as("bytes sent to a socket the sandbox does not serve").isEmpty();
        } finally {
            inPlace.close();
        }
    }

    @Test
    void fifosInPlaceOfTheSocketsAnswer502WithoutHanging() throws Exception {
        Sandbox app = sandbox("fifo", Map.of(), APP);
        await().atMost(TIMEOUT).until(() -> get("fifo").status() == 200);
        for (String name : List.of("app.sock", "direct.sock")) {
            Path socket = run(app).resolve(name);
            Files.deleteIfExists(socket);
            Process mkfifo = new ProcessBuilder("mkfifo", "-m", "666", socket.toString()).start();
            assertThat(mkfifo.waitFor()).isZero();
        }
        routes.live("fifo2", 3000, app.endpoint());

        assertThat(get("fifo2").status()).isEqualTo(502);
    }

    private Sandbox sandbox(String appId, Map<String, String> env, String command) {
        Sandbox sandbox = provider.create(new SandboxSpec(appId, "python", SandboxLimits.defaults(), env));
        created.add(sandbox);
        sandbox.start(command, 3000);
        routes.live(appId, 3000, sandbox.endpoint());
        return sandbox;
    }

    private static Path run(Sandbox sandbox) {
        return ((SandboxEndpoint.UnixSocket) sandbox.endpoint()).path().getParent();
    }

    private RawHttp.Response get(String appId) throws IOException {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            return raw.send("GET / HTTP/1.1\r\nHost: 3000-" + appId + ".localhost\r\nConnection: close\r\n\r\n")
                    .read();
        }
    }

    /** A root-owned unix socket that answers every connection with {@link #SECRET} and keeps what it received. */
    private static final class HostSocket implements AutoCloseable {

        final Path path;
        final AtomicInteger connections = new AtomicInteger();
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final ServerSocketChannel server;
        private final Thread acceptor;

        HostSocket(Path dirOrSocket) throws IOException {
            if (Files.isDirectory(dirOrSocket)) {
                Files.setPosixFilePermissions(dirOrSocket, PosixFilePermissions.fromString("rwx------"));
                path = dirOrSocket.resolve("secret.sock");
            } else {
                path = dirOrSocket;
            }
            Files.deleteIfExists(path);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            acceptor = new Thread(this::serve, "host-socket");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        synchronized String received() {
            return received.toString(StandardCharsets.ISO_8859_1);
        }

        private void serve() {
            while (server.isOpen()) {
                try (SocketChannel client = server.accept()) {
                    connections.incrementAndGet();
                    ByteBuffer buffer = ByteBuffer.allocate(4096);
                    // until the other end closes: the gateway closes at once when it refuses the peer
                    for (int n; (n = client.read(buffer.clear())) >= 0; ) {
                        synchronized (this) {
                            received.write(buffer.array(), 0, n);
                        }
                        client.write(ByteBuffer.wrap(("HTTP/1.1 200 OK\r\nContent-Length: " + SECRET.length()
                                + "\r\n\r\n" + SECRET).getBytes(StandardCharsets.US_ASCII)));
                    }
                } catch (IOException e) {
                    if (!server.isOpen()) {
                        return;
                    }
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            Files.deleteIfExists(path);
        }
    }
}
