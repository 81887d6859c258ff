package ai.spawn.security;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link SecurityEvents} for tests: keeps every recorded event in memory. Thread-safe. */
public final class RecordingSecurityEvents implements SecurityEvents {

    private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(SecurityEvent event) {
        events.add(event);
    }

    @Override
    public List<SecurityEvent> list(String appId) {
        return events.stream().filter(e -> e.appId().equals(appId))
                .sorted(Comparator.comparing(SecurityEvent::time).reversed()).limit(MAX_LIST).toList();
    }

    @Override
    public List<SecurityEvent> recent(int limit) {
        return events.stream().sorted(Comparator.comparing(SecurityEvent::time).reversed())
                .limit(Math.max(0, limit)).toList();
    }

    /** Every event recorded so far, oldest first. */
    public List<SecurityEvent> all() {
        return List.copyOf(events);
    }

    /** The kinds recorded for {@code appId}, oldest first. */
    public List<String> kinds(String appId) {
        return events.stream().filter(e -> e.appId().equals(appId)).map(SecurityEvent::kind).toList();
    }
}
