package ai.spawn.spawn;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teardown steps registered as resources are acquired; {@link #runAll()} runs each once, newest first, and keeps
 * going when one fails. Thread-safe: the pipeline registers while a destroy request may run them.
 */
final class Cleanups {

    private static final Logger log = LoggerFactory.getLogger(Cleanups.class);

    private final Deque<Step> steps = new ArrayDeque<>();
    private boolean ran;

    /** Registers a teardown; when the cleanups already ran, runs it at once (the resource came too late). */
    void register(String name, Runnable action) {
        synchronized (this) {
            if (!ran) {
                steps.push(new Step(name, action));
                return;
            }
        }
        run(new Step(name, action));
    }

    void runAll() {
        while (true) {
            Step next;
            synchronized (this) {
                ran = true;
                next = steps.poll();
            }
            if (next == null) {
                return;
            }
            run(next);
        }
    }

    private static void run(Step step) {
        try {
            step.action.run();
        } catch (RuntimeException e) {
            log.warn("cleanup '{}' failed", step.name, e);
        }
    }

    private record Step(String name, Runnable action) { }
}
