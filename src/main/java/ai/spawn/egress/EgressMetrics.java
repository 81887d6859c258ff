package ai.spawn.egress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what the egress proxy refuses ({@code spawnai.egress.refused}) and lets through
 * ({@code spawnai.egress.connected}). No host tag: hosts are chosen by sandboxed code, so they would let it grow the
 * metric without bound; the log line of each refusal names the host. Thread-safe.
 */
final class EgressMetrics implements EgressListener {

    private final Counter refused;
    private final Counter connected;

    EgressMetrics(MeterRegistry registry) {
        this.refused = Counter.builder("spawnai.egress.refused")
                .description("destinations the egress proxy refused to sandboxes").register(registry);
        this.connected = Counter.builder("spawnai.egress.connected")
                .description("tunnels and requests the egress proxy opened for sandboxes").register(registry);
    }

    @Override
    public void refused(String sandboxId, String host, int port, String reason) {
        refused.increment();
    }

    @Override
    public void connected(String sandboxId, String host, int port) {
        connected.increment();
    }
}
