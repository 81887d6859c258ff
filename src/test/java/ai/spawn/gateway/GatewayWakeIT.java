package ai.spawn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.spawn.sandbox.SandboxEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import java.time.Clock;
import java.util.Map;

/** Sleeping apps: the gateway runs their wake action off the event loop before it connects. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayWakeIT {

    private final MapRouteResolver routes = new MapRouteResolver();
    private final AppActivity activity = new AppActivity(Clock.systemUTC());
    private GatewayServer gateway;
    private EchoUpstream echo;
    private SandboxEndpoint endpoint;

    @BeforeAll
    void start() throws IOException {
        echo = new EchoUpstream();
        endpoint = new SandboxEndpoint.Tcp("127.0.0.1", echo.port());
        gateway = TestGateways.start(routes, activity, Map.of("threads", "1"));
    }

    @AfterAll
    void stop() {
        gateway.stop();
        echo.close();
    }

    private RawHttp.Response get(String appId) throws IOException {
        try (RawHttp raw = new RawHttp(gateway.port())) {
            return raw.send("GET /echo HTTP/1.1\r\nHost: 3000-" + appId + ".localhost\r\n\r\n").read();
        }
    }

    @Test
    void wakesASleepingAppOffTheEventLoopThenProxies() throws IOException {
        List<String> threads = new CopyOnWriteArrayList<>();
        routes.put("sleepy", 3000, new Route.Live("sleepy", endpoint,
                () -> threads.add(Thread.currentThread().getName())));

        RawHttp.Response response = get("sleepy");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("target: /echo");
        assertThat(threads).singleElement().asString().startsWith("spawnai-gateway-wake");
        assertThat(activity.lastActive("sleepy")).isPresent();
    }

    @Test
    void requestsArrivingWhileAnAppWakesShareOneWake() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger wakes = new AtomicInteger();
        routes.put("drowsy", 3000, new Route.Live("drowsy", endpoint, () -> {
            wakes.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));

        List<CompletableFuture<RawHttp.Response>> responses = IntStream.range(0, 5)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return get("drowsy");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })).toList();
        await().until(() -> wakes.get() == 1);
        await().during(Duration.ofMillis(300)).until(() -> responses.stream().noneMatch(CompletableFuture::isDone));
        release.countDown();

        assertThat(responses).allSatisfy(r -> assertThat(r.get(30, TimeUnit.SECONDS).status()).isEqualTo(200));
        assertThat(wakes).hasValue(1);
    }

    @Test
    void anAppThatCannotBeWokenGets503AndTheConnectionStaysUsable() throws IOException {
        routes.put("comatose", 3000, new Route.Live("comatose", endpoint, () -> {
            throw new IllegalStateException("frozen solid");
        }));
        routes.live("awake", 3000, endpoint);

        try (RawHttp raw = new RawHttp(gateway.port())) {
            RawHttp.Response failed = raw.send("GET /echo HTTP/1.1\r\nHost: 3000-comatose.localhost\r\n\r\n").read();
            RawHttp.Response next = raw.send("GET /echo HTTP/1.1\r\nHost: 3000-awake.localhost\r\n\r\n").read();

            assertThat(failed.status()).isEqualTo(503);
            assertThat(failed.text()).contains("could not be woken up");
            assertThat(next.status()).isEqualTo(200);
        }
    }

    @Test
    void aRequestBodySentWhileTheAppWakesIsForwarded() throws IOException {
        routes.put("bodysleepy", 3000, new Route.Live("bodysleepy", endpoint, () -> { }));

        try (RawHttp raw = new RawHttp(gateway.port())) {
            RawHttp.Response response = raw.send("POST /echo HTTP/1.1\r\nHost: 3000-bodysleepy.localhost\r\n"
                    + "Content-Length: 5\r\n\r\nhello").read();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).contains("body-length: 5\n");
        }
    }
}
