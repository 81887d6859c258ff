package ai.spawn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.spawn.sandbox.SandboxEndpoint;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Idle timeouts, set short: silent apps, idle clients, idle pooled connections. */
@SpringBootTest(classes = GatewayTestConfig.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spawnai.test.gateway-only=true",
        "spawnai.gateway.port=0", "spawnai.gateway.bind=127.0.0.1", "spawnai.gateway.idle-timeout=1s",
        "spawnai.gateway.upstream-idle-timeout=300ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayIdleIT {

    @Autowired
    private GatewayServer gateway;
    @Autowired
    private MapRouteResolver routes;

    private ScriptedUpstream silent;
    private ScriptedUpstream keepAlive;

    @BeforeAll
    void startApps() throws IOException {
        silent = new ScriptedUpstream(ScriptedUpstream.SILENT);
        keepAlive = new ScriptedUpstream(ScriptedUpstream.KEEP_ALIVE);
        routes.live("silent", 3000, new SandboxEndpoint.Tcp("127.0.0.1", silent.port()))
                .live("keepalive", 3000, new SandboxEndpoint.Tcp("127.0.0.1", keepAlive.port()));
    }

    @AfterAll
    void stopApps() throws IOException {
        silent.close();
        keepAlive.close();
    }

    @Test
    void appThatNeverAnswersGets504AndItsConnectionIsClosed() throws IOException {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            RawHttp.Response response = raw.send("GET / HTTP/1.1\r\nHost: 3000-silent.localhost\r\n\r\n").read();

            assertThat(response.status()).isEqualTo(504);
            assertThat(response.text()).contains("did not answer in time");
            assertThat(raw.closedByServer()).isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> silent.closedByGateway() == 1);
    }

    @Test
    void idleClientConnectionsAreClosed() throws IOException {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void idlePooledConnectionsAreClosed() throws IOException {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            RawHttp.Response response = raw.send("GET / HTTP/1.1\r\nHost: 3000-keepalive.localhost\r\n\r\n").read();
            assertThat(response.text()).isEqualTo("ok");
        }
        assertThat(keepAlive.accepted()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> keepAlive.closedByGateway() == 1);
    }
}
