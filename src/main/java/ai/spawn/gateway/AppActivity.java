package ai.spawn.gateway;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When each app last had traffic through the gateway — a request forwarded to it, or bytes either way on one of
 * its connections (so a busy WebSocket counts as activity) — for pausing apps that sit idle. A
 * {@link GatewayTrafficListener}: the gateway feeds it on its event loops (one map lookup and a volatile write per
 * call). Thread-safe.
 *
 * <p>Only apps with traffic, or marked by {@link #touch}, are known; mark an app when it goes live (or is resumed)
 * so that its idle time counts from then, and {@link #forget} it when it ends.
 */
public final class AppActivity implements GatewayTrafficListener {

    private final Clock clock;
    private final ConcurrentMap<String, AtomicLong> lastMillis = new ConcurrentHashMap<>();

    public AppActivity(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onRequest(String appId, int port) {
        touch(appId);
    }

    @Override
    public void onBytes(String appId, long bytesIn, long bytesOut) {
        touch(appId);
    }

    /** Records activity of {@code appId} now. */
    public void touch(String appId) {
        long now = clock.millis();
        AtomicLong last = lastMillis.get(appId);
        if (last == null) {
            last = lastMillis.computeIfAbsent(appId, id -> new AtomicLong());
        }
        last.set(now);
    }

    /** When {@code appId} last had traffic (or was touched); empty when never, or forgotten. */
    public Optional<Instant> lastActive(String appId) {
        AtomicLong last = lastMillis.get(appId);
        return last == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(last.get()));
    }

    /** The known apps whose last activity is before {@code cutoff} (e.g. now minus the idle-pause time). */
    public Set<String> idleSince(Instant cutoff) {
        long limit = cutoff.toEpochMilli();
        Set<String> idle = new HashSet<>();
        lastMillis.forEach((appId, last) -> {
            if (last.get() < limit) {
                idle.add(appId);
            }
        });
        return idle;
    }

    /** Forgets {@code appId} (destroyed, expired). Idempotent. */
    public void forget(String appId) {
        lastMillis.remove(appId);
    }
}
