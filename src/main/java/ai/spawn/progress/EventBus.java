package ai.spawn.progress;

import java.util.List;
import java.util.function.Consumer;

/**
 * Stores and fans out progress events. Thread-safe.
 *
 * <p>{@link #publish} persists the event before any subscriber sees it, so a client that connects late replays the
 * full history. A subscriber receives each event exactly once and in order, on a thread of the bus (never the
 * publisher's); a slow subscriber does not slow publishers.
 */
public interface EventBus {

    /** Assigns the next sequence number, stores the event and delivers it to subscribers; returns it numbered. */
    SpawnEvent publish(SpawnEvent event);

    /** Every stored event of the app, oldest first. */
    List<SpawnEvent> history(String appId);

    /**
     * Delivers the stored events of the app with {@code seq > afterSeq}, then every new one, without gaps or
     * duplicates, until the subscription is closed.
     */
    Subscription subscribe(String appId, long afterSeq, Consumer<SpawnEvent> listener);

    /** An open subscription; closing it is idempotent. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
