package ai.spawn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.spawn.sandbox.SandboxEndpoint;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Upstream connections when connecting goes wrong: an app whose listen queue is full, an app that stops accepting
 * new connections, a pool evicted while one of its connections is in use; an app with its own socket and a relay. One event loop (so one pool per app) and
 * pooled connections that never idle out during a test, so only the gateway's own decisions close them.
 */
@SpringBootTest(classes = GatewayTestConfig.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spawnai.test.gateway-only=true",
        "spawnai.gateway.port=0", "spawnai.gateway.bind=127.0.0.1", "spawnai.gateway.threads=1",
        "spawnai.gateway.upstream-idle-timeout=5m"})
class GatewayUpstreamIT {

    @Autowired
    private GatewayServer gateway;
    @Autowired
    private MapRouteResolver routes;
    @Autowired
    private RecordingTrafficListener traffic;
    @TempDir
    Path dir;

    @Test
    void aBurstBeyondTheAppsListenQueueIsAnsweredOnceTheAppAccepts() throws Exception {
        int clients = 6;
        try (UnixUpstream app = UnixUpstream.notAcceptingYet(dir.resolve("busy.sock"), 1)) {
            routes.live("busy", 3000, new SandboxEndpoint.UnixSocket(app.path()));
            List<RawHttp> connections = new ArrayList<>();
            try {
                for (int i = 0; i < clients; i++) {
                    connections.add(new RawHttp(gateway.port()).send(get("busy")));
                }
                // every request has been routed, and so has tried to connect: the queue holds two, the rest is refused
                await().atMost(Duration.ofSeconds(10)).until(() -> traffic.requests("busy") == clients);
                app.startAccepting();

                for (RawHttp connection : connections) {
                    RawHttp.Response response = connection.read();
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(response.text()).isEqualTo("ok");
                }
            } finally {
                for (RawHttp connection : connections) {
                    connection.close();
                }
            }
            assertThat(app.accepted()).isLessThanOrEqualTo(clients);
        }
    }

    @Test
    void aFailedConnectLeavesThePooledConnectionsInService() throws IOException {
        try (UnixUpstream app = UnixUpstream.serving(dir.resolve("moved.sock"))) {
            routes.live("moved", 3000, new SandboxEndpoint.UnixSocket(app.path()));
            try (RawHttp first = new RawHttp(gateway.port())) {
                assertThat(first.send(get("moved")).read().status()).isEqualTo(200);
            }
            // the app keeps serving the connection it has, but nobody can open a new one
            Files.delete(app.path());
            try (RawHttp first = new RawHttp(gateway.port()); RawHttp second = new RawHttp(gateway.port())) {
                first.send(get("moved"));
                second.send(get("moved"));

                assertThat(List.of(first.read().status(), second.read().status())).containsExactlyInAnyOrder(200, 502);
            }
            try (RawHttp third = new RawHttp(gateway.port())) {
                assertThat(third.send(get("moved")).read().status()).isEqualTo(200);
            }
            assertThat(app.accepted()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionInUseWhenItsPoolIsEvictedIsClosedAfterItsResponse() throws IOException {
        try (UnixUpstream app = UnixUpstream.holdingAnswers(dir.resolve("leaving.sock"))) {
            routes.live("leaving", 3000, new SandboxEndpoint.UnixSocket(app.path()));
            try (RawHttp first = new RawHttp(gateway.port())) {
                first.send(get("leaving"));
                await().atMost(Duration.ofSeconds(10)).until(() -> app.requests() == 1);
                routes.put("leaving", 3000, new Route.Gone("leaving", "Gone for the test."));
                try (RawHttp second = new RawHttp(gateway.port())) {
                    assertThat(second.send(get("leaving")).read().status()).isEqualTo(410);
                }
                app.answer();

                assertThat(first.read().status()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> app.closedByGateway() == 1);
        }
    }

    @Test
    void anAppsOwnSocketIsPreferredToItsRelayWhileItIsThere() throws IOException {
        try (UnixUpstream own = UnixUpstream.serving(dir.resolve("own.sock"));
             UnixUpstream relay = UnixUpstream.serving(dir.resolve("relay.sock"))) {
            routes.live("twosockets", 3000, new SandboxEndpoint.UnixSocket(own.path(), relay.path()));

            try (RawHttp client = new RawHttp(gateway.port())) {
                assertThat(client.send(get("twosockets")).read().status()).isEqualTo(200);
            }

            assertThat(own.accepted()).isEqualTo(1);
            assertThat(relay.accepted()).isZero();
        }
    }

    @Test
    void theRelayServesWhenTheAppsOwnSocketIsMissing() throws IOException {
        try (UnixUpstream relay = UnixUpstream.serving(dir.resolve("relay.sock"))) {
            routes.live("noown", 3000, new SandboxEndpoint.UnixSocket(dir.resolve("own.sock"), relay.path()));

            try (RawHttp client = new RawHttp(gateway.port())) {
                assertThat(client.send(get("noown")).read().status()).isEqualTo(200);
            }

            assertThat(relay.accepted()).isEqualTo(1);
        }
    }

    /**
     * A socket file nobody listens on any more (its process died) refuses; the request goes to the relay instead,
     * and so do new connections, until a new socket file replaces the stale one.
     */
    @Test
    void aStaleOwnSocketFallsBackToTheRelayUntilANewSocketReplacesIt() throws IOException {
        Path ownPath = dir.resolve("own.sock");
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(ownPath));
        }
        assertThat(ownPath).exists();
        try (UnixUpstream relay = UnixUpstream.holdingAnswers(dir.resolve("relay.sock"))) {
            routes.live("stale", 3000, new SandboxEndpoint.UnixSocket(ownPath, relay.path()));
            try (RawHttp first = new RawHttp(gateway.port())) {
                first.send(get("stale"));
                await().atMost(Duration.ofSeconds(10)).until(() -> relay.requests() == 1);

                Files.delete(ownPath);
                try (UnixUpstream own = UnixUpstream.serving(ownPath); RawHttp second = new RawHttp(gateway.port())) {
                    // the first connection is in use: this one is new, and goes to the new socket
                    assertThat(second.send(get("stale")).read().status()).isEqualTo(200);
                    assertThat(own.accepted()).isEqualTo(1);
                }
                relay.answer();
                assertThat(first.read().status()).isEqualTo(200);
            }
            assertThat(relay.accepted()).isEqualTo(1);
        }
    }

    private String get(String appId) {
        return "GET / HTTP/1.1\r\nHost: 3000-" + appId + ".localhost:" + gateway.port() + "\r\n\r\n";
    }
}
