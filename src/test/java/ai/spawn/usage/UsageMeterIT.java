package ai.spawn.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.spawn.gateway.AppActivity;
import ai.spawn.gateway.GatewayProperties;
import ai.spawn.gateway.GatewayServer;
import ai.spawn.gateway.Route;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxLimits;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.sandbox.local.BubblewrapSandboxProvider;
import ai.spawn.testing.DataDirs;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Usage numbers of a real sandbox behind a real gateway move as the app works. Needs root. */
class UsageMeterIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private BubblewrapSandboxProvider provider;
    private GatewayServer gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.stop();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void cpuMemoryAndTrafficOfAnAppMove() throws Exception {
        provider = BubblewrapSandboxProvider.open(DataDirs.fresh("usage"), 10001);
        Sandbox sandbox = provider.create(new SandboxSpec("app1", "node", SandboxLimits.defaults(), Map.of()));
        sandbox.writeFiles(Map.of("server.js", "const big = Buffer.alloc(20 << 20, 1);"
                + "require('http').createServer((q, r) => { let x = 0; for (let i = 0; i < 5e6; i++) x += i;"
                + " r.end('sum ' + x + ' ' + big.length); }).listen(process.env.PORT, () => console.log('listening'))"));
        sandbox.start("node server.js", 3000);
        await().atMost(TIMEOUT).until(() -> sandbox.logs(5).contains("listening"));
        gateway = new GatewayServer(new Binder(new MapConfigurationPropertySource(Map.of(
                "spawnai.gateway.port", "0", "spawnai.gateway.bind", "127.0.0.1")))
                .bindOrCreate("spawnai.gateway", GatewayProperties.class),
                (appId, port) -> appId.equals("app1") ? new Route.Live("app1", sandbox.endpoint())
                        : new Route.Unknown(), new AppActivity(Clock.systemUTC()));
        gateway.start();
        UsageMeter meter = new UsageMeter(provider, gateway, new UsageProperties(Duration.ofSeconds(10),
                Duration.ofMinutes(15)), new StaticListableBeanFactory(Map.of()).getBeanProvider(MeterRegistry.class));
        AppUsage before = meter.usage("app1", sandbox);

        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + gateway.port() + "/")).header("Host", "3000-app1.localhost")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).startsWith("sum ");
        }
        meter.sample();
        AppUsage after = meter.usage("app1", sandbox);

        assertThat(after.cpuSeconds()).isGreaterThan(before.cpuSeconds());
        assertThat(after.memoryBytes()).isGreaterThan(20L << 20);
        assertThat(after.peakMemoryBytes()).isGreaterThanOrEqualTo(after.memoryBytes());
        assertThat(after.averageMemoryBytes()).isPositive();
        assertThat(after.requests()).isEqualTo(3);
        assertThat(after.bytesIn()).isGreaterThan(before.bytesIn());
        assertThat(after.bytesOut()).isGreaterThan(3 * "sum ".length());
    }
}
