package ai.spawn.usage;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spawn.gateway.GatewayProperties;
import ai.spawn.gateway.GatewayServer;
import ai.spawn.gateway.GatewayTrafficListener;
import ai.spawn.gateway.Route;
import ai.spawn.sandbox.ExecResult;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxCapacity;
import ai.spawn.sandbox.SandboxEndpoint;
import ai.spawn.sandbox.SandboxNotFoundException;
import ai.spawn.sandbox.SandboxProvider;
import ai.spawn.sandbox.SandboxSpec;
import ai.spawn.sandbox.SandboxUsage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Usage from fake sandboxes: per-app figures, averages, what remains after destroy, and the machine's meters. */
class UsageMeterTest {

    /** A sandbox whose accounting the test sets. */
    private static final class FakeSandbox implements Sandbox {
        private final String id;
        private volatile SandboxUsage usage;
        private volatile boolean destroyed;

        FakeSandbox(String id, SandboxUsage usage) {
            this.id = id;
            this.usage = usage;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public SandboxSpec spec() {
            return new SandboxSpec("app", "node", ai.spawn.sandbox.SandboxLimits.defaults(), Map.of());
        }

        @Override
        public void writeFiles(Map<String, String> files) {
        }

        @Override
        public ExecResult exec(String command, Duration timeout, Consumer<String> output) {
            return new ExecResult(0, false, List.of(), 0);
        }

        @Override
        public void start(String command, int port) {
        }

        @Override
        public SandboxEndpoint endpoint() {
            return new SandboxEndpoint.Tcp("127.0.0.1", 1);
        }

        @Override
        public boolean isRunning() {
            return true;
        }

        @Override
        public List<String> logs(int max) {
            return List.of();
        }

        @Override
        public SandboxUsage usage() {
            if (destroyed) {
                throw new SandboxNotFoundException(id);
            }
            return usage;
        }

        @Override
        public void destroy() {
            destroyed = true;
        }
    }

    /** Holds fake sandboxes. */
    private static final class FakeProvider implements SandboxProvider {
        final Map<String, FakeSandbox> sandboxes = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public Sandbox create(SandboxSpec spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Sandbox> find(String sandboxId) {
            return Optional.ofNullable(sandboxes.get(sandboxId));
        }

        @Override
        public Set<String> list() {
            return Set.copyOf(sandboxes.keySet());
        }

        @Override
        public void destroy(String sandboxId) {
            FakeSandbox s = sandboxes.remove(sandboxId);
            if (s != null) {
                s.destroy();
            }
        }

        @Override
        public SandboxCapacity capacity() {
            return new SandboxCapacity(sandboxes.size(), 2, 1000, 8L << 30, 1L << 30);
        }
    }

    private final FakeProvider provider = new FakeProvider();
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final UsageMeter meter = new UsageMeter(provider, new GatewayServer(GatewayProperties.defaults(),
            (appId, port) -> new Route.Unknown(), GatewayTrafficListener.NONE),
            new UsageProperties(Duration.ofSeconds(10), Duration.ofMinutes(15)),
            new StaticListableBeanFactory(Map.of("registry", registry)).getBeanProvider(MeterRegistry.class));

    private FakeSandbox add(String id, SandboxUsage usage) {
        FakeSandbox sandbox = new FakeSandbox(id, usage);
        provider.sandboxes.put(id, sandbox);
        return sandbox;
    }

    @Test
    void reportsCpuSecondsAndMemoryOfTheSandbox() {
        FakeSandbox sandbox = add("s1", new SandboxUsage(2500, 10 << 20, 12 << 20));

        AppUsage usage = meter.usage("app1", sandbox);

        assertThat(usage.cpuSeconds()).isEqualTo(2.5);
        assertThat(usage.memoryBytes()).isEqualTo(10 << 20);
        assertThat(usage.peakMemoryBytes()).isEqualTo(12 << 20);
        assertThat(usage.averageMemoryBytes()).isEqualTo(10 << 20);
        assertThat(usage.requests()).isZero();
    }

    @Test
    void peakAndAverageFollowTheSamples() {
        FakeSandbox sandbox = add("s1", new SandboxUsage(0, 100, 100));
        meter.sample();
        sandbox.usage = new SandboxUsage(0, 1000, 1000);
        meter.sample();
        sandbox.usage = new SandboxUsage(0, 100, 100);

        AppUsage usage = meter.usage("app1", sandbox);

        assertThat(usage.peakMemoryBytes()).isEqualTo(1000);
        assertThat(usage.averageMemoryBytes()).isBetween(100L, 1000L);
        assertThat(usage.memoryBytes()).isEqualTo(100);
    }

    @Test
    void keepsTheLastFiguresOfADestroyedSandbox() {
        FakeSandbox sandbox = add("s1", new SandboxUsage(4000, 500, 700));
        meter.sample();

        provider.destroy("s1");
        meter.sample();

        AppUsage usage = meter.usage("app1", sandbox);
        assertThat(usage.cpuSeconds()).isEqualTo(4.0);
        assertThat(usage.peakMemoryBytes()).isEqualTo(700);
    }

    @Test
    void withoutASandboxOnlyTheGatewayFiguresCount() {
        assertThat(meter.usage("app1", null)).isEqualTo(AppUsage.NONE);
    }

    @Test
    void publishesMachineWideMetersOnly() {
        FakeSandbox a = add("s1", new SandboxUsage(1000, 100, 100));
        add("s2", new SandboxUsage(2000, 300, 300));
        meter.sample();
        a.usage = new SandboxUsage(1500, 100, 100);
        meter.sample();

        assertThat(registry.get("spawnai.sandboxes.memory").gauge().value()).isEqualTo(400);
        assertThat(registry.get("spawnai.sandboxes.cpu").functionCounter().count()).isEqualTo(3.5);
        assertThat(registry.get("spawnai.sandbox.memory").summary().count()).isEqualTo(4);
        assertThat(registry.get("spawnai.sandboxes").tag("state", "live").gauge().value()).isEqualTo(2);
        assertThat(registry.get("spawnai.sandboxes").tag("state", "pooled").gauge().value()).isEqualTo(2);
        assertThat(registry.get("spawnai.sandboxes.max").gauge().value()).isEqualTo(1000);
        assertThat(registry.get("spawnai.host.memory.available").gauge().value()).isEqualTo(8L << 30);
        assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTags())
                .allMatch(t -> t.getKey().equals("state")));
    }
}
