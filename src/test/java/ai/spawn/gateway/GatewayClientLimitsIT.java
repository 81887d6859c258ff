package ai.spawn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.spawn.sandbox.SandboxEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slow and greedy clients: half-sent heads and idle keep-alive connections are closed after their timeouts, and
 * connections are capped per client address (at accept), per client address and app, and in all. Each test starts
 * its own gateway with the limits lowered; a second client address is 127.0.0.2 (all of 127/8 is local on Linux).
 */
class GatewayClientLimitsIT {

    private static final String HEAD = "GET / HTTP/1.1\r\nHost: 3000-app.localhost\r\n\r\n";
    /** How long a test waits for the gateway to close a connection: the timeout under test plus generous slack. */
    private static final Duration SLACK = Duration.ofSeconds(10);

    private final MapRouteResolver routes = new MapRouteResolver();
    private final List<RawHttp> clients = new ArrayList<>();
    private ScriptedUpstream app;
    private GatewayServer gateway;

    @BeforeEach
    void startApp() throws IOException {
        app = new ScriptedUpstream(ScriptedUpstream.KEEP_ALIVE);
        routes.live("app", 3000, new SandboxEndpoint.Tcp("127.0.0.1", app.port()))
                .live("other", 3000, new SandboxEndpoint.Tcp("127.0.0.1", app.port()));
    }

    @AfterEach
    void stop() throws IOException {
        for (RawHttp client : clients) {
            client.close();
        }
        if (gateway != null) {
            gateway.stop();
        }
        app.close();
    }

    @Test
    void halfSentHeadsAreClosedAfterTheHeadTimeout() throws IOException {
        start(Map.of("head-timeout", "1s"));
        for (int i = 0; i < 20; i++) {
            connect("127.0.0.1").send("GET / HTTP/1.1\r\nHost: 3000-app.localhost\r\nX-Slow: 1\r\n");
        }
        RawHttp silent = connect("127.0.0.1");

        for (RawHttp client : clients) {
            assertThat(client.closedWithin(SLACK)).isTrue();
        }
        assertThat(silent.closedWithin(SLACK)).isTrue();
        assertThat(app.accepted()).isZero();
    }

    @Test
    void aHeadDrippedOnAKeepAliveConnectionIsClosedAfterTheHeadTimeout() throws IOException {
        start(Map.of("head-timeout", "1s", "keep-alive-timeout", "1h"));
        RawHttp client = connect("127.0.0.1");
        assertThat(client.send(HEAD).read().status()).isEqualTo(200);

        client.send("GET / HTTP/1.1\r\n");

        assertThat(client.closedWithin(SLACK)).isTrue();
    }

    @Test
    void idleKeepAliveConnectionsAreClosedAfterTheKeepAliveTimeout() throws IOException {
        start(Map.of("head-timeout", "30s", "keep-alive-timeout", "1s"));
        RawHttp client = connect("127.0.0.1");
        assertThat(client.send(HEAD).read().status()).isEqualTo(200);

        assertThat(client.closedWithin(SLACK)).isTrue();
    }

    @Test
    void aClientOverItsConnectionCapIsRefusedAtAcceptWhileAnotherGetsIn() throws IOException {
        start(Map.of("max-connections-per-client", "4"));
        for (int i = 0; i < 4; i++) {
            connect("127.0.0.1");
        }

        RawHttp fifth = connect("127.0.0.1");
        assertThat(fifth.closedWithin(SLACK)).isTrue();
        assertThat(connect("127.0.0.2").send(HEAD).read().status()).isEqualTo(200);

        clients.get(0).close();
        await().atMost(SLACK).untilAsserted(() -> {
            RawHttp again = connect("127.0.0.1");
            assertThat(again.send(HEAD).read().status()).isEqualTo(200);
        });
    }

    @Test
    void oneClientCannotTakeAllOfAnAppsConnections() throws IOException {
        start(Map.of("max-connections-per-app", "4", "max-connections-per-client-per-app", "2"));
        for (int i = 0; i < 2; i++) {
            assertThat(connect("127.0.0.1").send(HEAD).read().status()).isEqualTo(200);
        }

        RawHttp.Response third = connect("127.0.0.1").send(HEAD).read();
        assertThat(third.status()).isEqualTo(429);
        assertThat(connect("127.0.0.2").send(HEAD).read().status()).isEqualTo(200);
        assertThat(connect("127.0.0.1").send(HEAD.replace("3000-app", "3000-other")).read().status())
                .isEqualTo(200);
    }

    @Test
    void connectionsBeyondTheGlobalCapAreRefusedAtAccept() throws IOException {
        start(Map.of("max-connections", "3"));
        connect("127.0.0.1");
        connect("127.0.0.1");
        connect("127.0.0.2");

        assertThat(connect("127.0.0.3").closedWithin(SLACK)).isTrue();

        clients.get(0).close();
        await().atMost(SLACK).untilAsserted(() ->
                assertThat(connect("127.0.0.3").send(HEAD).read().status()).isEqualTo(200));
    }

    private void start(Map<String, String> settings) {
        gateway = TestGateways.start(routes, GatewayTrafficListener.NONE, settings);
    }

    private RawHttp connect(String clientAddress) throws IOException {
        RawHttp client = new RawHttp(gateway.port(), clientAddress);
        clients.add(client);
        return client;
    }
}
