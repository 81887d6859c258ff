package ai.spawn.gateway;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link Route.Live#wake()} actions of sleeping apps on a few blocking threads, never on an event loop.
 * Requests that arrive for an app while it is being woken share that one run. Thread-safe; {@link #close()} stops
 * the threads (pending wakes fail).
 */
final class AppWakes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AppWakes.class);
    private static final int THREADS = 4;
    private static final int QUEUE = 1024;

    private final ConcurrentMap<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor executor;

    AppWakes() {
        AtomicInteger count = new AtomicInteger();
        executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE),
                task -> {
                    Thread t = new Thread(task, "spawnai-gateway-wake-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /** Wakes {@code appId} with {@code wake}, or joins a wake of it already under way; completes when it is done. */
    CompletableFuture<Void> wake(String appId, Runnable wake) {
        CompletableFuture<Void> fresh = new CompletableFuture<>();
        CompletableFuture<Void> current = running.putIfAbsent(appId, fresh);
        if (current != null) {
            return current;
        }
        try {
            executor.execute(() -> run(appId, wake, fresh));
        } catch (RejectedExecutionException e) {
            running.remove(appId, fresh);
            fresh.completeExceptionally(e);
        }
        return fresh;
    }

    private void run(String appId, Runnable wake, CompletableFuture<Void> done) {
        long start = System.nanoTime();
        try {
            wake.run();
            log.debug("App {} woken in {} µs", appId, (System.nanoTime() - start) / 1000);
            running.remove(appId, done);
            done.complete(null);
        } catch (RuntimeException e) {
            log.warn("App {} could not be woken", appId, e);
            running.remove(appId, done);
            done.completeExceptionally(e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        running.values().forEach(f -> f.completeExceptionally(new RejectedExecutionException("gateway stopped")));
        running.clear();
    }
}
