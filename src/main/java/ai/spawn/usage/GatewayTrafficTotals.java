package ai.spawn.usage;

import ai.spawn.gateway.GatewayTrafficListener;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The gateway's traffic over all apps as counters: {@code spawnai.gateway.requests} and {@code spawnai.gateway.bytes}
 * ({@code direction=in|out}). Per-app figures are on {@link UsageMeter#usage}. Thread-safe; never blocks.
 */
@Component
class GatewayTrafficTotals implements GatewayTrafficListener {

    private final LongAdder requests = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();

    GatewayTrafficTotals(ObjectProvider<MeterRegistry> registry) {
        registry.ifAvailable(meters -> {
            FunctionCounter.builder("spawnai.gateway.requests", requests, LongAdder::sum)
                    .description("requests forwarded to apps").register(meters);
            FunctionCounter.builder("spawnai.gateway.bytes", bytesIn, LongAdder::sum).baseUnit("bytes")
                    .tag("direction", "in").description("bytes from clients of apps").register(meters);
            FunctionCounter.builder("spawnai.gateway.bytes", bytesOut, LongAdder::sum).baseUnit("bytes")
                    .tag("direction", "out").description("bytes to clients of apps").register(meters);
        });
    }

    @Override
    public void onRequest(String appId, int port) {
        requests.increment();
    }

    @Override
    public void onBytes(String appId, long in, long out) {
        bytesIn.add(in);
        bytesOut.add(out);
    }
}
