package ai.spawn.usage;

import ai.spawn.gateway.AppTraffic;
import ai.spawn.gateway.GatewayServer;
import ai.spawn.sandbox.Sandbox;
import ai.spawn.sandbox.SandboxCapacity;
import ai.spawn.sandbox.SandboxException;
import ai.spawn.sandbox.SandboxProvider;
import ai.spawn.sandbox.SandboxUsage;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resource usage per app from cgroup accounting and the gateway's counters, and the machine's totals as metrics.
 * Every {@code spawnai.usage.sample-interval} it reads the memory and cpu of every sandbox the provider holds (a few
 * small file reads each), to keep each sandbox's average memory and the totals.
 *
 * <p>Metrics are machine-wide only — {@code spawnai.sandboxes} ({@code state=live|pooled}),
 * {@code spawnai.sandboxes.max}, {@code spawnai.host.memory.available}, {@code spawnai.sandboxes.memory} (sum now),
 * {@code spawnai.sandbox.memory} (a summary of every sandbox's memory at each sample: count, mean, max) and
 * {@code spawnai.sandboxes.cpu} (cpu-seconds, monotonic) — plus the gateway's totals
 * ({@link GatewayTrafficTotals}). Per-app figures come from {@link #usage}, not from meters tagged with app ids:
 * a thousand apps, each with a handful of series, every id new and short-lived, would grow the metrics backend
 * without bound and cost every scrape, for figures that belong with each app on the API anyway.
 *
 * <p>Thread-safe.
 */
@Component
public class UsageMeter {

    private static final Logger log = LoggerFactory.getLogger(UsageMeter.class);

    private final SandboxProvider sandboxes;
    private final GatewayServer gateway;
    private final UsageProperties properties;
    private final Map<String, SandboxSamples> samples = new ConcurrentHashMap<>();
    private final AtomicLong totalMemory = new AtomicLong();
    private final DoubleAdder cpuSeconds = new DoubleAdder();
    private final @Nullable DistributionSummary memorySummary;

    UsageMeter(SandboxProvider sandboxes, GatewayServer gateway, UsageProperties properties,
               ObjectProvider<MeterRegistry> registry) {
        this.sandboxes = sandboxes;
        this.gateway = gateway;
        this.properties = properties;
        MeterRegistry meters = registry.getIfAvailable();
        this.memorySummary = meters == null ? null : register(meters);
    }

    private DistributionSummary register(MeterRegistry meters) {
        capacityGauge(meters, "spawnai.sandboxes", "live", SandboxCapacity::live);
        capacityGauge(meters, "spawnai.sandboxes", "pooled", SandboxCapacity::pooled);
        capacityGauge(meters, "spawnai.sandboxes.max", null, SandboxCapacity::maxLive);
        Gauge.builder("spawnai.host.memory.available", sandboxes,
                        s -> known(s.capacity(), c -> (double) c.memoryAvailableBytes()))
                .baseUnit("bytes").description("memory the host has available (MemAvailable)").register(meters);
        Gauge.builder("spawnai.sandboxes.memory", totalMemory, AtomicLong::get).baseUnit("bytes")
                .description("memory used by all sandboxes, at the last sample").register(meters);
        FunctionCounter.builder("spawnai.sandboxes.cpu", cpuSeconds, DoubleAdder::sum).baseUnit("seconds")
                .description("cpu time used by sandboxes").register(meters);
        return DistributionSummary.builder("spawnai.sandbox.memory").baseUnit("bytes")
                .description("memory of each sandbox at each sample").register(meters);
    }

    private void capacityGauge(MeterRegistry meters, String name, @Nullable String state,
                               ToDoubleFunction<SandboxCapacity> figure) {
        Gauge.Builder<SandboxProvider> gauge = Gauge.builder(name, sandboxes, s -> known(s.capacity(), figure));
        if (state != null) {
            gauge.tag("state", state);
        }
        gauge.register(meters);
    }

    private static double known(SandboxCapacity capacity, ToDoubleFunction<SandboxCapacity> figure) {
        return capacity.known() ? figure.applyAsDouble(capacity) : Double.NaN;
    }

    /**
     * What {@code appId} has used: cpu and memory of {@code sandbox} (its current figures; the last sampled ones
     * once it is destroyed, for {@code spawnai.usage.retain}) and what the gateway carried for the app. Cheap:
     * a few file reads.
     *
     * @param sandbox the app's sandbox; {@code null} when it has none (then only the gateway's figures)
     */
    public AppUsage usage(String appId, @Nullable Sandbox sandbox) {
        AppTraffic traffic = gateway.traffic(appId);
        if (sandbox == null) {
            return new AppUsage(0, 0, 0, 0, traffic.bytesIn(), traffic.bytesOut(), traffic.requests());
        }
        long now = System.nanoTime();
        SandboxSamples s = read(sandbox).map(u -> record(sandbox.id(), now, u)).orElse(samples.get(sandbox.id()));
        if (s == null) {
            return new AppUsage(0, 0, 0, 0, traffic.bytesIn(), traffic.bytesOut(), traffic.requests());
        }
        SandboxUsage last = s.last();
        return new AppUsage(last.cpuMillis() / 1000.0, last.memoryBytes(), s.peak(), s.averageMemory(now),
                traffic.bytesIn(), traffic.bytesOut(), traffic.requests());
    }

    /** Reads every sandbox of the provider; forgets those gone for longer than {@code retain}. */
    @Scheduled(fixedDelayString = "${spawnai.usage.sample-interval:PT10S}",
            initialDelayString = "${spawnai.usage.sample-interval:PT10S}")
    public void sample() {
        long now = System.nanoTime();
        long total = 0;
        Set<String> seen = new HashSet<>();
        for (String id : sandboxes.list()) {
            Optional<Sandbox> sandbox = sandboxes.find(id);
            Optional<SandboxUsage> usage = sandbox.flatMap(this::read);
            if (usage.isEmpty()) {
                continue;
            }
            seen.add(id);
            record(id, now, usage.get());
            total += usage.get().memoryBytes();
            if (memorySummary != null) {
                memorySummary.record(usage.get().memoryBytes());
            }
        }
        totalMemory.set(total);
        long forgetBefore = now - properties.retain().toNanos();
        samples.forEach((id, s) -> {
            if (!seen.contains(id)) {
                s.gone(now);
                if (s.goneBefore(forgetBefore)) {
                    samples.remove(id, s);
                }
            }
        });
        log.debug("sampled {} sandboxes: {} MiB in all", seen.size(), total >> 20);
    }

    private SandboxSamples record(String sandboxId, long now, SandboxUsage usage) {
        SandboxSamples fresh = new SandboxSamples(now, usage);
        SandboxSamples s = samples.putIfAbsent(sandboxId, fresh);
        if (s == null) {
            cpuSeconds.add(usage.cpuMillis() / 1000.0);
            return fresh;
        }
        cpuSeconds.add(s.add(now, usage) / 1000.0);
        return s;
    }

    private Optional<SandboxUsage> read(Sandbox sandbox) {
        try {
            return Optional.of(sandbox.usage());
        } catch (SandboxException gone) {
            return Optional.empty();
        }
    }
}
