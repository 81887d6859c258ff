package ai.spawn.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts what the gateway reports, per app. Thread-safe. */
final class RecordingTrafficListener implements GatewayTrafficListener {

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> bytesIn = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> bytesOut = new ConcurrentHashMap<>();

    @Override
    public void onRequest(String appId, int port) {
        requests.computeIfAbsent(appId, id -> new LongAdder()).increment();
    }

    @Override
    public void onBytes(String appId, long in, long out) {
        bytesIn.computeIfAbsent(appId, id -> new LongAdder()).add(in);
        bytesOut.computeIfAbsent(appId, id -> new LongAdder()).add(out);
    }

    long requests(String appId) {
        return sum(requests, appId);
    }

    long bytesIn(String appId) {
        return sum(bytesIn, appId);
    }

    long bytesOut(String appId) {
        return sum(bytesOut, appId);
    }

    private static long sum(Map<String, LongAdder> counters, String appId) {
        LongAdder adder = counters.get(appId);
        return adder == null ? 0 : adder.sum();
    }
}
