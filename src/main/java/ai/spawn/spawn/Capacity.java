package ai.spawn.spawn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many apps may hold a sandbox at once ({@code spawnai.sandbox.max-live}) and how many may wait for one
 * ({@code spawnai.apps.max-queued}). An app takes a slot when its pipeline starts and gives it back when it fails,
 * expires or is destroyed; waiting apps then start in arrival order. Thread-safe.
 */
@Component
class Capacity {

    private final int maxLive;
    private final int maxQueued;
    private final Set<String> holders = new HashSet<>();
    private final Deque<String> waiting = new ArrayDeque<>();

    Capacity(@Value("${spawnai.sandbox.max-live:1000}") int maxLive,
             @Value("${spawnai.apps.max-queued:200}") int maxQueued) {
        this.maxLive = maxLive;
        this.maxQueued = maxQueued;
    }

    /**
     * Refuses a new app when even the queue is full.
     *
     * @throws AtCapacityException with a retry hint
     */
    synchronized void checkAdmission() {
        if (holders.size() >= maxLive && waiting.size() >= maxQueued) {
            throw new AtCapacityException(holders.size(), waiting.size());
        }
    }

    /** Takes a slot for the app (0 returned: run now) or queues it (its 1-based position returned). */
    synchronized int admit(String appId) {
        if (holders.contains(appId)) {
            return 0;
        }
        if (holders.size() < maxLive && waiting.isEmpty()) {
            holders.add(appId);
            return 0;
        }
        if (!waiting.contains(appId)) {
            waiting.addLast(appId);
        }
        return position(appId);
    }

    /** Counts an app that runs already (restarted at start-up), even beyond the limit. */
    synchronized void hold(String appId) {
        holders.add(appId);
    }

    /** Gives the app's slot back (or its place in the queue); starts the apps that may now run. Idempotent. */
    void release(String appId, Consumer<String> start, Consumer<List<String>> stillWaiting) {
        List<String> startNow;
        List<String> queue;
        synchronized (this) {
            boolean changed = holders.remove(appId) | waiting.remove(appId);
            if (!changed) {
                return;
            }
            startNow = new ArrayList<>();
            while (holders.size() < maxLive && !waiting.isEmpty()) {
                String next = waiting.pollFirst();
                holders.add(next);
                startNow.add(next);
            }
            queue = List.copyOf(waiting);
        }
        startNow.forEach(start);
        if (!queue.isEmpty()) {
            stillWaiting.accept(queue);
        }
    }

    synchronized int position(String appId) {
        int i = 1;
        for (String id : waiting) {
            if (id.equals(appId)) {
                return i;
            }
            i++;
        }
        return 0;
    }

    synchronized int live() {
        return holders.size();
    }
}
