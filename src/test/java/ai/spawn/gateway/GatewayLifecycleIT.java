package ai.spawn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The gateway starts and stops with the Spring context. */
class GatewayLifecycleIT {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(GatewayTestConfig.class)
            .withPropertyValues("spawnai.test.gateway-only=true", "spawnai.gateway.port=0", "spawnai.gateway.bind=127.0.0.1");

    @Test
    void listensWhileTheContextRuns() {
        AtomicInteger port = new AtomicInteger();
        runner.run(context -> {
            GatewayServer gateway = context.getBean(GatewayServer.class);
            assertThat(gateway.isRunning()).isTrue();
            assertThat(gateway.port()).isPositive();
            assertThat(gateway.appUrl("abc", 3000)).isEqualTo("http://3000-abc.localhost:" + gateway.port() + "/");
            port.set(gateway.port());
            try (RawHttp raw = new RawHttp(gateway.port())) {
                assertThat(raw.send("GET / HTTP/1.1\r\nHost: 3000-abc.localhost\r\n\r\n").read().status())
                        .isEqualTo(404);
            }
        });
        assertThatThrownBy(() -> new Socket("127.0.0.1", port.get()).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void disabledGatewayDoesNotListenButStillMakesUrls() {
        runner.withPropertyValues("spawnai.gateway.enabled=false", "spawnai.gateway.port=18081").run(context -> {
            GatewayServer gateway = context.getBean(GatewayServer.class);
            assertThat(gateway.isRunning()).isFalse();
            assertThat(gateway.port()).isEqualTo(-1);
            assertThat(gateway.appUrl("abc", 3000)).isEqualTo("http://3000-abc.localhost:18081/");
        });
    }

    @Test
    void anOccupiedPortFailsStartUpWithAClearMessage() throws IOException {
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            runner.withPropertyValues("spawnai.gateway.port=" + occupied.getLocalPort()).run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().isNotNull();
                assertThat(context.getStartupFailure()).hasStackTraceContaining(
                        "The gateway cannot listen on 127.0.0.1:" + occupied.getLocalPort());
            });
        }
    }

    @Test
    void withoutARouteResolverEveryAppIsUnknown() {
        new ApplicationContextRunner()
                .withUserConfiguration(GatewayConfiguration.class)
                .withPropertyValues("spawnai.gateway.port=0", "spawnai.gateway.bind=127.0.0.1")
                .run(context -> {
                    GatewayServer gateway = context.getBean(GatewayServer.class);
                    try (RawHttp raw = new RawHttp(gateway.port())) {
                        assertThat(raw.send("GET / HTTP/1.1\r\nHost: 3000-abc.localhost\r\n\r\n").read().status())
                                .isEqualTo(404);
                    }
                });
    }
}
