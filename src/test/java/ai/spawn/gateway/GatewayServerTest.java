package ai.spawn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class GatewayServerTest {

    @Test
    void appUrlUsesTheConfiguredPortUntilStarted() {
        GatewayServer gateway = gateway(8081, null, "http", "localhost");

        assertThat(gateway.appUrl("abc123", 3000)).isEqualTo("http://3000-abc123.localhost:8081/");
        assertThat(gateway.port()).isEqualTo(-1);
        assertThat(gateway.isRunning()).isFalse();
    }

    @Test
    void appUrlPrefersThePublicPortAndLeavesOutDefaultPorts() {
        assertThat(gateway(8081, 443, "https", "apps.example.com").appUrl("x1", 5173))
                .isEqualTo("https://5173-x1.apps.example.com/");
        assertThat(gateway(8081, 80, "http", "localhost").appUrl("x1", 8080)).isEqualTo("http://8080-x1.localhost/");
        assertThat(gateway(8081, 9000, "http", "localhost").appUrl("x1", 8080))
                .isEqualTo("http://8080-x1.localhost:9000/");
    }

    @Test
    void appUrlRejectsWhatCouldNotBeRouted() {
        GatewayServer gateway = gateway(8081, null, "http", "localhost");

        assertThatThrownBy(() -> gateway.appUrl("ABC", 3000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gateway.appUrl("a.b", 3000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gateway.appUrl("abc", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gateway.appUrl("abc", 65536)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trafficOfAnUnknownAppIsZero() {
        assertThat(gateway(8081, null, "http", "localhost").traffic("nope"))
                .isEqualTo(new AppTraffic("nope", 0, 0, 0, 0));
    }

    private static GatewayServer gateway(int port, Integer publicPort, String scheme, String domain) {
        GatewayProperties properties = new GatewayProperties(true, port, "127.0.0.1", domain, publicPort, scheme,
                DataSize.ofMegabytes(10), 256, 32, 256, 0, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(4), Duration.ofSeconds(5), 1);
        return new GatewayServer(properties, (appId, appPort) -> new Route.Unknown(), GatewayTrafficListener.NONE);
    }
}
