package ai.spawn.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.spawn.progress.EventBus;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent event streams: a comment every 15 s notices clients that went away (and keeps proxies from
 * timing streams out), and shutdown ends every stream first, so a graceful shutdown does not wait for them.
 */
@Component
class OpenStreams implements SmartLifecycle {

    private final Map<SseEmitter, EventBus.Subscription> streams = new ConcurrentHashMap<>();
    private volatile boolean running;

    void add(SseEmitter emitter, EventBus.Subscription subscription) {
        streams.put(emitter, subscription);
        Runnable remove = () -> {
            streams.remove(emitter);
            subscription.close();
        };
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
    }

    @Scheduled(fixedDelay = 15_000, initialDelay = 15_000)
    void heartbeat() {
        streams.forEach((emitter, subscription) -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                streams.remove(emitter);
                subscription.close();
                emitter.completeWithError(gone);
            }
        });
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        streams.forEach((emitter, subscription) -> {
            subscription.close();
            emitter.complete();
        });
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown, which would otherwise wait for these streams. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
