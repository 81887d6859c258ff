package ai.spawn.security;

import java.util.List;

/**
 * The record of security events: what apps tried that a limit or guard stopped. Each recorded event is stored and
 * counted in the metric {@code spawnai.security.events} tagged with its {@code kind}.
 *
 * <p>Implementations are thread-safe. {@link #record} is called from provider and proxy threads and returns quickly
 * (one insert); it throws an unchecked exception when the store fails, and callers that must not fail log it.
 */
public interface SecurityEvents {

    /** Stores the event and counts it. */
    void record(SecurityEvent event);

    /** The app's events, newest first, at most {@value #MAX_LIST}. */
    List<SecurityEvent> list(String appId);

    /** The latest events of every app, newest first. */
    List<SecurityEvent> recent(int limit);

    /** Most events {@link #list} returns. */
    int MAX_LIST = 1000;
}
