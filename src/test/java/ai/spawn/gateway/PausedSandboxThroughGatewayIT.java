package ai.spawn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.sandbox.local.BubblewrapSandboxProvider;
import ai.spawn.testing.DataDirs;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first request to a paused app thaws it: a real sandbox, frozen with the cgroup freezer, behind the gateway,
 * whose route carries {@code sandbox::resume} as its wake action. Needs root.
 */
class PausedSandboxThroughGatewayIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MapRouteResolver routes = new MapRouteResolver();
    private BubblewrapSandboxProvider provider;
    private GatewayServer gateway;
    private Sandbox sandbox;

    @BeforeEach
    void start() {
        provider = BubblewrapSandboxProvider.open(DataDirs.fresh("gateway-pause"), 10001);
        gateway = TestGateways.start(routes, new AppActivity(Clock.systemUTC()), Map.of());
        sandbox = provider.create(new SandboxSpec("sleepy", "node", SandboxLimits.defaults(), Map.of()));
        sandbox.writeFiles(Map.of("server.js", "require('http').createServer((q, r) => r.end('good morning'))"
                + ".listen(process.env.PORT, () => console.log('listening'))"));
        sandbox.start("node server.js", 3000);
        await().atMost(TIMEOUT).until(() -> sandbox.logs(5).contains("listening"));
    }

    @AfterEach
    void stop() {
        gateway.stop();
        provider.close();
    }

    private RawHttp.Response get() throws IOException {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            return raw.send("GET / HTTP/1.1\r\nHost: 3000-sleepy.localhost\r\n\r\n").read();
        }
    }

    @Test
    void theFirstRequestToAPausedAppThawsItAndIsAnswered() throws IOException {
        sandbox.pause();
        routes.put("sleepy", 3000, new Route.Live("sleepy", sandbox.endpoint(), sandbox::resume));

        RawHttp.Response response = get();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).isEqualTo("good morning");
        assertThat(sandbox.isPaused()).isFalse();
    }

    @Test
    void aPooledConnectionFromBeforeThePauseServesAfterTheThaw() throws IOException {
        routes.live("sleepy", 3000, sandbox.endpoint());
        assertThat(get().status()).isEqualTo(200);
        sandbox.pause();
        routes.put("sleepy", 3000, new Route.Live("sleepy", sandbox.endpoint(), sandbox::resume));

        assertThat(get().text()).isEqualTo("good morning");
        assertThat(get().text()).isEqualTo("good morning");
    }
}
