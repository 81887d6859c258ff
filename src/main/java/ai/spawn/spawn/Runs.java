package ai.spawn.spawn;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/** The runs this node holds, by app id. Thread-safe. */
@Component
class Runs {

    private final ConcurrentMap<String, Run> runs = new ConcurrentHashMap<>();

    /** Starts a fresh run for the app, tearing down a previous one. */
    Run begin(String appId) {
        Run fresh = new Run(appId);
        Run old = runs.put(appId, fresh);
        if (old != null) {
            old.cleanups().runAll();
        }
        return fresh;
    }

    Optional<Run> find(String appId) {
        return Optional.ofNullable(runs.get(appId));
    }

    /** Tears down and forgets the app's run, if any. Idempotent. */
    void end(String appId) {
        Run run = runs.remove(appId);
        if (run != null) {
            run.cleanups().runAll();
        }
    }

    /** Ends {@code run} only if it is still the app's current run. */
    void end(Run run) {
        runs.remove(run.appId(), run);
        run.cleanups().runAll();
    }

    Collection<Run> all() {
        return List.copyOf(runs.values());
    }
}
